/**
 * "Keep this person" and "Update from page" in the toolbar popup.
 *
 *   KeepOffer    (the list view: the tab is nobody we know by its URL)
 *     on mount: api.readTab() runs capture/read-page.ts in the tab (the
 *     toolbar click granted `activeTab`), draft.ts cleans what came back;
 *     a draft whose GitHub/LinkedIn identity is someone the user keeps
 *     offers "Update <them> from page"; a draft whose name or a handle only
 *     looks like someone's (capture/look-alike.ts: homoglyphs, zero-width
 *     characters, case) says "looks like <them>" and offers to update them
 *     or keep a separate person; else "Keep <name>". An organisation, a page
 *     without a person, a page of many people or a post, or a tab the
 *     browser closes to extensions says so in words; where the page was read
 *     but gave no draft, one click adds a person by hand with the page as
 *     their website (or a post's author by name).
 *   UpdateOffer  (the card view of one of the user's own people)
 *     "Update from page" reads the tab on click.
 *   KeepPerson   the draft as a compact form, each field saying where on the
 *     page it came from, checked like an import (formats/import-backup.ts
 *     previewFile against everyone stored and bundled, so a page cannot give
 *     the user a card that claims someone else's GitHub or LinkedIn); or the
 *     update as a field-by-field diff (capture/update.ts), saved at the
 *     version read, a change made in another tab shown as the options page
 *     shows it (ConflictNotice).
 *
 * Nothing is saved without the user's click; the page is only read.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type CaptureResult, draftFromReading } from '../../capture/draft';
import { type LookAlike, lookAlike } from '../../capture/look-alike';
import type { ByHand, PageReading, Source } from '../../capture/reading';
import { type FieldChange, updateFromDraft } from '../../capture/update';
import { rejectionLines } from '../../formats/import';
import { previewFile } from '../../formats/import-backup';
import { list } from '../../i18n/format';
import { type MessageKey, t, tn } from '../../i18n/t';
import { formatHandles } from '../../identity/handles';
import { type IdentityKey, profileKeys } from '../../identity/keys';
import { owningBundled } from '../../people/claims';
import type { Note } from '../../people/clean';
import { uniqueId } from '../../people/ids';
import type { Profile } from '../../people/schema';
import type { Issue } from '../../people/validate';
import type { PersonRecord, Snapshot, WriteResult } from '../../store/store';
import { ConflictNotice, type PendingConflict } from '../parts/ConflictNotice';
import { type FieldNote, FormField } from '../parts/FormField';
import { CONTROL, type Draft, draftOf, entryOf, type Shown, shown } from '../parts/profile-draft';

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
  /** `byHand`: a blank form (the page gave no draft), with what the page did give. */
  | { kind: 'add'; capture: Extract<CaptureResult, { ok: true }>; byHand?: boolean }
  | { kind: 'update'; person: Profile; capture: Extract<CaptureResult, { ok: true }> };

const SOURCE_WORDS: Record<Source, MessageKey> = {
  'json-ld': 'source_json_ld',
  microdata: 'source_microdata',
  'h-card': 'source_h_card',
  'embedded-json': 'source_embedded_json',
  og: 'source_og',
  title: 'source_title',
  h1: 'source_h1',
  'top-card': 'source_top_card',
  'about-section': 'source_about_section',
  'contact-info': 'source_contact_info',
  'pinned-items': 'source_pinned_items',
  'rel-me': 'source_rel_me',
  'meta-author': 'source_meta_author',
  paragraph: 'source_paragraph',
  'meta-description': 'source_meta_description',
  'page-link': 'source_page_link',
  byline: 'source_byline',
  url: 'source_url',
};

