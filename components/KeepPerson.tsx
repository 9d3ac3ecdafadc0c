/**
 * "Keep this person" and "Update from page" in the toolbar popup.
 *
 *   KeepOffer    (the list view: the tab is nobody we know by its URL)
 *     on mount: api.readTab() runs capture/read-page.ts in the tab (the
 *     toolbar click granted `activeTab`), draft.ts cleans what came back;
 *     a draft whose GitHub/LinkedIn identity is someone the user keeps
 *     offers "Update <them> from page", else "Keep <name>"; an organisation,
 *     a page without a person, or a tab the browser closes to extensions
 *     says so in words.
 *   UpdateOffer  (the card view of one of the user's own people)
 *     "Update from page" reads the tab on click.
 *   KeepPerson   the draft as a compact form, each field saying where on the
 *     page it came from, checked like an import (profiles/import-backup.ts
 *     previewFile against everyone stored and bundled, so a page cannot give
 *     the user a card that claims someone else's GitHub or LinkedIn); or the
 *     update as a field-by-field diff (capture/update.ts), saved at the
 *     version read, a change made in another tab shown as the options page
 *     shows it (ConflictNotice).
 *
 * Nothing is saved without the user's click; the page is only read.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type CaptureResult, draftFromReading } from '../capture/draft';
import type { PageReading, Source } from '../capture/reading';
import { type FieldChange, updateFromDraft } from '../capture/update';
import { formatHandles } from '../identity/handles';
import { type IdentityKey, profileKeys } from '../identity/keys';
import type { Note } from '../profiles/clean';
import { uniqueId } from '../profiles/ids';
import { rejectionLines } from '../profiles/import';
import { previewFile } from '../profiles/import-backup';
import type { Profile } from '../profiles/schema';
import type { PersonRecord, Snapshot, WriteResult } from '../profiles/store';
import type { Issue } from '../profiles/validate';
import { ConflictNotice, type PendingConflict } from './ConflictNotice';
import { CONTROL, type Draft, draftOf, entryOf, type Shown, shown } from './profile-draft';

export type TabReading =
  | { kind: 'read'; reading: PageReading }
  | { kind: 'closed'; message: string }
  /** The popup is open in a tab of its own (popup.html): nothing to read, nothing to say. */
  | { kind: 'own-page' };

export interface KeepApi {
  /** Runs the in-page reader in the active tab; `closed` when the browser refuses. */
  readTab(): Promise<TabReading>;
  /** Who an identity names now (the user's or a bundled person), or null. */
  lookup(key: IdentityKey): Promise<Profile | null>;
  /** Everyone stored, read in one transaction. */
  snapshot(): Promise<Snapshot>;
  bundled: readonly Profile[];
  add(profile: Profile): Promise<WriteResult>;
  update(profile: Profile, rev: number): Promise<WriteResult>;
}

/** What the popup's keep view works on. */
export type KeepTask =
  | { kind: 'add'; capture: Extract<CaptureResult, { ok: true }> }
  | { kind: 'update'; person: Profile; capture: Extract<CaptureResult, { ok: true }> };

const SOURCE_WORDS: Record<Source, string> = {
  'json-ld': 'the page’s JSON-LD',
  microdata: 'the profile’s microdata',
  'h-card': 'the page’s h-card',
  'embedded-json': 'the page’s own data',
  og: 'the og: tags',
  title: 'the page title',
  h1: 'the heading',
  'top-card': 'the profile’s top card',
  'about-section': 'the About section',
  'contact-info': 'Contact info',
  'pinned-items': 'the pinned items',
  'rel-me': 'rel="me" links',
  'meta-author': 'the author tag',
  url: 'the address',
};

const FIELD_WORDS: Record<string, string> = {
  name: 'Name',
  headline: 'Headline',
  bio: 'Bio',
  location: 'Location',
  'contact.email': 'Email',
  'contact.website': 'Website',
  'contact.links': 'Other links',
  'identities.github': 'GitHub',
  'identities.linkedin': 'LinkedIn',
  projects: 'Projects',
};

