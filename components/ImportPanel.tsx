/**
 * Import by file picker, drag-and-drop or paste. Nothing is written until the
 * user has seen the preview (what will be added, updated, left alone and
 * refused, and why) and confirmed it. The work is a job that runs away from
 * the page (profiles/jobs.ts, in a worker): reading what is stored, checking
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
import { MAX_IMPORT_BYTES } from '../profiles/import';
import { MAX_BACKUP_BYTES } from '../profiles/import-backup';
import type { JobEvent, JobPhase, PreviewView } from '../profiles/jobs';
import { count } from './numbers';
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

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The progress bar's words: what is happening, how far. */
export function progressLabel(
  phase: JobPhase,
  done: number,
  total: number | undefined,
  name: string,
): string {
  switch (phase) {
    case 'reading':
      return done > 0
        ? `Reading the people you keep (${count(done)})`
        : 'Reading the people you keep';
    case 'checking':
      return total === undefined
        ? `Checking ${name}`
        : `Checking ${count(done)} of ${count(total)} entries`;
    case 'writing':
      return `Writing ${count(done)} of ${count(total ?? done)} people`;
    default:
      return `Working (${count(done)})`;
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
          onStatus(`Imported: ${count(event.added)} added, ${count(event.updated)} updated.`);
          onImported();
          return;
        case 'cancelled':
          finish();
          setStage('idle');
          setView(undefined);
          setNote(undefined);
          onStatus('Import cancelled; nothing was changed.');
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
        `"${file.name}" is ${megabytes(file.size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)} (${megabytes(MAX_BACKUP_BYTES)} for a Profile Card export).`,
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
    if (stage === 'previewing') onStatus('Import cancelled; nothing was changed.');
    setStage('idle');
  };

  const writes = view ? view.added + view.updated : 0;
  const working = stage === 'previewing' || stage === 'writing';

  return (
    <section class="pc-panel" aria-labelledby="pc-import-title">
      <h2 id="pc-import-title">Import</h2>
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
          Drop a <code>.json</code>, <code>.vcf</code> or <code>.csv</code> file here, or{' '}
          <label class="pc-file">
            <span>choose a file</span>
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
          JSON: one profile, a list of profiles, or an export (
          <code>{'{ "profiles": [...] }'}</code>). vCard: FN, EMAIL, URL (GitHub and LinkedIn
          profiles become identities), NOTE. LinkedIn's <code>Connections.csv</code> (from
          LinkedIn's “Get a copy of your data”): each row becomes a person with their LinkedIn
          profile; a newer export updates them. A JSON Resume (<code>resume.json</code>,
          jsonresume.org) becomes one card. Up to 5 MB; a Profile Card export of any size.
        </p>
      </div>
      <details class="pc-paste">
        <summary>Paste instead</summary>
        <label class="pc-field">
          <span>JSON, vCard or CSV text</span>
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
          onClick={() => handle('pasted text', pasted)}
        >
          Preview
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
                  ? `Writing ${count(writes)} people`
                  : `Reading ${fileName}`
            }
            done={progress?.done}
            total={progress?.total}
          />
          {stage === 'previewing' && (
            <button type="button" class="pc-button" onClick={cancel}>
              Cancel import
            </button>
          )}
        </div>
      )}

      {view && (stage === 'previewed' || stage === 'writing') && (
        <section class="pc-preview" aria-labelledby="pc-preview-title">
          <h3 id="pc-preview-title">Preview of {view.name}</h3>
          {note && (
            <p class="pc-banner" role="alert">
              {note}
            </p>
          )}
          <p>
            {count(view.added)} to add · {count(view.updated)} to update · {count(view.unchanged)}{' '}
            unchanged · {count(view.rejected)} refused
          </p>
          {view.added > 0 && (
            <Names title="Will be added" names={view.addedNames} total={view.added} />
          )}
          {view.updated > 0 && (
            <Names
              title="Will be updated (same id)"
              names={view.updatedNames}
              total={view.updated}
            />
          )}
          {view.rejected > 0 && (
            <div class="pc-errors" role="alert">
              <p>
                {view.rejected === 1 ? 'One entry' : `${count(view.rejected)} entries`} can't be
                imported:
              </p>
              <ul>
                {view.rejectedLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {view.rejected > 50 && <li>… and {count(view.rejected - 50)} more.</li>}
              </ul>
            </div>
          )}
          {view.notes > 0 && (
            <details class="pc-notes">
              <summary>
                {view.notes === 1
                  ? 'One value was changed to fit'
                  : `${count(view.notes)} values were changed to fit`}
              </summary>
              <ul>
                {view.noteLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {view.notes > view.noteLines.length && (
                  <li>… and {count(view.notes - view.noteLines.length)} more.</li>
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
                ? `Importing ${count(writes)} ${writes === 1 ? 'profile' : 'profiles'}…`
                : writes === 0
                  ? 'Nothing to import'
                  : `Import ${count(writes)} ${writes === 1 ? 'profile' : 'profiles'}`}
            </button>
            <button type="button" class="pc-button" onClick={cancel}>
              {stage === 'writing' ? 'Cancel import' : 'Cancel'}
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
      <summary>
        {title}: {count(total)}
      </summary>
      <ul class="pc-names">
        {names.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
        {total > names.length && <li>… and {count(total - names.length)} more</li>}
      </ul>
    </details>
  );
}