/** The form for a person added by hand: empty but for what the page did give. */
export function byHandTask(byHand: ByHand): KeepTask {
  const draft = {
    id: '',
    name: byHand.name ?? '',
    projects: [],
    contact: byHand.website ? { website: byHand.website } : {},
    identities: { github: [], linkedin: [] },
  } as Profile;
  return {
    kind: 'add',
    byHand: true,
    capture: {
      ok: true,
      draft,
      sources: {
        ...(byHand.website && { 'contact.website': 'url' as const }),
        ...(byHand.name && { name: byHand.nameSource ?? ('url' as const) }),
      },
      notes: [],
    },
  };
}

const FIELD_WORDS: Record<string, MessageKey> = {
  name: 'field_name',
  headline: 'field_headline',
  bio: 'field_bio',
  location: 'field_location',
  'contact.email': 'field_email',
  'contact.website': 'field_website',
  'contact.links': 'field_links',
  'identities.github': 'field_github',
  'identities.linkedin': 'field_linkedin',
  projects: 'field_projects',
};

/** `projects.0.description` → "Projects"; a note's field in the form's words. */
const fieldWords = (field: string) => {
  const key =
    FIELD_WORDS[field] ??
    FIELD_WORDS[field.split('.').slice(0, 2).join('.')] ??
    FIELD_WORDS[field.split('.')[0] ?? ''];
  return key ? t(key) : field;
};

export const noteLine = (note: Note) => t('note_line', fieldWords(note.field), note.detail);

