/**
 * The options page: everyone the extension knows (bundled people read-only
 * but hideable, the user's own editable), import, export, settings. Storage
 * is reached only through `OptionsApi`, so this component is plain UI.
 *
 * Every change is one operation on one person (add, save at the version
 * shown, delete at the version shown, hide/show) or one confirmed import
 * at the store version its preview was computed from — never a whole
 * in-memory copy saved back. When another tab changed the same person
 * first, the change is refused by the store and shown here (ConflictNotice)
 * for the user to retry or keep theirs.
 *
 * Damaged records, and an earlier version's data that could not be moved,
 * are shown, never silently replaced: a banner offers to download them as
 * they were.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { toVCard, vcardFileName } from '../contact/vcard';
import { privacyPromise } from '../directories/promise';
import { formatBytes, formatNumber } from '../i18n/format';
import { language, t, tn } from '../i18n/t';
import { formatHandles } from '../identity/handles';
import { buildDirectory } from '../profiles/directory';
import { exportDocument } from '../profiles/export';
import type { ImportResult, Preview } from '../profiles/import';
import { previewFile } from '../profiles/import-backup';
import { toJsonResume } from '../profiles/json-resume';
import type { MigrationOutcome } from '../profiles/migrate';
import type { Profile } from '../profiles/schema';
import { matchesQuery } from '../profiles/search';
import type {
  ImportResult as CommitResult,
  Conflict,
  DirectoryClash,
  Snapshot,
  WriteResult,
} from '../profiles/store';
import { describe, type Issue } from '../profiles/validate';
import type { Settings } from '../settings/defaults';
import type { SettingField } from '../settings/items';
import { ConflictNotice, type PendingConflict } from './ConflictNotice';
import { ConflictsPanel } from './ConflictsPanel';
import { type DirectoriesApi, DirectoriesPanel } from './DirectoriesPanel';
import { type ConfirmOutcome, ImportPanel, type PendingImport } from './ImportPanel';
import { PrivacyFooter } from './PrivacyFooter';
import { ProfileForm } from './ProfileForm';
import type { Theme } from './page-theme';
import { SettingsPanel } from './SettingsPanel';
import { type SyncApi, SyncPanel } from './SyncPanel';
import { WhatsNew } from './WhatsNew';

export interface Loaded {
  snapshot: Snapshot;
  /** What became of an earlier version's data. */
  migration: MigrationOutcome;
  /** Why the people cannot be read or written at all (a newer database), if so. */
  unavailable?: string;
  settings: Settings;
  settingsProblem?: string;
  /** Handles subscribed directories' people share with yours or bundled people. */
  directoryClashes?: DirectoryClash[];
}

export interface Usage {
  bytes?: number;
  quota?: number;
}

export interface OptionsApi {
  load(): Promise<Loaded>;
  add(profile: Profile): Promise<WriteResult>;
  update(profile: Profile, rev: number): Promise<WriteResult>;
  remove(id: string, rev: number): Promise<WriteResult>;
  setHidden(id: string, hidden: boolean): Promise<void>;
  importPeople(people: { profile: Profile; rev?: number }[], basis: number): Promise<CommitResult>;
  removeDamaged(ids: string[]): Promise<void>;
  /** The user chose to keep only the readable part of an earlier version's data. */
  moveReadable(): Promise<MigrationOutcome>;
  /** The user chose to keep what the database holds and let an old value that cannot be moved go. */
  discardLegacy(raw: unknown): Promise<boolean>;
  saveSetting(field: SettingField): Promise<void>;
  usage(): Promise<Usage>;
  /**
   * Calls back when stored data changes in another tab or context (not for
   * this page's own writes); returns an unsubscribe.
   */
  onChange(callback: () => void): () => void;
  download(fileName: string, text: string, type: string): void;
  /** Browser sync and team directories (issue 14), asked of the background. */
  sync?: SyncApi;
  directories?: DirectoriesApi;
}

const EMPTY: Snapshot = { rev: 0, people: [], damaged: [], hidden: [] };
const number = (value: number) => formatNumber(value);
const megabytes = formatBytes;

/** Rows shown at once; a directory of thousands is searched, not scrolled. */
const SHOWN = 200;

