/**
 * The small inline editor for the user's note about a person (issue 26),
 * keyboard first: it opens with the caret in the note; Ctrl+Enter (⌘+Enter)
 * saves from any field, Esc cancels (and goes no further, so a hovercard
 * stays open). Tags are typed as `#kubecon #hiring` and offered from the
 * tags the user already has (a datalist, completed on the word being typed).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import { parseTags, tagsText, today } from '../../people/notes';
import type { Mine } from '../../people/schema';

export interface NoteEditorProps {
  idPrefix: string;
  mine: Mine | undefined;
  /** Tags the user already uses, for completion. */
  knownTags?: readonly string[];
  busy: boolean;
  onSave: (mine: Mine) => void;
  onCancel: () => void;
}

/** Completions for the tag being typed at the end of `text`. */
export function tagCompletions(text: string, known: readonly string[]): string[] {
  const match = /(?:^|[\s,;])#?([^\s,;#]*)$/u.exec(text);
  const typed = match?.[1]?.toLowerCase() ?? '';
  const before = text.slice(0, text.length - typed.length).replace(/#$/, '');
  const have = new Set(parseTags(text));
  return known
    .filter((tag) => tag.startsWith(typed) && !have.has(tag))
    .slice(0, 8)
    .map((tag) => `${before}#${tag} `.trimStart());
}

export function NoteEditor({ idPrefix, mine, knownTags, busy, onSave, onCancel }: NoteEditorProps) {
  const [note, setNote] = useState(mine?.note ?? '');
  const [tags, setTags] = useState(tagsText(mine?.tags));
  const [contacted, setContacted] = useState(mine?.contacted ?? '');
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = () =>
    onSave({
      ...(note.trim() ? { note } : {}),
      ...(parseTags(tags).length ? { tags: parseTags(tags) } : {}),
      ...(contacted ? { contacted } : {}),
    });
  const listId = `${idPrefix}-tag-list`;
  const completions = knownTags ? tagCompletions(tags, knownTags) : [];

  return (
    <form
      class="pc-note-editor"
      aria-label={t('note_yours')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          save();
        }
      }}
    >
      <label class="pc-note-label" for={`${idPrefix}-note-text`}>
        {t('note_text')}
      </label>
      <textarea
        ref={first}
        id={`${idPrefix}-note-text`}
        class="pc-note-input"
        rows={3}
        maxLength={2000}
        dir="auto"
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <label class="pc-note-label" for={`${idPrefix}-note-tags`}>
        {t('note_tags')}
      </label>
      <input
        id={`${idPrefix}-note-tags`}
        class="pc-note-input"
        type="text"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('note_tags_hint')}
        list={completions.length > 0 ? listId : undefined}
        value={tags}
        onInput={(event) => setTags(event.currentTarget.value)}
      />
      {completions.length > 0 && (
        <datalist id={listId}>
          {completions.map((completion) => (
            <option key={completion} value={completion} />
          ))}
        </datalist>
      )}
      <label class="pc-note-label" for={`${idPrefix}-note-contacted`}>
        {t('note_contacted')}
      </label>
      <div class="pc-note-row">
        <input
          id={`${idPrefix}-note-contacted`}
          class="pc-note-input pc-note-date"
          type="date"
          value={contacted}
          onInput={(event) => setContacted(event.currentTarget.value)}
        />
        <button type="button" class="pc-button" onClick={() => setContacted(today())}>
          {t('note_today')}
        </button>
      </div>
      <div class="pc-note-row">
        <button type="submit" class="pc-button pc-primary" disabled={busy} aria-busy={busy}>
          {t('note_save')}
        </button>
        <button type="button" class="pc-button" onClick={onCancel}>
          {t('note_cancel')}
        </button>
      </div>
      <p class="pc-note-hint">{t('note_keys')}</p>
    </form>
  );
}
