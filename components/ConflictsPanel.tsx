/**
 * Identities claimed by two people. The directory resolves each clash the
 * same way every time (profiles/directory.ts: your own people before bundled
 * ones, then the smaller id); this says so, so a card that shows someone
 * unexpected is never a mystery. Shown only when there is a clash.
 */
import type { IdentityConflict } from '../profiles/directory';
import type { Profile } from '../profiles/schema';

export function ConflictsPanel({
  conflicts,
  byId,
}: {
  conflicts: readonly IdentityConflict[];
  /** Who an id is (only the name is read). */
  byId: (id: string) => Pick<Profile, 'name'> | undefined;
}) {
  if (conflicts.length === 0) return null;
  const name = (id: string) => byId(id)?.name ?? id;
  return (
    <section class="pc-panel pc-banner" aria-labelledby="pc-conflicts-title">
      <h2 id="pc-conflicts-title">
        {conflicts.length === 1
          ? 'One handle belongs to two people'
          : `${conflicts.length} handles belong to more than one person`}
      </h2>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.key}>
            <code>{conflict.key}</code>: cards show <strong>{name(conflict.winner)}</strong>, not{' '}
            {conflict.losers.map(name).join(', ')}. Edit one of them to remove the handle.
          </li>
        ))}
      </ul>
    </section>
  );
}
