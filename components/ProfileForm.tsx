/**
 * Add or edit one of the user's profiles. The form builds a profile-shaped
 * object and hands it to `check`, which runs the same validation as an import
 * (schema, identity claims), so the form can never save what an import would
 * refuse. Handles may be typed as logins/slugs or pasted as profile URLs.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { parseIdentityUrl } from '../identity/parse';
import type { Profile } from '../profiles/schema';

interface ProjectDraft {
  name: string;
  description: string;
  url: string;
  repo: string;
}
interface LinkDraft {
  label: string;
  url: string;
}
interface Draft {
  id: string;
  name: string;
  headline: string;
  bio: string;
  location: string;
  highlights: string;
  email: string;
  website: string;
  github: string;
  linkedin: string;
  projects: ProjectDraft[];
  links: LinkDraft[];
}

function draftOf(profile?: Profile): Draft {
  return {
    id: profile?.id ?? '',
    name: profile?.name ?? '',
    headline: profile?.headline ?? '',
    bio: profile?.bio ?? '',
    location: profile?.location ?? '',
    highlights: (profile?.highlights ?? []).join('\n'),
    email: profile?.contact.email ?? '',
    website: profile?.contact.website ?? '',
    github: (profile?.identities.github ?? []).join(', '),
    linkedin: (profile?.identities.linkedin ?? []).join(', '),
    projects: (profile?.projects ?? []).map((project) => ({
      name: project.name,
      description: project.description,
      url: project.url ?? '',
      repo: project.repo ?? '',
    })),
    links: (profile?.contact.links ?? []).map((link) => ({ ...link })),
  };
}

/** "spacejam, https://github.com/other" → ["spacejam", "other"] */
function handles(text: string, site: 'github' | 'linkedin'): string[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const identity = /^https?:\/\//i.test(item) ? parseIdentityUrl(item) : undefined;
      return identity?.site === site ? identity.handle : item;
    });
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The draft as a profile document; empty optional fields are left out. */
export function entryOf(draft: Draft): Record<string, unknown> {
  const highlights = draft.highlights
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const links = draft.links.filter((link) => link.label.trim() || link.url.trim());
  return JSON.parse(
    JSON.stringify({
      id: draft.id.trim(),
      name: draft.name,
      headline: draft.headline,
      bio: draft.bio,
      location: optional(draft.location),
      highlights: highlights.length > 0 ? highlights : undefined,
      projects: draft.projects
        .filter((project) => project.name.trim() || project.description.trim())
        .map((project) => ({
          name: project.name,
          description: project.description,
          url: optional(project.url),
          repo: optional(project.repo),
        })),
      contact: {
        email: optional(draft.email),
        website: optional(draft.website),
        links: links.length > 0 ? links : undefined,
      },
      identities: {
        github: handles(draft.github, 'github'),
        linkedin: handles(draft.linkedin, 'linkedin'),
      },
    }),
  );
}

/** A labelled control with an optional hint, linked by aria-describedby (not part of its name). */
function Field(props: {
  id: string;
  label: string;
  hint?: string;
  wide?: boolean;
  children: (describedBy: string | undefined) => ComponentChildren;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class={props.wide ? 'pc-field pc-wide' : 'pc-field'}>
      <label for={props.id}>{props.label}</label>
      {props.children(hintId)}
      {props.hint && <small id={hintId}>{props.hint}</small>}
    </div>
  );
}

