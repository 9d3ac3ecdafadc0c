/**
 * components/privacy/ — the privacy page and the footer that links to it.
 *
 *   PrivacyPolicy.tsx ─▶ components/parts/Markdown.tsx  PRIVACY.md, as text
 *   PrivacyFooter.tsx   under the options page
 *   privacy.css
 *
 * The privacy policy as an extension page (privacy.html), linked from the
 * options page's footer: PRIVACY.md itself, bundled as text at build time
 * (Vite's `?raw`) and rendered as text, so the page and the file cannot
 * differ and reading it needs no network.
 */
import policy from '../../PRIVACY.md?raw';
import './privacy.css';
import { Markdown } from '../parts/Markdown';
import { parseMarkdown } from '../parts/markdown';
import type { Theme } from '../parts/page-theme';

const blocks = parseMarkdown(policy);

export function PrivacyPolicy({ theme }: { theme: Theme }) {
  return (
    <main
      class="pc-theme pc-options pc-document"
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      <Markdown blocks={blocks} />
    </main>
  );
}