/** `projects.0.description` → "Projects"; a note's field in the form's words. */
const fieldWords = (field: string) =>
  FIELD_WORDS[field] ??
  FIELD_WORDS[field.split('.').slice(0, 2).join('.')] ??
  FIELD_WORDS[field.split('.')[0] ?? ''] ??
  field;

export const noteLine = (note: Note) => `${fieldWords(note.field)}: ${note.detail}`;

/** Where a field (or any of its items: `identities.github.0`) came from, in words. */
function sourceOf(sources: Record<string, Source>, field: string): string | undefined {
  const found = new Set(
    Object.entries(sources)
      .filter(([path]) => path === field || path.startsWith(`${field}.`))
      .map(([, source]) => SOURCE_WORDS[source]),
  );
  return found.size > 0 ? `from ${[...found].join(', ')}` : undefined;
}

/** Someone the draft's identities name, and whether they are bundled. */
async function keptOwner(
  api: KeepApi,
  draft: Profile,
): Promise<{ profile: Profile; bundled: boolean } | undefined> {
  const bundledIds = new Set(api.bundled.map((profile) => profile.id));
  for (const key of profileKeys(draft.identities)) {
    const profile = await api.lookup(key).catch(() => null);
    if (profile) return { profile, bundled: bundledIds.has(profile.id) };
  }
  return undefined;
}

/** Reads the tab and makes a draft, or says why there is none. */
async function readDraft(
  api: KeepApi,
): Promise<
  { ok: true; capture: Extract<CaptureResult, { ok: true }> } | { ok: false; message?: string }
> {
  const tab = await api
    .readTab()
    .catch((error: Error): TabReading => ({ kind: 'closed', message: error.message }));
  if (tab.kind === 'own-page') return { ok: false };
  if (tab.kind === 'closed') return { ok: false, message: tab.message };
  const capture = draftFromReading(tab.reading);
  if (!capture.ok) return { ok: false, message: capture.message };
  return { ok: true, capture };
}

type Offer =
  | { kind: 'reading' }
  | { kind: 'none' }
  | { kind: 'note'; message: string }
  | { kind: 'keep'; task: KeepTask; name: string }
  | { kind: 'update'; task: KeepTask; name: string };

/** Above the people list: what this tab offers to keep, or why nothing. */
export function KeepOffer({ api, onOpen }: { api: KeepApi; onOpen: (task: KeepTask) => void }) {
  const [offer, setOffer] = useState<Offer>({ kind: 'reading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      const read = await readDraft(api);
      if (!read.ok) {
        if (live)
          setOffer(read.message ? { kind: 'note', message: read.message } : { kind: 'none' });
        return;
      }
      const owner = await keptOwner(api, read.capture.draft);
      if (!live) return;
      if (owner && !owner.bundled) {
        setOffer({
          kind: 'update',
          name: owner.profile.name,
          task: { kind: 'update', person: owner.profile, capture: read.capture },
        });
      } else {
        setOffer({
          kind: 'keep',
          name: read.capture.draft.name,
          task: { kind: 'add', capture: read.capture },
        });
      }
    })();
    return () => {
      live = false;
    };
  }, [api]);

  if (offer.kind === 'reading' || offer.kind === 'none') return null;
  return (
    <section class="pc-keep-offer" aria-label="This page">
      {offer.kind === 'note' ? (
        <p class="pc-popup-note" role="status">
          {offer.message}
        </p>
      ) : (
        <button type="button" class="pc-button pc-primary" onClick={() => onOpen(offer.task)}>
          {offer.kind === 'keep' ? `Keep ${offer.name}` : `Update ${offer.name} from page`}
        </button>
      )}
    </section>
  );
}