/** A list of same-shaped rows (projects, links): edit, add, remove. */
function RowsEditor<Row extends Record<string, string>>(props: {
  legend: string;
  noun: string;
  rows: Row[];
  fields: [keyof Row & string, string][];
  blank: Row;
  onChange: (rows: Row[]) => void;
}) {
  const { rows, onChange } = props;
  return (
    <fieldset class="pc-fieldset pc-rows">
      <legend>{props.legend}</legend>
      {rows.map((row, index) => (
        <div class="pc-row" key={index}>
          {props.fields.map(([key, label]) => (
            <label class="pc-field" key={key}>
              <span>{label}</span>
              <input
                type="text"
                value={row[key]}
                onInput={(event) =>
                  onChange(
                    rows.map((other, at) =>
                      at === index ? { ...other, [key]: event.currentTarget.value } : other,
                    ),
                  )
                }
              />
            </label>
          ))}
          <button
            type="button"
            class="pc-button"
            aria-label={`Remove ${props.noun} ${Object.values(row)[0] || index + 1}`}
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        class="pc-button"
        onClick={() => onChange([...rows, { ...props.blank }])}
      >
        Add a {props.noun}
      </button>
    </fieldset>
  );
}

export interface ProfileFormProps {
  profile?: Profile;
  /** Errors for this entry, in words; empty when it may be saved. */
  check: (entry: unknown) => string[];
  onSave: (entry: unknown) => Promise<void>;
  onCancel: () => void;
}

export function ProfileForm({ profile, check, onSave, onCancel }: ProfileFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [errors, setErrors] = useState<string[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const editing = profile !== undefined;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });

  const field = (
    key: 'name' | 'headline' | 'location' | 'email' | 'website' | 'github' | 'linkedin',
    label: string,
    hint?: string,
  ) => (
    <Field id={`pc-f-${key}`} label={label} hint={hint}>
      {(describedBy) => (
        <input
          id={`pc-f-${key}`}
          type="text"
          inputMode={key === 'email' ? 'email' : key === 'website' ? 'url' : 'text'}
          autoComplete="off"
          aria-describedby={describedBy}
          value={draft[key]}
          onInput={(event) => set(key, event.currentTarget.value)}
        />
      )}
    </Field>
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    const entry = entryOf(draft);
    const found = check(entry);
    setErrors(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    try {
      await onSave(entry);
    } catch (error) {
      setErrors([(error as Error).message]);
    }
  };

  return (
    <section class="pc-panel pc-form" aria-labelledby="pc-form-title">
      <h2 id="pc-form-title">{editing ? `Edit ${profile.name}` : 'Add a person'}</h2>
      {errors.length > 0 && (
        <div class="pc-errors" role="alert" tabIndex={-1} ref={summary}>
          <p>This profile can't be saved yet:</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <div class="pc-form-grid">
          <Field
            id="pc-f-id"
            label="Id"
            hint={
              editing
                ? 'The id stays the same.'
                : 'Lowercase letters, digits and hyphens, e.g. ada-lovelace.'
            }
          >
            {(describedBy) => (
              <input
                id="pc-f-id"
                type="text"
                aria-describedby={describedBy}
                value={draft.id}
                readOnly={editing}
                onInput={(event) => set('id', event.currentTarget.value)}
              />
            )}
          </Field>
          {field('name', 'Name')}
          {field('headline', 'Headline')}
          {field('location', 'Location (optional)')}
          <Field id="pc-f-bio" label="Short bio" wide>
            {() => (
              <textarea
                id="pc-f-bio"
                rows={4}
                value={draft.bio}
                onInput={(event) => set('bio', event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="pc-f-highlights" label="Highlights (optional, one per line)" wide>
            {() => (
              <textarea
                id="pc-f-highlights"
                rows={3}
                value={draft.highlights}
                onInput={(event) => set('highlights', event.currentTarget.value)}
              />
            )}
          </Field>
          {field('email', 'Email (optional)')}
          {field('website', 'Website (optional)', 'https://…')}
          {field('github', 'GitHub logins', 'Comma-separated; profile URLs work too.')}
          {field(
            'linkedin',
            'LinkedIn profiles',
            'Slugs as in linkedin.com/in/<slug>, or profile URLs.',
          )}
        </div>

        <RowsEditor
          legend="Projects"
          noun="project"
          rows={draft.projects}
          fields={[
            ['name', 'Name'],
            ['description', 'One line'],
            ['url', 'URL'],
            ['repo', 'GitHub repo (owner/name)'],
          ]}
          blank={{ name: '', description: '', url: '', repo: '' }}
          onChange={(projects) => set('projects', projects)}
        />
        <RowsEditor
          legend="Other links"
          noun="link"
          rows={draft.links}
          fields={[
            ['label', 'Label'],
            ['url', 'URL'],
          ]}
          blank={{ label: '', url: '' }}
          onChange={(links) => set('links', links)}
        />

        <div class="pc-form-actions">
          <button type="submit" class="pc-button pc-primary">
            {editing ? 'Save changes' : 'Add person'}
          </button>
          <button type="button" class="pc-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