/** Two previews say the same thing: the same people in each group, the same refusals. */
function samePreview(a: Preview, b: Preview): boolean {
  const ids = (preview: Preview) =>
    JSON.stringify([
      preview.added.map((profile) => profile.id),
      preview.updated.map(({ before, after }) => [after.id, JSON.stringify(before)]),
      preview.unchanged.map((profile) => profile.id),
      preview.rejected.map((rejected) => [rejected.index, rejected.errors]),
    ]);
  return ids(a) === ids(b);
}

/** What differs between the preview the user saw and the one made against what is stored now. */
function describeChanges(before: Preview, after: Preview): string {
  const group = (preview: Preview) => {
    const map = new Map<string, string>();
    for (const profile of preview.added) map.set(profile.id, t('changes_to_add'));
    for (const { after } of preview.updated) map.set(after.id, t('changes_to_update'));
    for (const profile of preview.unchanged) map.set(profile.id, t('changes_unchanged'));
    return map;
  };
  const was = group(before);
  const now = group(after);
  const lines: string[] = [];
  for (const [id, state] of now) {
    const old = was.get(id);
    if (old !== state) lines.push(t('changes_line', id, old ?? t('changes_refused'), state));
  }
  for (const [id, state] of was)
    if (!now.has(id)) lines.push(t('changes_line', id, state, t('changes_refused')));
  if (lines.length === 0) lines.push(t('changes_others'));
  const first = lines.slice(0, 5).join('; ');
  return lines.length > 5 ? t('changes_and_more', first, lines.length - 5) : first;
}

