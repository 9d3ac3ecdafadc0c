/**
 * "What's new", once after an update: a banner at the top of the options
 * page with CHANGELOG.md's entries for every version since the one the user
 * last saw (settings/whats-new.ts remembers it). It is never a tab opened on
 * the user's behalf: the background only writes down the update, and this
 * banner appears the next time the user opens the options page themselves.
 *
 * Shown once: the version is marked seen as the banner appears, so it stays
 * on this page until dismissed and is not shown again — not in a second tab
 * opened later, not after a reload. Nothing on a fresh install.
 *
 * The changelog is bundled as text at build time (Vite's `?raw`), so the
 * note is the changelog itself and cannot drift from it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import changelog from '../../CHANGELOG.md?raw';
import { t } from '../../i18n/t';
import { markVersionSeen, readLastVersionSeen, toAnnounce } from '../../settings/whats-new';
import './whats-new.css';
import { Markdown } from '../parts/Markdown';
import { type ChangelogEntry, parseChangelog } from '../parts/markdown';

export interface WhatsNewProps {
  /** The running version; the manifest's by default. */
  version?: string;
  /** CHANGELOG.md's text; the bundled one by default. */
  changelogText?: string;
  read?: () => Promise<string | undefined>;
  mark?: (version: string) => Promise<void>;
}

export function WhatsNew({
  version,
  changelogText = changelog,
  read = readLastVersionSeen,
  mark = markVersionSeen,
}: WhatsNewProps) {
  const [entries, setEntries] = useState<ChangelogEntry[]>([]);
  useEffect(() => {
    const current = version ?? browser.runtime.getManifest().version;
    let live = true;
    read()
      .then((lastSeen) => {
        const found = toAnnounce(parseChangelog(changelogText), lastSeen, current);
        if (!live || found.length === 0) return;
        setEntries(found);
        return mark(current);
      })
      .catch((error: unknown) => console.warn('Profile Card: what’s new', error));
    return () => {
      live = false;
    };
  }, [version, changelogText, read, mark]);

  if (entries.length === 0) return null;
  const [newest] = entries;
  const several = entries.length > 1;
  return (
    <section class="pc-banner pc-whats-new" aria-labelledby="pc-whats-new-title">
      <h2 id="pc-whats-new-title">{t('whatsnew_title', newest?.version ?? '')}</h2>
      {entries.map((entry) => (
        <div key={entry.version} class="pc-whats-new-entry">
          {several && (
            <h3>
              {entry.version}
              {entry.date ? ` — ${entry.date}` : ''}
            </h3>
          )}
          <Markdown blocks={entry.body} headingOffset={2} />
        </div>
      ))}
      <div class="pc-form-actions">
        <button type="button" class="pc-button" onClick={() => setEntries([])}>
          {t('dismiss')}
        </button>
      </div>
    </section>
  );
}
