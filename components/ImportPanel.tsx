/**
 * Import by file picker, drag-and-drop or paste. Nothing is written until the
 * user has seen the preview (what will be added, updated, left alone and
 * refused, and why) and confirmed it. The confirm is checked against what is
 * stored at that moment: if another tab changed anything the preview relied
 * on, the new preview is shown with what changed, and the user confirms
 * again. While a preview or a write runs the button is busy and a second
 * click does nothing; the result is announced once. Every problem is
 * announced with role="alert" and rendered as text.
 */
import { useRef, useState } from 'preact/hooks';
import {
  type ImportResult,
  MAX_IMPORT_BYTES,
  type Preview,
  rejectionLines,
} from '../profiles/import';
import { MAX_BACKUP_BYTES } from '../profiles/import-backup';

export interface PendingImport {
  name: string;
  /** The file as read, to preview again against what is stored at commit time. */
  input: Uint8Array | string;
  preview: Preview;
  /** The store version the preview was computed from. */
  basis: number;
}

export type ConfirmOutcome =
  | { done: string }
  | { again: PendingImport; note: string }
  | { error: string };

export interface ImportPanelProps {
  preview: (
    fileName: string,
    input: Uint8Array | string,
  ) => { result: ImportResult; basis: number };
  /** Writes the preview if nothing changed since; else hands back a new one to confirm. */
  onConfirm: (pending: PendingImport) => Promise<ConfirmOutcome>;
  /** Why importing is blocked right now (damaged or newer storage), if it is. */
  blocked?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ImportPanel({ preview: run, onConfirm, blocked }: ImportPanelProps) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<PendingImport>();
  const [note, setNote] = useState<string>();
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** Set synchronously, so a double click cannot start two writes before a re-render. */
  const working = useRef(false);

  const handle = (name: string, input: Uint8Array | string) => {
    setDone(undefined);
    setNote(undefined);
    const { result, basis } = run(name, input);
    if (result.ok) {
      setError(undefined);
      setPending({ name, input, preview: result.preview, basis });
    } else {
      setPending(undefined);
      // Name the file in import.ts's size message.
      setError(result.error.replace(/^The file is /, `"${name}" is `));
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      // Refused before a byte is read.
      setPending(undefined);
      setDone(undefined);
      setError(
        `"${file.name}" is ${megabytes(file.size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)} (${megabytes(MAX_BACKUP_BYTES)} for a Profile Card export).`,
      );
      return;
    }
    handle(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const confirm = async () => {
    if (!pending || working.current) return;
    working.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await onConfirm(pending);
      if ('done' in outcome) {
        setDone(outcome.done);
        setNote(undefined);
        setPending(undefined);
        setPasted('');
      } else if ('again' in outcome) {
        setPending(outcome.again);
        setNote(outcome.note);
      } else setError(outcome.error);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  const preview = pending?.preview;
  const writes = preview ? preview.added.length + preview.updated.length : 0;

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
          disabled={pasted.trim() === ''}
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
      {done && (
        <p class="pc-ok" role="status">
          {done}
        </p>
      )}

      {preview && pending && (
        <section class="pc-preview" aria-labelledby="pc-preview-title">
          <h3 id="pc-preview-title">Preview of {pending.name}</h3>
          {note && (
            <p class="pc-banner" role="alert">
              {note}
            </p>
          )}
          <p>
            {preview.added.length} to add · {preview.updated.length} to update ·{' '}
            {preview.unchanged.length} unchanged · {preview.rejected.length} refused
          </p>
          {preview.added.length > 0 && (
            <PeopleList title="Will be added" names={preview.added.map((p) => p.name)} />
          )}
          {preview.updated.length > 0 && (
            <PeopleList
              title="Will be updated (same id)"
              names={preview.updated.map(({ after }) => after.name)}
            />
          )}
          {preview.rejected.length > 0 && (
            <div class="pc-errors" role="alert">
              <p>
                {preview.rejected.length === 1 ? 'One entry' : `${preview.rejected.length} entries`}{' '}
                can't be imported:
              </p>
              <ul>
                {preview.rejected
                  .slice(0, 50)
                  .flatMap((rejected) =>
                    rejectionLines(rejected).map((line) => <li key={line}>{line}</li>),
                  )}
                {preview.rejected.length > 50 && (
                  <li>… and {preview.rejected.length - 50} more.</li>
                )}
              </ul>
            </div>
          )}
          {preview.notes && preview.notes.length > 0 && (
            <details class="pc-notes">
              <summary>
                {preview.notes.length === 1
                  ? 'One value was changed to fit'
                  : `${preview.notes.length} values were changed to fit`}
              </summary>
              <ul>
                {preview.notes.slice(0, 50).map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {preview.notes.length > 50 && <li>… and {preview.notes.length - 50} more.</li>}
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
              disabled={writes === 0 || !!blocked || busy}
              aria-busy={busy}
              onClick={confirm}
            >
              {busy
                ? `Importing ${writes} ${writes === 1 ? 'profile' : 'profiles'}…`
                : writes === 0
                  ? 'Nothing to import'
                  : `Import ${writes} ${writes === 1 ? 'profile' : 'profiles'}`}
            </button>
            <button
              type="button"
              class="pc-button"
              disabled={busy}
              onClick={() => {
                setPending(undefined);
                setNote(undefined);
              }}
            >
              Cancel
            </button>
          </div>
        </section>
      )}
    </section>
  );
}

function PeopleList({ title, names }: { title: string; names: string[] }) {
  return (
    <details>
      <summary>
        {title}: {names.length}
      </summary>
      <ul class="pc-names">
        {names.slice(0, 200).map((name, index) => (
          <li key={index}>{name}</li>
        ))}
        {names.length > 200 && <li>… and {names.length - 200} more</li>}
      </ul>
    </details>
  );
}