export function Options({
  api,
  bundled,
  theme,
}: {
  api: OptionsApi;
  bundled: readonly Profile[];
  theme: Theme;
}) {
  const [data, setData] = useState<Loaded>();
  const [usage, setUsage] = useState<Usage>({});
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ profile?: Profile; rev?: number } | undefined>();
  /** The person whose delete is being confirmed, at the version shown when Delete was clicked. */
  const [confirmDelete, setConfirmDelete] = useState<{ id: string; rev: number }>();
  const [conflict, setConflict] = useState<PendingConflict & { rev?: number }>();
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string>();
  const latest = useRef<Loaded | undefined>(undefined);
  /** Set synchronously: a double click cannot start a second write before a re-render. */
  const working = useRef(false);

  const reload = () =>
    api.load().then(
      (loaded) => {
        latest.current = loaded;
        setData(loaded);
        api.usage().then(setUsage, () => undefined);
        return loaded;
      },
      (error: Error) => {
        setFailure(error.message);
        throw error;
      },
    );
  useEffect(() => {
    reload().catch(() => undefined);
    return api.onChange(() => void reload().catch(() => undefined));
  }, [api]);

  const snapshot = data?.snapshot ?? EMPTY;
  const profiles = useMemo(() => snapshot.people.map((record) => record.profile), [snapshot]);
  const revs = useMemo(
    () => new Map(snapshot.people.map((record) => [record.id, record.rev])),
    [snapshot],
  );
  const rows = useMemo(() => {
    const hidden = new Set(snapshot.hidden);
    return [
      ...profiles.map((profile) => ({ profile, bundled: false, hidden: false })),
      ...bundled.map((profile) => ({ profile, bundled: true, hidden: hidden.has(profile.id) })),
    ];
  }, [profiles, snapshot, bundled]);
  const directory = useMemo(
    () => buildDirectory({ bundled, user: profiles, hidden: snapshot.hidden }),
    [profiles, snapshot, bundled],
  );
  const shown = useMemo(
    () =>
      rows.filter(({ profile }) =>
        matchesQuery(
          `${profile.name} ${profile.headline ?? ''} ${formatHandles(profile.identities).join(' ')}`,
          query,
        ),
      ),
    [rows, query],
  );

  if (!data) {
    return (
      <main
        class="pc-theme pc-options"
        lang={language()}
        data-scheme={theme.scheme}
        data-contrast={theme.contrast}
      >
        <h1>{t('ext_name')}</h1>
        {failure ? <p role="alert">{failure}</p> : <p>{t('loading')}</p>}
      </main>
    );
  }

  const { migration } = data;
  const blocked =
    data.unavailable ??
    (migration.kind === 'future'
      ? migration.message
      : migration.kind === 'damaged'
        ? t('options_paused_damaged')
        : migration.kind === 'failed'
          ? t('options_paused', migration.message)
          : undefined);

  /** Runs one write with the busy state on; a second click meanwhile does nothing. */
  const run = async <T,>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
    if (working.current) return undefined;
    working.current = true;
    setBusy(what);
    setFailure(undefined);
    try {
      return await work();
    } catch (error) {
      setFailure((error as Error).message);
      return undefined;
    } finally {
      working.current = false;
      setBusy(undefined);
    }
  };

  /** A write's verdict: done (status, reload) or a conflict to show. */
  const settle = async (
    result: WriteResult | undefined,
    done: string,
    pending: Omit<PendingConflict, 'conflict'>,
  ) => {
    if (!result) return false;
    if (result.ok) {
      setConflict(undefined);
      setStatus(done);
      await reload();
      return true;
    }
    if (result.conflict.kind === 'claimed' && pending.action !== 'delete') {
      // The same words an import uses for a taken identity.
      const { key, owner } = result.conflict;
      setConflict(undefined);
      throw new Error(t('claimed_by', key, owner.name, owner.id));
    }
    setConflict({ ...pending, conflict: result.conflict });
    await reload();
    return false;
  };

  /**
   * The form's entry through the same checks as an import, against everyone
   * else; the person itself when valid, else the reasons in words.
   */
  const checkEntry = (
    entry: unknown,
    ownId?: string,
  ): { profile: Profile; issues?: undefined } | { issues: Issue[] } => {
    const others = ownId === undefined ? profiles : profiles.filter((p) => p.id !== ownId);
    const result = previewFile('form', JSON.stringify(entry), { existing: others, bundled });
    if (!result.ok) return { issues: [{ path: [], message: result.error }] };
    const issues = result.preview.rejected.flatMap((rejected) => rejected.issues);
    const taken = result.preview.updated[0]?.before ?? result.preview.unchanged[0];
    if (taken)
      issues.push({
        path: ['id'],
        message: t('options_id_taken', taken.name),
      });
    const profile = result.preview.added[0];
    return issues.length > 0 || !profile ? { issues } : { profile };
  };
  const check = (entry: unknown, ownId?: string) => checkEntry(entry, ownId).issues ?? [];

  const saveForm = async (entry: unknown) => {
    const target = editing;
    const checked = checkEntry(entry, target?.profile?.id);
    if (checked.issues) {
      const [first] = checked.issues;
      throw new Error(first ? describe(first) : t('form_not_valid'));
    }
    const { profile } = checked;
    const editingSame = target?.profile?.id === profile.id && target.rev !== undefined;
    if (working.current) return;
    working.current = true;
    setBusy('save');
    setFailure(undefined);
    try {
      const outcome = editingSame
        ? await api.update(profile, target.rev as number)
        : await api.add(profile);
      const saved = await settle(outcome, t('options_saved', profile.name), {
        action: editingSame ? 'save' : 'add',
        mine: profile,
        ...(target?.profile ? { base: target.profile } : {}),
      });
      if (saved) setEditing(undefined);
    } finally {
      working.current = false;
      setBusy(undefined);
    }
  };

  const retryConflict = async () => {
    if (!conflict) return;
    const { action, mine, conflict: found } = conflict;
    if (found.kind === 'gone') {
      const result = await run('retry', () => api.add(mine));
      await settle(result, t('options_saved', mine.name), { action: 'add', mine });
      if (result?.ok) setEditing(undefined);
      return;
    }
    if (found.kind === 'claimed') {
      setConflict(undefined);
      return;
    }
    const theirs = found.theirs;
    if (action === 'delete') {
      const result = await run('retry', () => api.remove(theirs.id, theirs.rev));
      await settle(result, t('options_deleted', theirs.profile.name), {
        action,
        mine: theirs.profile,
        base: theirs.profile,
      });
      return;
    }
    const result = await run('retry', () => api.update(mine, theirs.rev));
    try {
      const saved = await settle(result, t('options_saved', mine.name), {
        action: 'save',
        mine,
        base: theirs.profile,
      });
      if (saved) setEditing(undefined);
    } catch (error) {
      setConflict(undefined);
      setFailure((error as Error).message);
    }
  };

  const confirmImport = async (pending: PendingImport): Promise<ConfirmOutcome> => {
    let { preview, basis } = pending;
    // Against what is stored at commit time: if anything changed since the
    // preview, preview again; write without asking only if the verdict is the same.
    for (let attempt = 0; attempt < 3; attempt++) {
      const known = latest.current?.snapshot ?? snapshot;
      const rev = new Map(known.people.map((record) => [record.id, record.rev]));
      const people = [
        ...preview.updated.map(({ after }) => ({ profile: after, rev: rev.get(after.id) })),
        ...preview.added.map((profile) => ({ profile })),
      ];
      const result = await api.importPeople(people, basis);
      if (result.ok) {
        // Committed: say so now; the list catches up as soon as it is read back.
        reload().catch(() => undefined);
        return {
          done: t('import_done', preview.added.length, preview.updated.length),
        };
      }
      const fresh = await reload();
      const again = previewFile(pending.name, pending.input, {
        existing: fresh.snapshot.people.map((record) => record.profile),
        bundled,
      });
      if (!again.ok) return { error: again.error };
      if (!samePreview(preview, again.preview)) {
        return {
          again: { ...pending, preview: again.preview, basis: fresh.snapshot.rev },
          note: t('import_changed_since', describeChanges(preview, again.preview)),
        };
      }
      preview = again.preview;
      basis = fresh.snapshot.rev;
    }
    return { error: t('import_kept_changing') };
  };

  const userCount = profiles.length;
  const hiddenCount = snapshot.hidden.length;
  const damaged = snapshot.damaged;

  return (
    <main
      class="pc-theme pc-options"
      lang={language()}
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      <header class="pc-options-head">
        <h1>{t('ext_name')}</h1>
        <p class="pc-muted">
          {t('options_intro')} {privacyPromise()}
        </p>
      </header>
      <WhatsNew />

      {data.unavailable && (
        <p class="pc-banner" role="alert">
          {data.unavailable}
        </p>
      )}
      {migration.kind === 'future' && (
        <p class="pc-banner" role="alert">
          {migration.message}
        </p>
      )}
      {migration.kind === 'failed' && (
        <div class="pc-banner" role="alert">
          <p>{migration.message}</p>
          {migration.raw !== undefined && (
            <div class="pc-form-actions">
              <button
                type="button"
                class="pc-button pc-primary"
                onClick={() =>
                  api.download(
                    'profile-card-stored-data.json',
                    `${JSON.stringify(migration.raw, null, 2)}\n`,
                    'application/json',
                  )
                }
              >
                {t('options_download_stored')}
              </button>
              <button
                type="button"
                class="pc-button"
                disabled={!!busy}
                onClick={() =>
                  void run('discard', async () => {
                    if (await api.discardLegacy(migration.raw)) setStatus(t('options_discarded'));
                    await reload();
                  })
                }
              >
                {t('options_keep_stored')}
              </button>
            </div>
          )}
        </div>
      )}
      {migration.kind === 'damaged' && (
        <div class="pc-banner" role="alert">
          <p>
            <strong>{t('options_damaged_title')}</strong> {migration.message}{' '}
            {t('options_damaged_advice')}
          </p>
          <div class="pc-form-actions">
            <button
              type="button"
              class="pc-button pc-primary"
              onClick={() =>
                api.download(
                  'profile-card-stored-data.json',
                  `${JSON.stringify(migration.raw, null, 2)}\n`,
                  'application/json',
                )
              }
            >
              {t('options_download_stored')}
            </button>
            <button
              type="button"
              class="pc-button"
              disabled={!!busy}
              aria-busy={busy === 'move'}
              onClick={() =>
                void run('move', async () => {
                  const outcome = await api.moveReadable();
                  if (outcome.kind === 'moved')
                    setStatus(tn('options_kept_readable', migration.readable));
                  await reload();
                })
              }
            >
              {t('options_keep_readable')}
            </button>
          </div>
        </div>
      )}
      {damaged.length > 0 && (
        <div class="pc-banner" role="alert">
          <p>
            <strong>{tn('options_damaged_records', damaged.length)}</strong>{' '}
            {t(
              'options_damaged_kept',
              damaged
                .slice(0, 3)
                .map((record) => `${record.id}: ${record.problem}`)
                .join('; ') + (damaged.length > 3 ? '; …' : ''),
            )}
          </p>
          <div class="pc-form-actions">
            <button
              type="button"
              class="pc-button pc-primary"
              onClick={() =>
                api.download(
                  'profile-card-damaged-records.json',
                  `${JSON.stringify(
                    damaged.map((record) => record.raw),
                    null,
                    2,
                  )}\n`,
                  'application/json',
                )
              }
            >
              {t('options_download_damaged')}
            </button>
            <button
              type="button"
              class="pc-button"
              disabled={!!busy || !!blocked}
              onClick={() =>
                void run('damaged', async () => {
                  await api.removeDamaged(damaged.map((record) => record.id));
                  setStatus(t('options_removed_damaged'));
                  await reload();
                })
              }
            >
              {t('options_remove_them')}
            </button>
          </div>
        </div>
      )}
      {data.settingsProblem && (
        <p class="pc-banner" role="alert">
          {data.settingsProblem}
        </p>
      )}
      {failure && (
        <p class="pc-error" role="alert">
          {failure}
        </p>
      )}
      {conflict && (
        <ConflictNotice
          pending={conflict}
          busy={!!busy}
          onRetry={() =>
            void retryConflict().catch((error: Error) => {
              setConflict(undefined);
              setFailure(error.message);
            })
          }
          onKeepTheirs={() => {
            setConflict(undefined);
            setEditing(undefined);
            void reload().catch(() => undefined);
          }}
        />
      )}
      <p class="pc-status-line" role="status">
        {status}
      </p>

      {editing && (
        <ProfileForm
          key={editing.profile?.id ?? 'new'}
          profile={editing.profile}
          takenIds={new Set([...profiles, ...bundled].map((profile) => profile.id))}
          check={(entry) => check(entry, editing.profile?.id)}
          onCancel={() => setEditing(undefined)}
          onSave={saveForm}
        />
      )}

      <ConflictsPanel
        conflicts={directory.conflicts}
        byId={directory.byId}
        directoryClashes={data.directoryClashes}
      />

      <section class="pc-panel" aria-labelledby="pc-people-title">
        <h2 id="pc-people-title">{t('people_title')}</h2>
        <p class="pc-muted">
          {hiddenCount > 0
            ? t(
                'table_summary_hidden',
                rows.length - hiddenCount,
                bundled.length,
                hiddenCount,
                userCount,
              )
            : t('table_summary', rows.length - hiddenCount, bundled.length, userCount)}
        </p>
        <p class="pc-muted" data-testid="pc-usage">
          {usage.bytes === undefined
            ? t('table_stored', tn('people_count', userCount))
            : usage.quota === undefined
              ? t('table_stored_used', tn('people_count', userCount), megabytes(usage.bytes))
              : t(
                  'table_stored_used_of',
                  tn('people_count', userCount),
                  megabytes(usage.bytes),
                  megabytes(usage.quota),
                )}
        </p>
        <div class="pc-toolbar">
          <label class="pc-search">
            <span class="pc-visually-hidden">{t('search_people')}</span>
            <input
              type="search"
              placeholder={t('search_placeholder')}
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="pc-button pc-primary"
            disabled={!!blocked}
            onClick={() => setEditing({})}
          >
            {t('table_add')}
          </button>
          <button
            type="button"
            class="pc-button"
            disabled={userCount === 0}
            onClick={() =>
              api.download(
                `profile-card-${new Date().toISOString().slice(0, 10)}.json`,
                exportDocument(profiles),
                'application/json',
              )
            }
          >
            {t('table_export_all')}
          </button>
        </div>
        {query && (
          <p class="pc-muted" aria-live="polite">
            {t('table_matches', shown.length, rows.length)}
          </p>
        )}
        <ul class="pc-people">
          {shown.slice(0, SHOWN).map(({ profile, bundled: isBundled, hidden }) => (
            <li
              key={`${isBundled}-${profile.id}`}
              class={hidden ? 'pc-person-row pc-hidden' : 'pc-person-row'}
            >
              <div class="pc-person-main">
                <span class="pc-person-name" dir="auto">
                  {profile.name}
                </span>
                {isBundled && <span class="pc-tag">{t('tag_bundled')}</span>}
                {hidden && <span class="pc-tag">{t('tag_hidden')}</span>}
                {profile.headline && (
                  <span class="pc-person-headline" dir="auto">
                    {profile.headline}
                  </span>
                )}
                <span class="pc-person-handles">
                  {formatHandles(profile.identities).join(' · ')}
                </span>
              </div>
              <div class="pc-person-actions">
                {isBundled ? (
                  <button
                    type="button"
                    class="pc-button"
                    disabled={!!blocked}
                    aria-label={t(hidden ? 'table_show_label' : 'table_hide_label', profile.name)}
                    onClick={() =>
                      void run(`hide-${profile.id}`, async () => {
                        await api.setHidden(profile.id, !hidden);
                        setStatus(
                          t(hidden ? 'options_now_shown' : 'options_now_hidden', profile.name),
                        );
                        await reload();
                      })
                    }
                  >
                    {hidden ? t('table_show') : t('table_hide')}
                  </button>
                ) : confirmDelete?.id === profile.id ? (
                  <>
                    <span>{t('table_confirm_delete', profile.name)}</span>
                    <button
                      type="button"
                      class="pc-button pc-danger"
                      onClick={() => {
                        const { rev } = confirmDelete;
                        setConfirmDelete(undefined);
                        void run(`delete-${profile.id}`, () => api.remove(profile.id, rev))
                          .then((result) =>
                            settle(result, t('options_deleted', profile.name), {
                              action: 'delete',
                              mine: profile,
                              base: profile,
                            }),
                          )
                          .catch((error: Error) => setFailure(error.message));
                      }}
                    >
                      {t('table_delete')}
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      onClick={() => setConfirmDelete(undefined)}
                    >
                      {t('table_keep')}
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      class="pc-button"
                      disabled={!!blocked}
                      aria-label={t('table_edit_label', profile.name)}
                      onClick={() => setEditing({ profile, rev: revs.get(profile.id) })}
                    >
                      {t('table_edit')}
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      aria-label={t('table_export_json_label', profile.name)}
                      onClick={() =>
                        api.download(
                          `${profile.id}.json`,
                          exportDocument([profile]),
                          'application/json',
                        )
                      }
                    >
                      {t('format_json')}
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      aria-label={t('table_export_vcard_label', profile.name)}
                      onClick={() =>
                        api.download(
                          vcardFileName(profile),
                          toVCard(profile),
                          'text/vcard;charset=utf-8',
                        )
                      }
                    >
                      {t('kind_vcard')}
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      aria-label={t('table_export_resume_label', profile.name)}
                      onClick={() =>
                        api.download(
                          `${profile.id}.resume.json`,
                          `${JSON.stringify(toJsonResume(profile), null, 2)}\n`,
                          'application/json',
                        )
                      }
                    >
                      {t('format_resume')}
                    </button>
                    <button
                      type="button"
                      class="pc-button"
                      disabled={!!blocked}
                      aria-label={t('table_delete_label', profile.name)}
                      onClick={() =>
                        setConfirmDelete({ id: profile.id, rev: revs.get(profile.id) ?? 0 })
                      }
                    >
                      {t('table_delete')}
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
        {shown.length > SHOWN && <p class="pc-muted">{t('table_more', shown.length - SHOWN)}</p>}
      </section>

      <ImportPanel
        blocked={blocked}
        preview={(name, input): { result: ImportResult; basis: number } => {
          const known = latest.current?.snapshot ?? snapshot;
          return {
            result: previewFile(name, input, {
              existing: known.people.map((record) => record.profile),
              bundled,
            }),
            basis: known.rev,
          };
        }}
        onConfirm={confirmImport}
      />

      <SettingsPanel
        settings={data.settings}
        onChange={(field) => {
          const next = structuredClone(data.settings);
          if ('site' in field) next.sites[field.site][field.key] = field.value;
          else next.hoverDelayMs = field.value;
          setData({ ...data, settings: next });
          api.saveSetting(field).then(
            () => setStatus(t('options_settings_saved')),
            (error: Error) => setFailure(error.message),
          );
        }}
      />

      {api.sync && <SyncPanel api={api.sync} />}
      {api.directories && (
        <DirectoriesPanel
          api={api.directories}
          onChange={() => void reload().catch(() => undefined)}
        />
      )}
      <PrivacyFooter />
    </main>
  );
}

export type { Conflict };
