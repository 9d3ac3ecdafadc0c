/**
 * privacy.html: PRIVACY.md as a page of the extension (an unlisted page, not
 * in the manifest), opened from the options page's footer.
 */
import { render } from 'preact';
import '../../components/card/card.css';
import '../../components/options/options.css';
import { pageTheme, readMediaPreferences } from '../../components/parts/page-theme';
import { PrivacyPolicy } from '../../components/privacy/PrivacyPolicy';

const app = document.getElementById('app');
const draw = () => {
  if (app) render(<PrivacyPolicy theme={pageTheme(null, readMediaPreferences(window))} />, app);
};
for (const query of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)']) {
  window.matchMedia(query).addEventListener('change', draw);
}
draw();
