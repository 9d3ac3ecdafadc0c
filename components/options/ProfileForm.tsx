/**
 * Add or edit one of the user's profiles. The form builds a profile-shaped
 * object and hands it to `check`, which runs the same validation as an import
 * (schema, identity claims), so the form can never save what an import would
 * refuse. The model (drafts, handle lines, problems in the form's words) is
 * in profile-draft.ts.
 *
 * Nobody invents an id: a new person's is made from their name, unique
 * among the ids in use (`ada-lovelace-2`), and shown under "Advanced", where
 * it can be changed while adding and is read-only while editing.
 *
 * Problems follow the usual accessible pattern
 * (https://www.w3.org/WAI/tutorials/forms/notifications/): a summary with
 * role="alert" that links to each field, and on each field `aria-invalid`
 * and its message joined to it with aria-describedby; the first invalid
 * field takes focus.
 */
import { useRef, useState } from 'preact/hooks';
import { t, tn } from '../../i18n/t';
import { uniqueId } from '../../people/ids';
import type { Profile } from '../../people/schema';
import type { Issue } from '../../people/validate';
import { type FieldNote, FormField } from '../parts/FormField';
import {
  CONTROL,
  type Draft,
  draftOf,
  entryOf,
  rowControl,
  type Shown,
  shown,
} from '../parts/profile-draft';

/** A field's hint, as the shared field's note. */
const hintNote = (text?: string): FieldNote | undefined =>
  text ? { text, kind: 'hint' } : undefined;

