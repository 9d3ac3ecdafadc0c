/**
 * Import by file picker, drag-and-drop or paste. Nothing is written until the
 * user has seen the preview (what will be added, updated, left alone and
 * refused, and why) and confirmed it. The work is a job that runs away from
 * the page (jobs/jobs.ts, in a worker): reading what is stored, checking
 * each entry, writing — each shown as it goes on a progress bar, so 100,000
 * people never freeze the page, and each can be cancelled; a cancelled write
 * leaves the store exactly as it was. The confirm is checked against what is
 * stored at that moment: if another tab changed anything the preview relied
 * on, the new preview is shown with what changed, and the user confirms
 * again. While a write runs the button is busy and a second click does
 * nothing. The outcome ("Imported: …", "Import cancelled; …") goes to the
 * page's one status region (`onStatus`); problems are announced here with
 * role="alert", as text.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES } from '../../formats/import';
import { MAX_BACKUP_BYTES } from '../../formats/import-backup';
import { formatBytes } from '../../i18n/format';
import { t, tn, tParts } from '../../i18n/t';
import type { JobEvent, JobPhase, PreviewView } from '../../jobs/jobs';
import { Progress } from './Progress';

/** One import, from its preview to its write, as the page drives it. */
export interface ImportJob {
  /** Writes what was previewed (events follow: progress, then committed, again or cancelled). */
  commit(): void;
  /** A preview is dropped; a write is aborted unless it has already committed (the events say which). */
  cancel(): void;
}

/** Starts previewing a file; `on` hears the job's events until it ends. */
export type StartImport = (
  name: string,
  input: Uint8Array | string,
  on: (event: JobEvent) => void,
) => ImportJob;

export interface ImportPanelProps {
  start: StartImport;
  /** Why importing is blocked right now (damaged or newer storage), if it is. */
  blocked?: string;
  /** The outcome, for the page's status region. */
  onStatus: (message: string) => void;
  /** An import was written: the page reads the people again. */
  onImported: () => void;
}

type Stage = 'idle' | 'previewing' | 'previewed' | 'writing';

/** The progress bar's words: what is happening, how far. */
export function progressLabel(
  phase: JobPhase,
  done: number,
  total: number | undefined,
  name: string,
): string {
  switch (phase) {
    case 'reading':
      return done > 0 ? t('import_reading_kept_n', done) : t('import_reading_kept');
    case 'checking':
      return total === undefined ? t('import_checking', name) : t('import_checking_n', done, total);
    case 'writing':
      return t('import_writing_n', done, total ?? done);
    default:
      return t('import_working', done);
  }
}