/** Under the card of one of the user's own people: read their page on click. */
export function UpdateOffer({
  api,
  person,
  onOpen,
}: {
  api: KeepApi;
  person: Profile;
  onOpen: (task: KeepTask) => void;
}) {
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (api.bundled.some((profile) => profile.id === person.id)) return null;
  const update = async () => {
    setBusy(true);
    setMessage(undefined);
    const read = await readDraft(api);
    setBusy(false);
    if (!read.ok) return setMessage(read.message);
    const mine = new Set(profileKeys(person.identities));
    if (!profileKeys(read.capture.draft.identities).some((key) => mine.has(key)))
      return setMessage(`This page is not ${person.name}’s profile.`);
    onOpen({ kind: 'update', person, capture: read.capture });
  };
  return (
    <section class="pc-keep-offer" aria-label="This page">
      <button type="button" class="pc-button" disabled={busy} aria-busy={busy} onClick={update}>
        Update from page
      </button>
      {message && (
        <p class="pc-popup-note" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}

export interface KeepPersonProps {
  api: KeepApi;
  task: KeepTask;
  /** Saved: show this person's card. */
  onDone: (profile: Profile, status: string) => void;
  onCancel: () => void;
}

export function KeepPerson(props: KeepPersonProps) {
  return props.task.kind === 'add' ? (
    <KeepForm {...props} capture={props.task.capture} />
  ) : (
    <UpdateDiff {...props} person={props.task.person} capture={props.task.capture} />
  );
}

/** The same verdict an import gives this entry, against everyone stored and bundled. */
function checkEntry(
  entry: unknown,
  snapshot: Snapshot,
  bundled: readonly Profile[],
): { profile: Profile } | { issues: Issue[] } {
  const existing = snapshot.people.map((record) => record.profile);
  const result = previewFile('page', JSON.stringify(entry), { existing, bundled });
  if (!result.ok) return { issues: [{ path: [], message: result.error }] };
  const issues = result.preview.rejected.flatMap((rejected) => rejected.issues);
  const profile = result.preview.added[0];
  if (issues.length > 0 || !profile) {
    if (issues.length === 0) {
      const lines = result.preview.rejected.flatMap(rejectionLines);
      issues.push({ path: ['id'], message: lines[0] ?? 'is already someone’s' });
    }
    return { issues };
  }
  return { profile };
}

function conflictWords(result: Extract<WriteResult, { ok: false }>): string | undefined {
  const { conflict } = result;
  if (conflict.kind === 'claimed')
    return `${conflict.key} is already ${conflict.owner.name}'s (${conflict.owner.id})`;
  if (conflict.kind === 'exists')
    return `Someone with the id "${conflict.theirs.id}" was added in another tab; save again for a new id.`;
  return undefined;
}

function KeepForm({
  api,
  capture,
  onDone,
  onCancel,
}: KeepPersonProps & { capture: Extract<CaptureResult, { ok: true }> }) {
  const { draft, sources, notes } = capture;
  const [form, setForm] = useState<Draft>(() => ({ ...draftOf(draft), id: '' }));
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [problems, setProblems] = useState<Shown[]>([]);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const working = useRef(false);

  useEffect(() => {
    api.snapshot().then(setSnapshot, (error: Error) => setProblems([{ text: error.message }]));
  }, [api]);

  const set = (key: keyof Draft, value: string) => setForm({ ...form, [key]: value });
  const errors = new Map<string, string>();
  for (const problem of problems)
    if (problem.control)
      errors.set(problem.control, `${errors.get(problem.control) ?? ''}${problem.text}. `.trim());

  const save = async (event: Event) => {
    event.preventDefault();
    if (!snapshot || working.current) return;
    working.current = true;
    setBusy(true);
    try {
      const taken = new Set([...snapshot.people, ...api.bundled].map((person) => person.id));
      const made = entryOf(form, uniqueId(form.name, taken));
      const found: Shown[] = [...made.problems];
      if (found.length === 0) {
        const checked = checkEntry(made.entry, snapshot, api.bundled);
        if ('issues' in checked) found.push(...checked.issues.map((issue) => shown(issue, made)));
        else {
          const result = await api.add(checked.profile);
          if (result.ok) return onDone(checked.profile, `Kept ${checked.profile.name}.`);
          const words = conflictWords(result);
          found.push({ text: words ?? 'Not saved: the people changed in another tab.' });
          setSnapshot(await api.snapshot());
        }
      }
      setProblems(found);
      requestAnimationFrame(() => summary.current?.focus());
    } catch (error) {
      setProblems([{ text: (error as Error).message }]);
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  const input = (key: 'name' | 'headline' | 'location' | 'email' | 'website', label: string) => (
    <FormField
      id={CONTROL[key]}
      label={label}
      source={sourceOf(
        sources,
        key === 'email' ? 'contact.email' : key === 'website' ? 'contact.website' : key,
      )}
      error={errors.get(CONTROL[key])}
    >
      {(aria) => (
        <input
          id={CONTROL[key]}
          type="text"
          autoComplete="off"
          {...aria}
          value={form[key]}
          onInput={(event) => set(key, event.currentTarget.value)}
        />
      )}
    </FormField>
  );
  const lines = (key: 'bio' | 'github' | 'linkedin', label: string, rows: number) => (
    <FormField
      id={CONTROL[key]}
      label={label}
      source={sourceOf(sources, key === 'bio' ? 'bio' : `identities.${key}`)}
      error={errors.get(CONTROL[key])}
    >
      {(aria) => (
        <textarea
          id={CONTROL[key]}
          rows={rows}
          {...aria}
          value={form[key]}
          onInput={(event) => set(key, event.currentTarget.value)}
        />
      )}
    </FormField>
  );

  return (
    <section class="pc-keep" aria-labelledby="pc-keep-title">
      <h1 id="pc-keep-title" class="pc-popup-title">
        Keep {draft.name}
      </h1>
      <p class="pc-popup-note">
        Read from this page; nothing is saved until you choose Keep. Edit anything first.
      </p>
      {problems.length > 0 && (
        <div class="pc-errors" role="alert" tabIndex={-1} ref={summary}>
          <p>Not kept yet:</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem.text}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={save} noValidate>
        {input('name', 'Name')}
        {input('headline', 'Headline')}
        {lines('bio', 'Short bio', 3)}
        {input('location', 'Location')}
        {input('email', 'Email')}
        {input('website', 'Website')}
        {lines('github', 'GitHub logins', 1)}
        {lines('linkedin', 'LinkedIn profiles', 2)}
        {draft.projects.length > 0 && (
          <p class="pc-keep-extra">
            <strong>Projects</strong> ({sourceOf(sources, 'projects')}):{' '}
            {draft.projects.map((project) => project.name).join(', ')}
          </p>
        )}
        {(draft.contact.links ?? []).length > 0 && (
          <p class="pc-keep-extra">
            <strong>Other links</strong> ({sourceOf(sources, 'contact.links')}):{' '}
            {(draft.contact.links ?? []).map((link) => link.label).join(', ')}
          </p>
        )}
        {notes.length > 0 && (
          <details class="pc-keep-notes">
            <summary>
              {notes.length === 1 ? 'One change to fit' : `${notes.length} changes to fit`}
            </summary>
            <ul>
              {notes.map((note, index) => (
                <li key={index}>{noteLine(note)}</li>
              ))}
            </ul>
          </details>
        )}
        <div class="pc-keep-actions">
          <button
            type="submit"
            class="pc-button pc-primary"
            disabled={!snapshot || busy}
            aria-busy={busy}
          >
            Keep
          </button>
          <button type="button" class="pc-button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function FormField(props: {
  id: string;
  label: string;
  source?: string;
  error?: string;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren;
}) {
  const described = [props.error && `${props.id}-error`, props.source && `${props.id}-source`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="pc-keep-field">
      <label for={props.id}>{props.label}</label>
      {props.children({
        ...(described && { 'aria-describedby': described }),
        ...(props.error ? { 'aria-invalid': 'true' as const } : {}),
      })}
      {props.error && (
        <p class="pc-field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.source && (
        <small class="pc-keep-source" id={`${props.id}-source`}>
          {props.source}
        </small>
      )}
    </div>
  );
}

/** A value of a diff, as text. */
function shownValue(field: string, value: unknown): string {
  if (value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (field === 'identities.github' || field === 'identities.linkedin')
      return formatHandles({
        github: field === 'identities.github' ? (value as string[]) : [],
        linkedin: field === 'identities.linkedin' ? (value as string[]) : [],
      }).join(', ');
    return value
      .map((item) =>
        typeof item === 'object' && item !== null
          ? String(
              (item as { name?: string; label?: string }).name ??
                (item as { label?: string }).label,
            )
          : String(item),
      )
      .join(', ');
  }
  return String(value);
}

function UpdateDiff({
  api,
  person,
  capture,
  onDone,
  onCancel,
}: KeepPersonProps & { person: Profile; capture: Extract<CaptureResult, { ok: true }> }) {
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'error'; message: string }
    | { kind: 'diff'; record: PersonRecord; after: Profile; changes: FieldChange[] }
  >({ kind: 'loading' });
  const [conflict, setConflict] = useState<PendingConflict & { rev?: number }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    api.snapshot().then(
      (snapshot) => {
        const record = snapshot.people.find((stored) => stored.id === person.id);
        if (!record)
          return setState({ kind: 'error', message: `${person.name} is no longer kept.` });
        const update = updateFromDraft(record.profile, capture.draft, capture.notes);
        if (!update.ok) return setState({ kind: 'error', message: update.message });
        setState({ kind: 'diff', record, after: update.after, changes: update.changes });
      },
      (error: Error) => setState({ kind: 'error', message: error.message }),
    );
  }, [api, person, capture]);

  const write = async (run: () => Promise<WriteResult>, mine: Profile, base: Profile) => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await run();
      if (result.ok) return onDone(mine, `Updated ${mine.name} from the page.`);
      if (result.conflict.kind === 'claimed') {
        setConflict(undefined);
        setFailure(conflictWords(result));
        return;
      }
      setConflict({ action: 'save', mine, base, conflict: result.conflict });
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === 'loading') return <p class="pc-popup-note">Reading what you keep…</p>;
  if (state.kind === 'error')
    return (
      <section class="pc-keep">
        <p class="pc-popup-note pc-status-error" role="alert">
          {state.message}
        </p>
        <button type="button" class="pc-button" onClick={onCancel}>
          Back
        </button>
      </section>
    );
  const { record, after, changes } = state;
  return (
    <section class="pc-keep" aria-labelledby="pc-keep-title">
      <h1 id="pc-keep-title" class="pc-popup-title">
        Update {record.profile.name} from page
      </h1>
      {changes.length === 0 ? (
        <p class="pc-popup-note" role="status">
          Nothing to update: this page says nothing you don’t keep already.
        </p>
      ) : (
        <table class="pc-diff">
          <caption class="pc-popup-note">
            {`${changes.length === 1 ? 'One field changes' : `${changes.length} fields change`}; identities, links and projects are only added to.`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Kept</th>
              <th scope="col">From the page</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{fieldWords(change.field)}</th>
                <td class="pc-diff-before">{shownValue(change.field, change.before)}</td>
                <td class="pc-diff-after">{shownValue(change.field, change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failure && (
        <p class="pc-popup-note pc-status-error" role="alert">
          {failure}
        </p>
      )}
      {conflict && (
        <ConflictNotice
          pending={conflict}
          busy={busy}
          onRetry={() => {
            const found = conflict.conflict;
            if (found.kind === 'gone') void write(() => api.add(after), after, record.profile);
            else if (found.kind === 'changed' || found.kind === 'exists')
              void write(() => api.update(after, found.theirs.rev), after, found.theirs.profile);
            setConflict(undefined);
          }}
          onKeepTheirs={() => {
            const found = conflict.conflict;
            setConflict(undefined);
            if (found.kind === 'changed' || found.kind === 'exists')
              onDone(
                found.theirs.profile,
                `Kept ${found.theirs.profile.name} as changed in the other tab.`,
              );
            else onCancel();
          }}
        />
      )}
      <div class="pc-keep-actions">
        <button
          type="button"
          class="pc-button pc-primary"
          disabled={changes.length === 0 || busy || !!conflict}
          aria-busy={busy}
          onClick={() => void write(() => api.update(after, record.rev), after, record.profile)}
        >
          Save changes
        </button>
        <button type="button" class="pc-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
