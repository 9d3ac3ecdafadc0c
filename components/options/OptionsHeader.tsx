/**
 * The top of the options page: what Profile Card is, its privacy promise
 * (directories/promise.ts), and a jump link to each section the page draws
 * (Options.tsx hands over the same list it draws the sections from, so sync,
 * directories and address books have theirs when the page offers them).
 */
import type { ComponentChildren } from 'preact';
import { privacyPromise } from '../../directories/promise';
import { type MessageKey, t } from '../../i18n/t';

/** A section of the page: its heading's id, the words of its link, and what draws it. */
export interface Section {
  id: string;
  label: MessageKey;
  body: ComponentChildren;
}

export function OptionsHeader({ sections }: { sections: readonly Section[] }) {
  return (
    <header class="pc-options-head">
      <h1>{t('ext_name')}</h1>
      <p class="pc-muted">
        {t('options_intro')} {privacyPromise()}
      </p>
      <nav class="pc-jump" aria-label={t('options_jump')}>
        {sections.map(({ id, label }) => (
          <a key={id} href={`#${id}`}>
            {t(label)}
          </a>
        ))}
      </nav>
    </header>
  );
}