/** A list of same-shaped rows (projects, links): edit, add, remove. */
function RowsEditor<Row extends Record<string, string>>(props: {
  legend: string;
  /** The row's name for its Remove button ("project"). */
  noun: string;
  /** The add button's words ("Add a project"). */
  add: string;
  rows: Row[];
  name: 'projects' | 'links';
  fields: [keyof Row & string, string][];
  blank: Row;
  errors: Map<string, string>;
  onChange: (rows: Row[]) => void;
}) {
  const { rows, onChange } = props;
  return (
    <fieldset class="pc-fieldset pc-rows">
      <legend>{props.legend}</legend>
      {rows.map((row, index) => (
        <div class="pc-row" key={index}>
          {props.fields.map(([key, label]) => {
            const id = rowControl(props.name, index, key);
            const error = props.errors.get(id);
            return (
              <label class="pc-field" key={key}>
                <span>{label}</span>
                <input
                  id={id}
                  type="text"
                  value={row[key]}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onInput={(event) =>
                    onChange(
                      rows.map((other, at) =>
                        at === index ? { ...other, [key]: event.currentTarget.value } : other,
                      ),
                    )
                  }
                />
                {error && (
                  <span class="pc-field-error" id={`${id}-error`}>
                    {error}
                  </span>
                )}
              </label>
            );
          })}
          <button
            type="button"
            class="pc-button"
            aria-label={t('form_remove_row', props.noun, Object.values(row)[0] || index + 1)}
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
          >
            {t('form_remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="pc-button"
        onClick={() => onChange([...rows, { ...props.blank }])}
      >
        {props.add}
      </button>
    </fieldset>
  );
}

export interface ProfileFormProps {
  profile?: Profile;
  /** Every id in use (yours and the bundled ones): a new person's id avoids them. */
  takenIds: ReadonlySet<string>;
  /** What is wrong with this entry, by field; empty when it may be saved. */
  check: (entry: unknown) => Issue[];
  onSave: (entry: unknown) => Promise<void>;
  onCancel: () => void;
}

export function ProfileForm({ profile, takenIds, check, onSave, onCancel }: ProfileFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [problems, setProblems] = useState<Shown[]>([]);
  const [advanced, setAdvanced] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const editing = profile !== undefined;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });

  const madeId = uniqueId(draft.name, takenIds);
  const id = editing ? profile.id : draft.id.trim() || madeId;
  const errors = new Map<string, string>();
  for (const problem of problems)
    if (problem.control)
      errors.set(
        problem.control,
        errors.has(problem.control)
          ? `${errors.get(problem.control)} ${problem.text}.`
          : `${problem.text}.`,
      );

  const field = (
    key: 'name' | 'headline' | 'location' | 'email' | 'website',
    label: string,
    hint?: string,
  ) => (
    <FormField
      class="pc-field"
      id={CONTROL[key]}
      label={label}
      note={hintNote(hint)}
      error={errors.get(CONTROL[key])}
    >
      {(aria) => (
        <input
          id={CONTROL[key]}
          type="text"
          inputMode={key === 'email' ? 'email' : key === 'website' ? 'url' : 'text'}
          autoComplete="off"
          {...aria}
          value={draft[key]}
          onInput={(event) => set(key, event.currentTarget.value)}
        />
      )}
    </FormField>
  );
  const lines = (
    key: 'bio' | 'highlights' | 'github' | 'linkedin',
    label: string,
    rows: number,
    hint?: string,
  ) => (
    <FormField
      class="pc-field pc-wide"
      id={CONTROL[key]}
      label={label}
      note={hintNote(hint)}
      error={errors.get(CONTROL[key])}
    >
      {(aria) => (
        <textarea
          id={CONTROL[key]}
          rows={rows}
          {...aria}
          value={draft[key]}
          onInput={(event) => set(key, event.currentTarget.value)}
        />
      )}
    </FormField>
  );

  /** The first invalid field, else the summary. */
  const focusFirst = (found: Shown[]) => {
    requestAnimationFrame(() => {
      const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? summary.current)?.focus();
    });
    if (found.some((problem) => problem.control === CONTROL.id)) setAdvanced(true);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const made = entryOf(draft, id);
    const found: Shown[] = [...made.problems];
    if (!editing && draft.id.trim() && takenIds.has(draft.id.trim()))
      found.push({
        text: t('form_id_taken', draft.id.trim()),
        control: CONTROL.id,
      });
    if (found.length === 0) found.push(...check(made.entry).map((issue) => shown(issue, made)));
    setProblems(found);
    if (found.length > 0) {
      focusFirst(found);
      return;
    }
    try {
      await onSave(made.entry);
    } catch (error) {
      setProblems([{ text: (error as Error).message }]);
      requestAnimationFrame(() => summary.current?.focus());
    }
  };

  return (
    <section class="pc-panel pc-form" aria-labelledby="pc-form-title">
      <h2 id="pc-form-title">
        {editing ? t('form_edit_title', profile.name) : t('form_add_title')}
      </h2>
      {problems.length > 0 && (
        <div class="pc-errors" role="alert" tabIndex={-1} ref={summary}>
          <p>{tn('form_cant_save', problems.length)}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.control ? (
                  <a
                    href={`#${problem.control}`}
                    onClick={(event) => {
                      event.preventDefault();
                      if (problem.control === CONTROL.id) setAdvanced(true);
                      requestAnimationFrame(() =>
                        document.getElementById(problem.control as string)?.focus(),
                      );
                    }}
                  >
                    {problem.text}
                  </a>
                ) : (
                  problem.text
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form ref={form} onSubmit={submit} noValidate>
        <div class="pc-form-grid">
          {field('name', t('field_name'))}
          {field('headline', t('form_label_headline'))}
          {field('location', t('form_label_location'))}
          {lines('bio', t('form_label_bio'), 4)}
          {lines('highlights', t('form_label_highlights'), 3)}
          {field('email', t('form_label_email'))}
          {field('website', t('form_label_website'), 'https://…')}
          {lines('github', t('label_github_logins'), 2, t('form_hint_github'))}
          {lines('linkedin', t('label_linkedin_profiles'), 2, t('form_hint_linkedin'))}
        </div>

        <RowsEditor
          legend={t('field_projects')}
          noun={t('noun_project')}
          add={t('form_add_project')}
          name="projects"
          rows={draft.projects}
          errors={errors}
          fields={[
            ['name', t('form_col_name')],
            ['description', t('form_col_description')],
            ['url', t('form_col_url')],
            ['repo', t('form_col_repo')],
          ]}
          blank={{ name: '', description: '', url: '', repo: '' }}
          onChange={(projects) => set('projects', projects)}
        />
        <RowsEditor
          legend={t('field_links')}
          noun={t('noun_link')}
          add={t('form_add_link')}
          name="links"
          rows={draft.links}
          errors={errors}
          fields={[
            ['label', t('form_col_label')],
            ['url', t('form_col_url')],
          ]}
          blank={{ label: '', url: '' }}
          onChange={(links) => set('links', links)}
        />

        <details
          class="pc-advanced"
          open={advanced}
          onToggle={(event) => setAdvanced(event.currentTarget.open)}
        >
          <summary>{t('form_advanced')}</summary>
          <FormField
            class="pc-field"
            id={CONTROL.id}
            label={t('field_id')}
            error={errors.get(CONTROL.id)}
            note={hintNote(
              editing
                ? t('form_hint_id_same')
                : draft.id.trim()
                  ? t('form_hint_id_own')
                  : draft.name.trim()
                    ? t('form_hint_id_made')
                    : t('form_hint_id_made_later'),
            )}
          >
            {(aria) => (
              <input
                id={CONTROL.id}
                type="text"
                autoComplete="off"
                {...aria}
                value={editing ? profile.id : draft.id || madeId}
                readOnly={editing}
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  set('id', value === madeId ? '' : value);
                }}
              />
            )}
          </FormField>
        </details>

        <div class="pc-form-actions">
          <button type="submit" class="pc-button pc-primary">
            {editing ? t('save_changes') : t('form_add_person')}
          </button>
          <button type="button" class="pc-button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
