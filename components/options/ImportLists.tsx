/**
 * The lists of an import's preview (ImportPreview.tsx): who will be added,
 * what each update changes field by field, the entries refused and why, the
 * people kept without a field that could not be used (salvaged), and what
 * was changed to fit.
 */
import { t, tn } from '../../i18n/t';
import type { PreviewView } from '../../jobs/jobs';

/** Names, folded: "Will be added: 2". */
export function Names({ title, names, total }: { title: string; names: string[]; total: number }) {
  return (
    <details>
      <summary>{t('import_names', title, total)}</summary>
      <ul class="pc-names">
        {names.map((name, index) => (
          <li key={index} dir="auto">
            {name}
          </li>
        ))}
        {total > names.length && <li>{t('import_and_more', total - names.length)}</li>}
      </ul>
    </details>
  );
}

/** Each update opens to what it changes, field by field, as Keep's update does. */
export function Updates({
  title,
  diffs,
  total,
}: {
  title: string;
  diffs: PreviewView['updatedDiffs'];
  total: number;
}) {
  return (
    <details>
      <summary>{t('import_names', title, total)}</summary>
      <ul class="pc-names">
        {diffs.map(({ name, changes }, index) => (
          <li key={index}>
            <details class="pc-update">
              <summary dir="auto">{name}</summary>
              <table class="pc-diff">
                <caption class="pc-muted">{tn('import_fields_change', changes.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('keep_col_field')}</th>
                    <th scope="col">{t('keep_col_kept')}</th>
                    <th scope="col">{t('import_col_file')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{change.field}</th>
                      <td class="pc-diff-before" dir="auto">
                        {change.before}
                      </td>
                      <td class="pc-diff-after" dir="auto">
                        {change.after}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </li>
        ))}
        {total > diffs.length && <li>{t('import_and_more', total - diffs.length)}</li>}
      </ul>
    </details>
  );
}

/** The entries that will not be imported, each with why (the first 50). */
export function RefusedList({ view }: { view: PreviewView }) {
  return (
    <div class="pc-errors" role="alert">
      <p>{tn('import_refused', view.rejected)}</p>
      <ul>
        {view.rejectedLines.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {view.rejected > 50 && <li>{t('import_and_more', view.rejected - 50)}</li>}
      </ul>
    </div>
  );
}

/** The people kept without a field that could not be used: what was left out of whom. */
export function SalvageList({ view }: { view: PreviewView }) {
  return (
    <div class="pc-left-out" role="alert">
      <p>{tn('import_left_out_people', view.leftOut)}</p>
      <ul>
        {view.leftOutLines.map((line) => (
          <li key={line} dir="auto">
            {line}
          </li>
        ))}
        {view.leftOut > view.leftOutShown && (
          <li>{t('import_and_more', view.leftOut - view.leftOutShown)}</li>
        )}
      </ul>
    </div>
  );
}

/** What was changed to fit (trimmed, shortened…): open when short. */
export function FitNotes({ view }: { view: PreviewView }) {
  return (
    <details class="pc-notes" open={view.notes <= 12}>
      <summary>{tn('import_changed_to_fit', view.notes)}</summary>
      <ul>
        {view.noteLines.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {view.notes > view.noteLines.length && (
          <li>{t('import_and_more', view.notes - view.noteLines.length)}</li>
        )}
      </ul>
    </details>
  );
}
