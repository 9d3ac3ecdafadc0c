/**
 * Identities claimed by two people. The directory resolves each clash the
 * same way every time (people/directory.ts: your own people before bundled
 * ones, then the smaller id; people/precedence.ts: people of subscribed
 * directories after both); this says so, so a card that shows someone
 * unexpected is never a mystery. Shown only when there is a clash.
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
}: {
  conflicts: readonly IdentityConflict[];
  /** Who an id is (only the name is read). */
  byId: (id: string) => Pick<Profile, 'name'> | undefined;
  /** Handles a subscribed directory's people share with yours (or a bundled person's). */
  directoryClashes?: readonly DirectoryClash[];
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
          </li>
        ))}
      </ul>
    </section>
  );
}
