/**
 * Where an import starts (ImportPanel.tsx): the drop zone with its file
 * picker (the keyboard's way in), then pasting text instead, then which files
 * are read — each explanation one click away, the control first.
 */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t, tParts } from '../../i18n/t';

/** The drop zone: a file dropped on it or chosen in its picker is handed to `onFile`. */
export function DropZone({
  disabled,
  onFile,
  picker,
}: {
  /** While a write runs, no other file is taken. */
  disabled: boolean;
  onFile: (file: File | undefined) => void;
  /** The file input, for the panel to give the focus back to. */
  picker?: Ref<HTMLInputElement>;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files; the file picker inside is the keyboard path
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
        onFile(event.dataTransfer?.files[0]);
      }}
    >
      <p>
        {/* i18n-ignore: file extensions, the same in every language */}
        {tParts('import_drop', <code>.json</code>, <code>.vcf</code>, <code>.csv</code>)}{' '}
        <label class="pc-file">
          <span>{t('import_choose')}</span>
          <input
            ref={picker}
            type="file"
            accept=".json,.vcf,.csv,application/json,text/vcard,text/csv"
            disabled={disabled}
            onChange={(event) => {
              onFile(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
        </label>
        .
      </p>
    </div>
  );
}

/** Text pasted instead of a file: previewed as a file named "pasted text". */
export function PasteText({
  text,
  disabled,
  onText,
  onPreview,
}: {
  text: string;
  disabled: boolean;
  onText: (text: string) => void;
  onPreview: () => void;
}) {
  return (
    <details class="pc-paste">
      <summary>{t('import_paste')}</summary>
      <label class="pc-field">
        <span>{t('import_paste_label')}</span>
        <textarea rows={6} value={text} onInput={(event) => onText(event.currentTarget.value)} />
      </label>
      <button
        type="button"
        class="pc-button"
        disabled={text.trim() === '' || disabled}
        onClick={onPreview}
      >
        {t('import_preview')}
      </button>
    </details>
  );
}

/** Which files are read, and how each becomes people: one click away. */
export function FormatsAbout() {
  return (
    <details class="pc-about">
      <summary>{t('import_about_formats')}</summary>
      <p class="pc-muted">
        {/* i18n-ignore: the export's shape */}
        {tParts('import_formats', <code>{'{ "profiles": [...] }'}</code>)}
      </p>
    </details>
  );
}
