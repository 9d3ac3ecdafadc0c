/**
 * An import's preview (ImportPanel.tsx): what the file will add, update,
 * leave alone and refuse (ImportLists.tsx), a note when the store changed
 * since, why saving is blocked if it is, and the confirm and cancel buttons.
 * Nothing is written until the confirm.
 */
import { t, tn } from '../../i18n/t';
import type { PreviewView } from '../../jobs/jobs';
import { FitNotes, Names, RefusedList, SalvageList, Updates } from './ImportLists';

export function ImportPreview({
  view,
  note,
  blocked,
  writing,
  onConfirm,
  onCancel,
}: {
  view: PreviewView;
  /** What changed in the store since the first preview, when it was computed again. */
  note?: string;
  blocked?: string;
  /** The write is under way: the confirm is busy and the cancel stops it. */
  writing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const writes = view.added + view.updated;
  return (
    <section class="pc-preview" aria-labelledby="pc-preview-title">
      <h3 id="pc-preview-title">{t('import_preview_of', view.name)}</h3>
      {note && (
        <p class="pc-banner" role="alert">
          {note}
        </p>
      )}
      <p>{t('import_counts', view.added, view.updated, view.unchanged, view.rejected)}</p>
      {view.added > 0 && (
        <Names title={t('import_will_add')} names={view.addedNames} total={view.added} />
      )}
      {view.updated > 0 && (
        <Updates title={t('import_will_update')} diffs={view.updatedDiffs} total={view.updated} />
      )}
      {view.rejected > 0 && <RefusedList view={view} />}
      {view.leftOut > 0 && <SalvageList view={view} />}
      {view.notes > 0 && <FitNotes view={view} />}
      {blocked && (
        <p class="pc-error" role="alert">
          {blocked}
        </p>
      )}
      <div class="pc-form-actions">
        <button
          type="button"
          class="pc-button pc-primary"
          disabled={writes === 0 || !!blocked || writing}
          aria-busy={writing}
          onClick={onConfirm}
        >
          {writing
            ? tn('import_importing', writes)
            : writes === 0
              ? t('import_nothing')
              : tn('import_button', writes)}
        </button>
        <button type="button" class="pc-button" onClick={onCancel}>
          {writing ? t('import_cancel') : t('cancel')}
        </button>
      </div>
    </section>
  );
}
