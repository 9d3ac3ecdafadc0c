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
import { formatBytes } from '../i18n/format';
import { t, tn, tParts } from '../i18n/t';
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
      setError(result.error);
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      // Refused before a byte is read.
      setPending(undefined);
      setDone(undefined);
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
          {/* i18n-ignore: file extensions and the export's shape, the same in every language */}
          {tParts('import_drop', <code>.json</code>, <code>.vcf</code>, <code>.csv</code>)}{' '}
          <label class="pc-file">
            <span>{t('import_choose')}</span>
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
          disabled={pasted.trim() === ''}
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
      {done && (
        <p class="pc-ok" role="status">
          {done}
        </p>
      )}

      {preview && pending && (
        <section class="pc-preview" aria-labelledby="pc-preview-title">
          <h3 id="pc-preview-title">{t('import_preview_of', pending.name)}</h3>
          {note && (
            <p class="pc-banner" role="alert">
              {note}
            </p>
          )}
          <p>
            {t(
              'import_counts',
              preview.added.length,
              preview.updated.length,
              preview.unchanged.length,
              preview.rejected.length,
            )}
          </p>
          {preview.added.length > 0 && (
            <PeopleList title={t('import_will_add')} names={preview.added.map((p) => p.name)} />
          )}
          {preview.updated.length > 0 && (
            <PeopleList
              title={t('import_will_update')}
              names={preview.updated.map(({ after }) => after.name)}
            />
          )}
          {preview.rejected.length > 0 && (
            <div class="pc-errors" role="alert">
              <p>{tn('import_refused', preview.rejected.length)}</p>
              <ul>
                {preview.rejected
                  .slice(0, 50)
                  .flatMap((rejected) =>
                    rejectionLines(rejected).map((line) => <li key={line}>{line}</li>),
                  )}
                {preview.rejected.length > 50 && (
                  <li>{t('import_and_more', preview.rejected.length - 50)}</li>
                )}
              </ul>
            </div>
          )}
          {preview.notes && preview.notes.length > 0 && (
            <details class="pc-notes">
              <summary>{tn('import_changed_to_fit', preview.notes.length)}</summary>
              <ul>
                {preview.notes.slice(0, 50).map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {preview.notes.length > 50 && (
                  <li>{t('import_and_more', preview.notes.length - 50)}</li>
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
              disabled={writes === 0 || !!blocked || busy}
              aria-busy={busy}
              onClick={confirm}
            >
              {busy
                ? tn('import_importing', writes)
                : writes === 0
                  ? t('import_nothing')
                  : tn('import_button', writes)}
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
              {t('cancel')}
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
      <summary>{t('import_names', title, names.length)}</summary>
      <ul class="pc-names">
        {names.slice(0, 200).map((name, index) => (
          <li key={index} dir="auto">
            {name}
          </li>
        ))}
        {names.length > 200 && <li>{t('import_and_more', names.length - 200)}</li>}
      </ul>
    </details>
  );
}
