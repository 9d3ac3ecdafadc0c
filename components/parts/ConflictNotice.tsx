/**
 * A change that met a change made elsewhere (another tab, the background):
 * says who was changed and how, and lets the user choose — their own change
 * again over what is stored now, or what is stored now. Nothing is written
 * until they choose, and either way nothing is lost without being shown.
 */
import { list } from '../../i18n/format';
import { type MessageKey, t } from '../../i18n/t';
import type { Profile } from '../../people/schema';
import type { Conflict } from '../../store/store';

const FIELDS: [keyof Profile, MessageKey][] = [
  ['name', 'changed_name'],
  ['headline', 'changed_headline'],
  ['bio', 'changed_bio'],
  ['highlights', 'changed_highlights'],
  ['projects', 'changed_projects'],
  ['contact', 'changed_contact'],
  ['identities', 'changed_handles'],
  ['location', 'changed_location'],
  ['mine', 'changed_mine'],
];

/** Which fields differ between two versions of a person, in words. */
export function changedFields(mine: Partial<Profile>, theirs: Partial<Profile>): string[] {
  return FIELDS.filter(([key]) => JSON.stringify(mine[key]) !== JSON.stringify(theirs[key])).map(
    ([, label]) => t(label),
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
    text = t('conflict_gone', mine.name);
    retry = action === 'delete' ? t('ok') : t('conflict_add_back');
  } else if (conflict.kind === 'claimed') {
    text = t('conflict_claimed', conflict.key, conflict.owner.name, conflict.owner.id);
    retry = t('try_again');
  } else {
    const theirs = conflict.theirs.profile;
    const fields = changedFields(base ?? mine, theirs);
    const what =
      fields.length > 0 ? t('conflict_fields_changed', list(fields)) : t('conflict_saved_again');
    text =
      conflict.kind === 'exists'
        ? t('conflict_exists', mine.id, theirs.name)
        : t('conflict_changed', theirs.name, what);
    retry =
      action === 'delete'
        ? t('conflict_delete_anyway')
        : conflict.kind === 'exists'
          ? t('conflict_replace_theirs')
          : t('conflict_save_mine');
  }
  return (
    <div class="pc-banner" role="alert">
      <p>
        <strong>{text}</strong> {t('conflict_nothing_written')}
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
          {conflict.kind === 'gone' && action === 'delete' ? t('ok') : t('conflict_keep_theirs')}
        </button>
      </div>
    </div>
  );
}