export function ImportPanel({ start, blocked, onStatus, onImported }: ImportPanelProps) {
  const [error, setError] = useState<string>();
  const [stage, setStage] = useState<Stage>('idle');
  const [fileName, setFileName] = useState('');
  const [progress, setProgress] = useState<{ phase: JobPhase; done: number; total?: number }>();
  const [view, setView] = useState<PreviewView>();
  const [note, setNote] = useState<string>();
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const job = useRef<ImportJob | undefined>(undefined);
  /** Set synchronously, so a double click cannot start two writes before a re-render. */
  const writing = useRef(false);

  // Leaving the page ends any job (a preview is dropped; a write not yet committed is aborted).
  useEffect(() => () => job.current?.cancel(), []);

  const finish = () => {
    job.current = undefined;
    writing.current = false;
    setProgress(undefined);
  };

  const handle = (name: string, input: Uint8Array | string) => {
    if (writing.current) return;
    job.current?.cancel();
    setError(undefined);
    setNote(undefined);
    setView(undefined);
    setFileName(name);
    setStage('previewing');
    setProgress(undefined);
    onStatus('');
    const current = start(name, input, (event) => {
      if (job.current !== current) return;
      switch (event.type) {
        case 'progress':
          setProgress({ phase: event.phase, done: event.done, total: event.total });
          return;
        case 'preview':
          setView(event.view);
          setProgress(undefined);
          setStage('previewed');
          return;
        case 'again':
          writing.current = false;
          setView(event.view);
          setNote(event.note);
          setProgress(undefined);
          setStage('previewed');
          return;
        case 'committed':
          finish();
          setStage('idle');
          setView(undefined);
          setNote(undefined);
          setPasted('');
          onStatus(t('import_done', event.added, event.updated));
          onImported();
          return;
        case 'cancelled':
          finish();
          setStage('idle');
          setView(undefined);
          setNote(undefined);
          onStatus(t('import_cancelled'));
          return;
        case 'error': {
          // A failed write keeps its preview, to try again; a failed preview has none.
          const wasWriting = writing.current;
          writing.current = false;
          setProgress(undefined);
          setError(event.message);
          setStage(wasWriting ? 'previewed' : 'idle');
          if (!wasWriting) {
            current.cancel();
            job.current = undefined;
            setView(undefined);
          }
          return;
        }
        default:
          return;
      }
    });
    job.current = current;
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      // Refused before a byte is read.
      job.current?.cancel();
      job.current = undefined;
      setStage('idle');
      setView(undefined);
      setError(
        t(
          'import_too_big',
          file.name,
          formatBytes(file.size),
          formatBytes(MAX_IMPORT_BYTES),
          formatBytes(MAX_BACKUP_BYTES),
        ),
      );
      return;
    }
    handle(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const confirm = () => {
    if (!job.current || writing.current || stage !== 'previewed') return;
    writing.current = true;
    setError(undefined);
    setStage('writing');
    job.current.commit();
  };

  const cancel = () => {
    const current = job.current;
    if (!current) return;
    if (stage === 'writing') {
      // The job says whether it stopped in time (cancelled) or had committed.
      current.cancel();
      return;
    }
    current.cancel();
    job.current = undefined;
    setProgress(undefined);
    setView(undefined);
    setNote(undefined);
    if (stage === 'previewing') onStatus(t('import_cancelled'));
    setStage('idle');
  };

  const writes = view ? view.added + view.updated : 0;
  const working = stage === 'previewing' || stage === 'writing';

  return (
    <section class="pc-panel" aria-labelledby="pc-import-title">
      <h2 id="pc-import-title">{t('import_title')}</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files; the file picker inside is the keyboard path */}
      <div
        class={dragging ? 'pc-drop pc-dropping' : 'pc-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void readFile(event.dataTransfer?.files[0]);
        }}
      >
        <p>
          {/* i18n-ignore: file extensions, the same in every language */}
          {tParts('import_drop', <code>.json</code>, <code>.vcf</code>, <code>.csv</code>)}{' '}
          <label class="pc-file">
            <span>{t('import_choose')}</span>
            <input
              type="file"
              accept=".json,.vcf,.csv,application/json,text/vcard,text/csv"
              disabled={stage === 'writing'}
              onChange={(event) => {
                void readFile(event.currentTarget.files?.[0]);
                event.currentTarget.value = '';
              }}
            />
          </label>
          .
        </p>
        <p class="pc-muted">
          {/* i18n-ignore: the export's shape */}
          {tParts('import_formats', <code>{'{ "profiles": [...] }'}</code>)}
        </p>
      </div>
      <details class="pc-paste">
        <summary>{t('import_paste')}</summary>
        <label class="pc-field">
          <span>{t('import_paste_label')}</span>
          <textarea
            rows={6}
            value={pasted}
            onInput={(event) => setPasted(event.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          class="pc-button"
          disabled={pasted.trim() === '' || stage === 'writing'}
          onClick={() => handle(t('import_pasted_name'), pasted)}
        >
          {t('import_preview')}
        </button>
      </details>

      {error && (
        <p class="pc-error" role="alert">
          {error}
        </p>
      )}

      {working && (
        <div class="pc-working">
          <Progress
            label={
              progress
                ? progressLabel(progress.phase, progress.done, progress.total, fileName)
                : stage === 'writing'
                  ? t('import_writing', writes)
                  : t('import_reading_file', fileName)
            }
            done={progress?.done}
            total={progress?.total}
          />
          {stage === 'previewing' && (
            <button type="button" class="pc-button" onClick={cancel}>
              {t('import_cancel')}
            </button>
          )}
        </div>
      )}

      {view && (stage === 'previewed' || stage === 'writing') && (
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
            <Updates
              title={t('import_will_update')}
              diffs={view.updatedDiffs}
              total={view.updated}
            />
          )}
          {view.rejected > 0 && (
            <div class="pc-errors" role="alert">
              <p>{tn('import_refused', view.rejected)}</p>
              <ul>
                {view.rejectedLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {view.rejected > 50 && <li>{t('import_and_more', view.rejected - 50)}</li>}
              </ul>
            </div>
          )}
          {view.leftOut > 0 && (
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
          )}
          {view.notes > 0 && (
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
          )}
          {blocked && (
            <p class="pc-error" role="alert">
              {blocked}
            </p>
          )}
          <div class="pc-form-actions">
            <button
              type="button"
              class="pc-button pc-primary"
              disabled={writes === 0 || !!blocked || stage === 'writing'}
              aria-busy={stage === 'writing'}
              onClick={confirm}
            >
              {stage === 'writing'
                ? tn('import_importing', writes)
                : writes === 0
                  ? t('import_nothing')
                  : tn('import_button', writes)}
            </button>
            <button type="button" class="pc-button" onClick={cancel}>
              {stage === 'writing' ? t('import_cancel') : t('cancel')}
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

function Names({ title, names, total }: { title: string; names: string[]; total: number }) {
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
function Updates({
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