/** Where a field (or any of its items: `identities.github.0`) came from, in words. */
function sourceOf(sources: Record<string, Source>, field: string): string | undefined {
  const found = new Set(
    Object.entries(sources)
      .filter(([path]) => path === field || path.startsWith(`${field}.`))
      .map(([, source]) => t(SOURCE_WORDS[source])),
  );
  return found.size > 0 ? t('keep_source_from', list([...found])) : undefined;
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
  | { ok: true; capture: Extract<CaptureResult, { ok: true }> }
  | { ok: false; message?: string; byHand?: ByHand }
> {
  const tab = await api
    .readTab()
    .catch((error: Error): TabReading => ({ kind: 'closed', message: error.message }));
  if (tab.kind === 'own-page') return { ok: false };
  if (tab.kind === 'closed') return { ok: false, message: tab.message };
  const capture = draftFromReading(tab.reading);
  if (!capture.ok) {
    return {
      ok: false,
      message: capture.message,
      ...(capture.byHand && { byHand: capture.byHand }),
    };
  }
  return { ok: true, capture };
}

type Offer =
  | { kind: 'reading' }
  | { kind: 'none' }
  | { kind: 'note'; message: string; byHand?: ByHand }
  | { kind: 'keep'; task: KeepTask; name: string }
  | { kind: 'update'; task: KeepTask; name: string }
  | { kind: 'looks-like'; task: KeepTask; like: LookAlike; update?: KeepTask };

/** Everyone the draft could be confused with: the user's people, then the bundled ones. */
async function lookAlikeOf(api: KeepApi, draft: Profile): Promise<LookAlike | undefined> {
  const snapshot = await api.snapshot().catch(() => undefined);
  const mine = snapshot?.people.map((record) => record.profile) ?? [];
  // Only the bundled people who own their handles (people/claims.ts) are "in your people".
  const bundled = owningBundled(api.bundled, {
    hidden: snapshot?.hidden,
    userIds: mine.map((profile) => profile.id),
  });
  return lookAlike(draft, [...mine, ...bundled]);
}

/** Above the people list: what this tab offers to keep, or why nothing. */
export function KeepOffer({ api, onOpen }: { api: KeepApi; onOpen: (task: KeepTask) => void }) {
  const [offer, setOffer] = useState<Offer>({ kind: 'reading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      const read = await readDraft(api);
      if (!read.ok) {
        if (live)
          setOffer(
            read.message
              ? {
                  kind: 'note',
                  message: read.message,
                  ...(read.byHand && { byHand: read.byHand }),
                }
              : { kind: 'none' },
          );
        return;
      }
      const owner = await keptOwner(api, read.capture.draft);
      const like = owner ? undefined : await lookAlikeOf(api, read.capture.draft);
      if (!live) return;
      const add: KeepTask = { kind: 'add', capture: read.capture };
      if (like) {
        const bundled = api.bundled.some((profile) => profile.id === like.person.id);
        setOffer({
          kind: 'looks-like',
          task: add,
          like,
          ...(!bundled && {
            update: { kind: 'update', person: like.person, capture: read.capture },
          }),
        });
      } else if (owner && !owner.bundled) {
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
  if (offer.kind === 'looks-like') {
    const { like, update } = offer;
    return (
      <section class="pc-keep-offer" aria-label={t('keep_this_page')}>
        <p class="pc-popup-note" role="status">
          {like.handle
            ? t(
                'keep_looks_like_handle',
                like.by === 'github' ? t('field_github') : t('field_linkedin'),
                like.handle,
                like.person.name,
              )
            : t('keep_looks_like', offer.task.capture.draft.name, like.person.name)}
          {like.by === 'name' &&
            offer.task.capture.draft.name.toLowerCase() !== like.person.name.toLowerCase() &&
            ` ${t('keep_looks_like_different')}`}
        </p>
        <div class="pc-keep-actions">
          {update && (
            <button type="button" class="pc-button pc-primary" onClick={() => onOpen(update)}>
              {t('keep_update_offer', like.person.name)}
            </button>
          )}
          <button type="button" class="pc-button" onClick={() => onOpen(offer.task)}>
            {t('keep_separately')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section class="pc-keep-offer" aria-label={t('keep_this_page')}>
      {offer.kind === 'note' ? (
        <>
          <p class="pc-popup-note" role="status">
            {offer.message}
          </p>
          {offer.byHand && (
            <button
              type="button"
              class="pc-button pc-primary"
              onClick={() => onOpen(byHandTask(offer.byHand as ByHand))}
            >
              {offer.byHand.website
                ? t('keep_by_hand')
                : offer.byHand.name
                  ? t('keep_by_hand_named', offer.byHand.name)
                  : t('keep_by_hand_plain')}
            </button>
          )}
        </>
      ) : (
        <button type="button" class="pc-button pc-primary" onClick={() => onOpen(offer.task)}>
          {offer.kind === 'keep' ? t('keep_offer', offer.name) : t('keep_update_offer', offer.name)}
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
      return setMessage(t('keep_not_their_page', person.name));
    onOpen({ kind: 'update', person, capture: read.capture });
  };
  return (
    <section class="pc-keep-offer" aria-label={t('keep_this_page')}>
      <button type="button" class="pc-button" disabled={busy} aria-busy={busy} onClick={update}>
        {t('keep_update_from_page')}
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
  const result = previewFile('page', JSON.stringify(entry), {
    existing,
    bundled,
    hidden: snapshot.hidden,
  });
  if (!result.ok) return { issues: [{ path: [], message: result.error }] };
  const issues = result.preview.rejected.flatMap((rejected) => rejected.issues);
  const profile = result.preview.added[0];
  if (issues.length > 0 || !profile) {
    if (issues.length === 0) {
      const lines = result.preview.rejected.flatMap(rejectionLines);
      issues.push({ path: ['id'], message: lines[0] ?? t('keep_someones') });
    }
    return { issues };
  }
  return { profile };
}

function conflictWords(result: Extract<WriteResult, { ok: false }>): string | undefined {
  const { conflict } = result;
  if (conflict.kind === 'claimed')
    return t('claimed_by', conflict.key, conflict.owner.name, conflict.owner.id);
  if (conflict.kind === 'exists') return t('keep_exists', conflict.theirs.id);
  return undefined;
}

function KeepForm({
  api,
  task,
  capture,
  onDone,
  onCancel,
}: KeepPersonProps & { capture: Extract<CaptureResult, { ok: true }> }) {
  const byHand = task.kind === 'add' && task.byHand === true;
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
          if (result.ok) return onDone(checked.profile, t('keep_kept', checked.profile.name));
          const words = conflictWords(result);
          found.push({ text: words ?? t('keep_not_saved_changed') });
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
      class="pc-keep-field"
      id={CONTROL[key]}
      label={label}
      note={sourceNote(
        sourceOf(
          sources,
          key === 'email' ? 'contact.email' : key === 'website' ? 'contact.website' : key,
        ),
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
      class="pc-keep-field"
      id={CONTROL[key]}
      label={label}
      note={sourceNote(sourceOf(sources, key === 'bio' ? 'bio' : `identities.${key}`))}
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
        {byHand ? t('keep_by_hand_title') : t('keep_title', draft.name)}
      </h1>
      <p class="pc-popup-note">{byHand ? t('keep_by_hand_intro') : t('keep_intro')}</p>
      {problems.length > 0 && (
        <div class="pc-errors" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('keep_not_yet')}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem.text}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={save} noValidate>
        {input('name', t('field_name'))}
        {input('headline', t('field_headline'))}
        {lines('bio', t('keep_label_bio'), 3)}
        {input('location', t('field_location'))}
        {input('email', t('field_email'))}
        {input('website', t('field_website'))}
        {lines('github', t('label_github_logins'), 1)}
        {lines('linkedin', t('label_linkedin_profiles'), 2)}
        {draft.projects.length > 0 && (
          <p class="pc-keep-extra">
            <strong>{t('field_projects')}</strong>{' '}
            {t('keep_extra', sourceOf(sources, 'projects') ?? '')}{' '}
            <bdi>{draft.projects.map((project) => project.name).join(', ')}</bdi>
          </p>
        )}
        {(draft.contact.links ?? []).length > 0 && (
          <p class="pc-keep-extra">
            <strong>{t('field_links')}</strong>{' '}
            {t('keep_extra', sourceOf(sources, 'contact.links') ?? '')}{' '}
            <bdi>{(draft.contact.links ?? []).map((link) => link.label).join(', ')}</bdi>
          </p>
        )}
        {notes.length > 0 && (
          <details class="pc-keep-notes">
            <summary>{tn('keep_changes_to_fit', notes.length)}</summary>
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
            {t('keep_button')}
          </button>
          <button type="button" class="pc-button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Where a field's value came from, as the shared field's note. */
const sourceNote = (text?: string): FieldNote | undefined =>
  text ? { text, kind: 'source', class: 'pc-keep-source' } : undefined;

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
        if (!record) return setState({ kind: 'error', message: t('keep_no_longer', person.name) });
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
      if (result.ok) return onDone(mine, t('keep_updated', mine.name));
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

  if (state.kind === 'loading') return <p class="pc-popup-note">{t('keep_reading')}</p>;
  if (state.kind === 'error')
    return (
      <section class="pc-keep">
        <p class="pc-popup-note pc-status-error" role="alert">
          {state.message}
        </p>
        <button type="button" class="pc-button" onClick={onCancel}>
          {t('back')}
        </button>
      </section>
    );
  const { record, after, changes } = state;
  return (
    <section class="pc-keep" aria-labelledby="pc-keep-title">
      <h1 id="pc-keep-title" class="pc-popup-title">
        {t('keep_update_offer', record.profile.name)}
      </h1>
      {changes.length === 0 ? (
        <p class="pc-popup-note" role="status">
          {t('keep_nothing_to_update')}
        </p>
      ) : (
        <table class="pc-diff">
          <caption class="pc-popup-note">{tn('keep_fields_change', changes.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('keep_col_field')}</th>
              <th scope="col">{t('keep_col_kept')}</th>
              <th scope="col">{t('keep_col_page')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{fieldWords(change.field)}</th>
                <td class="pc-diff-before" dir="auto">
                  {shownValue(change.field, change.before)}
                </td>
                <td class="pc-diff-after" dir="auto">
                  {shownValue(change.field, change.after)}
                </td>
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
              onDone(found.theirs.profile, t('keep_kept_theirs', found.theirs.profile.name));
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
          {t('save_changes')}
        </button>
        <button type="button" class="pc-button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
