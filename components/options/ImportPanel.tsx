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
 * role="alert", as text. When the preview closes (written, cancelled), the
 * keyboard is given back to the file picker (refocus.ts).
 *
 *   ImportPanel  the job, from preview to write (this file)
 *   ├─ ImportDrop.tsx     DropZone (drop or choose a file) · PasteText · FormatsAbout
 *   ├─ Progress.tsx       what the job is doing, how far; Cancel
 *   └─ ImportPreview.tsx  counts, the confirm ─▶ ImportLists.tsx: Names, Updates,
 *                         RefusedList, SalvageList (kept without a field), FitNotes
 */

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES } from '../../formats/import';
import { MAX_BACKUP_BYTES } from '../../formats/import-backup';
import { formatBytes } from '../../i18n/format';
import { t } from '../../i18n/t';
import type { JobEvent, JobPhase, PreviewView } from '../../jobs/jobs';
import { DropZone, FormatsAbout, PasteText } from './ImportDrop';
import { ImportPreview } from './ImportPreview';
import { Progress } from './Progress';
import { refocusIfLost } from './refocus';

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
  const job = useRef<ImportJob | undefined>(undefined);
  /** Set synchronously, so a double click cannot start two writes before a re-render. */
  const writing = useRef(false);

  // Leaving the page ends any job (a preview is dropped; a write not yet committed is aborted).
  useEffect(() => () => job.current?.cancel(), []);

  const picker = useRef<HTMLInputElement>(null);
  /** A preview or progress was drawn: when it goes, the keyboard goes back to the picker. */
  const drawn = useRef(false);
  // A layout effect: the focus moves in the commit that removed its element,
  // so no task ever sees it on <body> (a passive effect ran after the paint,
  // and a CI run's test read <body> in between).
  useLayoutEffect(() => {
    if (stage !== 'idle') drawn.current = true;
    else if (drawn.current) {
      drawn.current = false;
      refocusIfLost(picker.current);
    }
  }, [stage]);

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
      <DropZone
        picker={picker}
        disabled={stage === 'writing'}
        onFile={(file) => void readFile(file)}
      />
      <PasteText
        text={pasted}
        disabled={stage === 'writing'}
        onText={setPasted}
        onPreview={() => handle(t('import_pasted_name'), pasted)}
      />
      <FormatsAbout />

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
        <ImportPreview
          view={view}
          note={note}
          blocked={blocked}
          writing={stage === 'writing'}
          onConfirm={confirm}
          onCancel={cancel}
        />
      )}
    </section>
  );
}
