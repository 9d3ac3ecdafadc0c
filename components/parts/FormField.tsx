/**
 * The one form field of the extension's forms: a label, its control, and
 * under it the field's error and a note — a hint (the options page's
 * ProfileForm) or where the value came from (the popup's Keep form) — both
 * linked to the control by aria-describedby, error first, so a screen reader
 * says what is wrong before anything else.
 *
 *   <FormField id label error? note?>{(aria) => <input id {...aria} />}</FormField>
 *        └─ <div class> <label for=id> control <p.pc-field-error #id-error> <small #id-hint|#id-source>
 */
import type { ComponentChildren } from 'preact';

export interface FieldNote {
  text: string;
  /** Names the note's id (`<id>-hint`, `<id>-source`). */
  kind: 'hint' | 'source';
  class?: string;
}

export type FieldAria = { 'aria-describedby'?: string; 'aria-invalid'?: 'true' };

export function FormField(props: {
  id: string;
  label: string;
  /** The container's class: `pc-field` (with `pc-wide`) on the options page, `pc-keep-field` in Keep. */
  class: string;
  error?: string;
  note?: FieldNote;
  children: (aria: FieldAria) => ComponentChildren;
}) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  const noteId = props.note ? `${props.id}-${props.note.kind}` : undefined;
  const described = [errorId, noteId].filter(Boolean).join(' ');
  return (
    <div class={props.class}>
      <label for={props.id}>{props.label}</label>
      {props.children({
        ...(described && { 'aria-describedby': described }),
        ...(props.error ? { 'aria-invalid': 'true' as const } : {}),
      })}
      {props.error && (
        <p class="pc-field-error" id={errorId}>
          {props.error}
        </p>
      )}
      {props.note && (
        <small class={props.note.class} id={noteId}>
          {props.note.text}
        </small>
      )}
    </div>
  );
}
