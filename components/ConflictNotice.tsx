/**
 * A change that met a change made elsewhere (another tab, the background):
 * says who was changed and how, and lets the user choose — their own change
 * again over what is stored now, or what is stored now. Nothing is written
 * until they choose, and either way nothing is lost without being shown.
 */

import type { Profile } from '../profiles/schema';
import type { Conflict } from '../profiles/store';

const FIELDS: [keyof Profile, string][] = [
  ['name', 'name'],
  ['headline', 'headline'],
  ['bio', 'bio'],
  ['highlights', 'highlights'],
  ['projects', 'projects'],
  ['contact', 'contact'],
  ['identities', 'handles'],
  ['location', 'location'],
];

/** Which fields differ between two versions of a person, in words. */
export function changedFields(mine: Partial<Profile>, theirs: Partial<Profile>): string[] {
  return FIELDS.filter(([key]) => JSON.stringify(mine[key]) !== JSON.stringify(theirs[key])).map(
    ([, label]) => label,
  );
}

export interface PendingConflict {
  /** What the user tried: "save", "add" or "delete", and their version. */
  action: 'save' | 'add' | 'delete';
  mine: Profile;
  /** What they based it on, when they edited or deleted an existing person. */
  base?: Profile;
  conflict: Conflict;
}

export function ConflictNotice({
  pending,
  busy,
  onRetry,
  onKeepTheirs,
}: {
  pending: PendingConflict;
  busy: boolean;
  onRetry: () => void;
  onKeepTheirs: () => void;
}) {
  const { action, mine, base, conflict } = pending;
  let text: string;
  let retry: string;
  if (conflict.kind === 'gone') {
    text = `${mine.name} was deleted in another tab.`;
    retry = action === 'delete' ? 'OK' : 'Add mine back';
  } else if (conflict.kind === 'claimed') {
    text = `${conflict.key} is now ${conflict.owner.name}'s (${conflict.owner.id}), changed in another tab.`;
    retry = 'Try again';
  } else {
    const theirs = conflict.theirs.profile;
    const fields = changedFields(base ?? mine, theirs);
    const what = fields.length > 0 ? `changed: ${fields.join(', ')}` : 'saved again';
    text =
      conflict.kind === 'exists'
        ? `"${mine.id}" was added in another tab (${theirs.name}) while you were typing.`
        : `${theirs.name} was changed in another tab (${what}).`;
    retry =
      action === 'delete'
        ? 'Delete anyway'
        : conflict.kind === 'exists'
          ? 'Replace theirs with mine'
          : 'Save mine over theirs';
  }
  return (
    <div class="pc-banner" role="alert">
      <p>
        <strong>{text}</strong> Nothing was written over it.
      </p>
      <div class="pc-form-actions">
        {!(conflict.kind === 'gone' && action === 'delete') && (
          <button
            type="button"
            class="pc-button pc-primary"
            disabled={busy}
            aria-busy={busy}
            onClick={onRetry}
          >
            {retry}
          </button>
        )}
        <button type="button" class="pc-button" disabled={busy} onClick={onKeepTheirs}>
          {conflict.kind === 'gone' && action === 'delete' ? 'OK' : 'Keep theirs'}
        </button>
      </div>
    </div>
  );
}
