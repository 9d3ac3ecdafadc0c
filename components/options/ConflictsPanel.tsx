/**
 * Identities claimed by two people. The directory resolves each clash the
 * same way every time (people/directory.ts: your own people before bundled
 * ones, then the smaller id; people/precedence.ts: people of subscribed
 * directories after both); this says so, so a card that shows someone
 * unexpected is never a mystery. Shown only when there is a clash. A clash
 * with an address book's contact offers to link the two (carddav/,
 * people/precedence.ts rule 5): then cards show them as one.
 */
import type { ComponentChildren } from 'preact';
import { list } from '../../i18n/format';
import { t, tn, tParts } from '../../i18n/t';
import type { IdentityConflict } from '../../people/directory';
import type { Profile } from '../../people/schema';
import type { DirectoryClash } from '../../store/store';

export function ConflictsPanel({
  conflicts,
  byId,
  directoryClashes = [],
  onLink,
  busy = false,
}: {
  conflicts: readonly IdentityConflict[];
  /** Who an id is (only the name is read). */
  byId: (id: string) => Pick<Profile, 'name'> | undefined;
  /** Handles a subscribed directory's people share with yours (or a bundled person's). */
  directoryClashes?: readonly DirectoryClash[];
  /** Links the user's person to an address book's contact (docs/carddav.md#links). */
  onLink?: (dir: string, person: string, card: string) => void;
  busy?: boolean;
}) {
  const count = conflicts.length + directoryClashes.length;
  if (count === 0) return null;
  const name = (id: string) => byId(id)?.name ?? id;
  return (
    <section class="pc-panel pc-banner" aria-labelledby="pc-conflicts-title">
      <h2 id="pc-conflicts-title">{tn('clashes_title', count)}</h2>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.key}>
            <code>{conflict.key}</code>
            {tParts<ComponentChildren>(
              'clash_line',
              <strong>{name(conflict.winner)}</strong>,
              list(conflict.losers.map(name)),
            )}
          </li>
        ))}
        {directoryClashes.map((clash) => (
          <li key={`directory-${clash.key}`}>
            <code>{clash.key}</code>
            {tParts<ComponentChildren>(
              'clash_directory_line',
              <strong>{clash.shown.name}</strong>,
              list(
                clash.hidden.map((person) =>
                  t('clash_from_directory', person.name, person.directory),
                ),
              ),
            )}
            {clash.hidden.map(
              (person) =>
                person.book &&
                onLink && (
                  <button
                    key={`${person.dir}-${person.id}`}
                    type="button"
                    class="pc-button"
                    disabled={busy}
                    aria-label={t(
                      'cdav_link_label',
                      clash.shown.name,
                      person.name,
                      person.directory,
                    )}
                    onClick={() => onLink(person.dir, clash.shown.id, person.id)}
                  >
                    {t('cdav_link', person.name, person.directory)}
                  </button>
                ),
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
