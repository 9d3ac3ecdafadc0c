/**
 * components/options/ — the options page (entrypoints/options/main.tsx).
 *
 *   Options.tsx ─┬─ OptionsHeader.tsx  what this is, the privacy promise, jump links
 *                ├─ PeopleTable.tsx  everyone, drawn over jobs/roster.ts
 *                ├─ ProfileForm.tsx  add and edit (checked as an import: formats/)
 *                ├─ ImportPanel.tsx ─▶ Progress.tsx    import, export (jobs/ in a worker)
 *                ├─ ConflictsPanel.tsx  versions sync kept
 *                ├─ SyncPanel.tsx · DirectoriesPanel.tsx · CardDavPanel.tsx
 *                ├─ StoredDataBanners.tsx  damaged or unmoved data: download, then let go
 *                ├─ SettingsPanel.tsx  per site, hover delay
 *                ├─ WhatsNew.tsx  what changed since the version last seen
 *                └─ components/privacy/PrivacyFooter.tsx
 *   options.css, whats-new.css
 *
 * The options page: everyone the extension knows (bundled people read-only
 * but hideable, the user's own editable), import, export, settings, with
 * jump links to each section. Storage is reached only through `OptionsApi`,
 * so this component is plain UI.
 *
 * The people are the store's summary (store/people-rows.ts, one row per
 * person with its search index, jobs/roster.ts), not every profile: the
 * page opens and searches 100,000 people as it does 3. A person's whole
 * record is read when it is edited or exported; work on everyone (an
 * import, the full export, the check for damaged records and clashing
 * handles) is a job that runs in a worker (jobs/jobs.ts).
 *
 * Every change is one operation on one person (add, save at the version
 * shown, delete at the version shown, hide/show) or one confirmed import
 * at the store version its preview was computed from — never a whole
 * in-memory copy saved back. When another tab changed the same person
 * first, the change is refused by the store and shown here (ConflictNotice)
 * for the user to retry or keep theirs. Outcomes are said once, in the
 * page's one status region; problems are alerts.
 *
 * Damaged records, and an earlier version's data that could not be moved,
 * are shown, never silently replaced: a banner offers to download them as
 * they were.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exportDocument } from '../../formats/export';
import { EXPORT_FILES, type ExportFormat } from '../../formats/export-files';
import { previewFile } from '../../formats/import-backup';
import { toJsonResume } from '../../formats/json-resume';
import { toVCard, vcardFileName } from '../../formats/vcard';
import { language, t, tn } from '../../i18n/t';
import type { NotesIndex } from '../../jobs/jobs';
import type { Roster } from '../../jobs/roster';
import { bundledOutOf, claimantsOf } from '../../jobs/roster-claims';
import type { IdentityConflict } from '../../people/directory';
import { withMine } from '../../people/notes';
import type { Profile } from '../../people/schema';
import { describe, type Issue } from '../../people/validate';
import type { Settings } from '../../settings/defaults';
import type { SettingField } from '../../settings/items';
import type { MigrationOutcome } from '../../store/migrate';
import type {
  Conflict,
  DamagedRecord,
  DirectoryClash,
  PersonRecord,
  WriteResult,
} from '../../store/store';
import { ConflictNotice, type PendingConflict } from '../parts/ConflictNotice';
import type { Theme } from '../parts/page-theme';
import { PrivacyFooter } from '../privacy/PrivacyFooter';
import { type CardDavApi, CardDavPanel } from './CardDavPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { type DirectoriesApi, DirectoriesPanel } from './DirectoriesPanel';
import { ImportPanel, type StartImport } from './ImportPanel';
import { LinkContact } from './LinkContact';
import { OptionsHeader } from './OptionsHeader';
import { PeopleTable, type Usage } from './PeopleTable';
import { ProfileForm } from './ProfileForm';
import { Progress } from './Progress';
import { SettingsPanel } from './SettingsPanel';
import { StoredDataBanners } from './StoredDataBanners';
import { type SyncApi, SyncPanel } from './SyncPanel';
import { WhatsNew } from './WhatsNew';

export type { Usage } from './PeopleTable';

export interface Loaded {
  /** Everyone, as the list shows them, with the search index. */
  roster: Roster;
  /** What became of an earlier version's data. */
  migration: MigrationOutcome;
  /** Why the people cannot be read or written at all (a newer database), if so. */
  unavailable?: string;
  settings: Settings;
  settingsProblem?: string;
}

/** What a look over every stored record found (jobs/jobs.ts `scan`). */
export interface Scan {
  damaged: DamagedRecord[];
  conflicts: IdentityConflict[];
  /** Names of the people in `conflicts`, by id. */
  names: Record<string, string>;
  /** Handles subscribed directories' people share with yours or bundled people. */
  directoryClashes: DirectoryClash[];
  /** Tags and last-contacted days, by id (jobs/jobs.ts `NotesIndex`). */
  notes?: NotesIndex;
}

export interface OptionsApi {
  /** `onProgress`: how many records a rebuild of the list's summary has read, when one is needed. */
  load(onProgress?: (read: number) => void): Promise<Loaded>;
  /** One stored person's record, for an edit or an export. */
  person(id: string): Promise<PersonRecord | undefined>;
  /** A kept person as cards show them: merged with a linked address-book contact (docs/carddav.md#links). */
  shown?(profile: Profile): Promise<Profile>;
  add(profile: Profile): Promise<WriteResult>;
  update(profile: Profile, rev: number): Promise<WriteResult>;
  remove(id: string, rev: number): Promise<WriteResult>;
  setHidden(id: string, hidden: boolean): Promise<void>;
  startImport: StartImport;
  /** Damaged records and clashing handles, from a look over every record. */
  scan(): Promise<Scan>;
  /** Every stored person as one file in `format`; `onProgress`: records read. */
  exportAll(onProgress?: (read: number) => void, format?: ExportFormat): Promise<Blob>;
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
  download(fileName: string, content: string | Blob, type: string): void;
  /** Browser sync and team directories (issue 14), asked of the background. */
  sync?: SyncApi;
  directories?: DirectoriesApi;
  /** Address books (issue 27), asked of the background. */
  carddav?: CardDavApi;
}

const NO_SCAN: Scan = { damaged: [], conflicts: [], names: {}, directoryClashes: [] };

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
  const [scan, setScan] = useState<Scan>(NO_SCAN);
  /** Bumped when a link changes here, so the address-book section lists it. */
  const [links, setLinks] = useState(0);
  const [usage, setUsage] = useState<Usage>({});
  const [rebuilding, setRebuilding] = useState<number>();
  const [exporting, setExporting] = useState<number>();
  const [editing, setEditing] = useState<{ profile?: Profile; rev?: number } | undefined>();
  const [conflict, setConflict] = useState<PendingConflict & { rev?: number }>();
  const [busy, setBusy] = useState<string>();
  /** The latest outcomes, newest last: two that finish together are both said. */
  const [status, setStatus] = useState<{ key: number; text: string }[]>([]);
  const said = useRef(0);
  /** Says an outcome in the page's one status region ('' clears it: new work has begun). */
  const say = (text: string) => {
    if (!text) {
      setStatus([]);
      return;
    }
    said.current += 1;
    const line = { key: said.current, text };
    setStatus((lines) => [...lines.filter((old) => old.text !== text), line].slice(-3));
  };
  const [failure, setFailure] = useState<string>();
  /** Set synchronously: a double click cannot start a second write before a re-render. */
  const working = useRef(false);
  /** A scan is running, and whether another was asked for meanwhile. */
  const scanning = useRef<{ again: boolean } | undefined>(undefined);

  /** Looks over every record again (in a worker), one scan at a time. */
  const rescan = () => {
    if (scanning.current) {
      scanning.current.again = true;
      return;
    }
    scanning.current = { again: false };
    api
      .scan()
      .then(setScan, () => undefined)
      .finally(() => {
        const again = scanning.current?.again;
        scanning.current = undefined;
        if (again) rescan();
      });
  };

  const reload = () =>
    api.load(setRebuilding).then(
      (loaded) => {
        setRebuilding(undefined);
        setData(loaded);
        api.usage().then(setUsage, () => undefined);
        rescan();
        return loaded;
      },
      (error: Error) => {
        setRebuilding(undefined);
        setFailure(error.message);
        throw error;
      },
    );
  useEffect(() => {
    reload().catch(() => undefined);
    return api.onChange(() => void reload().catch(() => undefined));
  }, [api]);

  const roster = data?.roster;
  const takenIds = useMemo(() => {
    if (!editing || !roster) return new Set<string>();
    const ids = new Set(bundled.map((profile) => profile.id));
    for (let row = 0; row < roster.size; row++) ids.add(roster.id(row));
    return ids;
  }, [roster, bundled, !editing]);

  if (!data) {
    return (
      <main
        class="pc-theme pc-options"
        lang={language()}
        data-scheme={theme.scheme}
        data-contrast={theme.contrast}
      >
        <h1>{t('ext_name')}</h1>
        {failure ? (
          <p role="alert">{failure}</p>
        ) : rebuilding ? (
          <Progress label={t('options_preparing', rebuilding)} />
        ) : (
          <p>{t('loading')}</p>
        )}
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
      say(done);
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
    const others = roster ? claimantsOf(roster, entry, ownId) : [];
    const result = previewFile('form', JSON.stringify(entry), {
      existing: others,
      bundled,
      hidden: roster ? bundledOutOf(roster) : [],
    });
    if (!result.ok) return { issues: [{ path: [], message: result.error }] };
    const issues = [
      ...result.preview.rejected.flatMap((rejected) => rejected.issues),
      // An import keeps a person without an unusable field; a form never drops what was typed.
      ...(result.preview.leftOut ?? []).flatMap((left) => left.issues),
    ];
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
    // The form does not edit the user's note: an edit keeps it (issue 26).
    const profile = withMine(checked.profile, target?.profile?.mine);
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

  const damaged = scan.damaged;

  /** Opens a stored person's whole record (for an edit or an export); says so if they are gone. */
  const withPerson = async (id: string, use: (record: PersonRecord) => void) => {
    try {
      const record = await api.person(id);
      if (record) use(record);
      else setFailure(t('options_person_gone'));
      if (!record) await reload();
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  const exportAll = async (format: ExportFormat = 'json') => {
    if (exporting !== undefined) return;
    setExporting(0);
    setFailure(undefined);
    try {
      const file = await api.exportAll(setExporting, format);
      const { extension, type } = EXPORT_FILES[format];
      api.download(
        `profile-card-${new Date().toISOString().slice(0, 10)}.${extension}`,
        file,
        type,
      );
      say(tn('options_exported', data.roster.userCount));
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <main
      class="pc-theme pc-options"
      lang={language()}
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      <OptionsHeader sync={!!api.sync} directories={!!api.directories} />
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
      <StoredDataBanners
        api={api}
        migration={migration}
        damaged={damaged}
        busy={busy}
        blocked={blocked}
        run={run}
        say={say}
        reload={reload}
      />
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

      {editing && (
        <ProfileForm
          // A new link shows the person afresh, as cards now show them (never a stale draft).
          key={`${editing.profile?.id ?? 'new'}-${links}`}
          profile={editing.profile}
          takenIds={takenIds}
          check={(entry) => check(entry, editing.profile?.id)}
          onCancel={() => setEditing(undefined)}
          onSave={saveForm}
        />
      )}
      {editing?.profile && api.carddav && (
        <LinkContact
          key={editing.profile.id}
          api={api.carddav}
          person={editing.profile}
          onLinked={(sentence) => {
            const id = editing.profile?.id ?? '';
            say(sentence);
            void reload().catch(() => undefined);
            // The form is shown afresh (a new key) once it holds the person as cards now show them.
            void withPerson(
              id,
              (record) =>
                void (api.shown?.(record.profile) ?? Promise.resolve(record.profile))
                  .then(
                    (profile) => setEditing({ profile, rev: record.rev }),
                    (error: Error) => setFailure(error.message),
                  )
                  .finally(() => setLinks((at) => at + 1)),
            );
          }}
        />
      )}

      <ConflictsPanel
        conflicts={scan.conflicts}
        byId={(id) => (scan.names[id] === undefined ? undefined : { name: scan.names[id] })}
        directoryClashes={scan.directoryClashes}
        busy={!!busy}
        {...(api.carddav && {
          onLink: (dir: string, person: string, card: string) => {
            const carddav = api.carddav as CardDavApi;
            void run(`link-${person}`, async () => {
              const result = await carddav.link(dir, person, card);
              if (!result.ok) setFailure(result.error);
              else {
                const link = result.book.linked.find((each) => each.person === person);
                say(
                  t(
                    'cdav_linked',
                    link?.personName ?? person,
                    link?.cardName ?? card,
                    result.book.name,
                  ),
                );
              }
              setLinks((at) => at + 1);
              await reload();
            });
          },
        })}
      />

      <PeopleTable
        roster={data.roster}
        notes={scan.notes}
        usage={usage}
        blocked={blocked}
        busy={!!busy}
        exporting={exporting !== undefined}
        onAdd={() => setEditing({})}
        onExportAll={(format) => void exportAll(format)}
        onEdit={(id) =>
          void withPerson(
            id,
            (record) =>
              // A linked person is edited as cards show them, so a save never writes back stale fields.
              void (api.shown?.(record.profile) ?? Promise.resolve(record.profile)).then(
                (profile) => setEditing({ profile, rev: record.rev }),
                (error: Error) => setFailure(error.message),
              ),
          )
        }
        onExport={(id, kind) =>
          void withPerson(id, ({ profile }) =>
            kind === 'json'
              ? api.download(`${profile.id}.json`, exportDocument([profile]), 'application/json')
              : kind === 'vcard'
                ? api.download(
                    vcardFileName(profile),
                    toVCard(profile, { mine: true }),
                    'text/vcard;charset=utf-8',
                  )
                : api.download(
                    `${profile.id}.resume.json`,
                    `${JSON.stringify(toJsonResume(profile), null, 2)}\n`,
                    'application/json',
                  ),
          )
        }
        onDelete={(id, rev, name) =>
          void withPerson(
            id,
            (record) =>
              void run(`delete-${id}`, () => api.remove(id, rev))
                .then((result) =>
                  settle(result, t('options_deleted', name), {
                    action: 'delete',
                    mine: record.profile,
                    base: record.profile,
                  }),
                )
                .catch((error: Error) => setFailure(error.message)),
          )
        }
        onHide={(id, hide, name) =>
          void run(`hide-${id}`, async () => {
            await api.setHidden(id, hide);
            say(t(hide ? 'options_now_hidden' : 'options_now_shown', name));
            await reload();
          })
        }
      />
      {exporting !== undefined && <Progress label={t('options_exporting_progress', exporting)} />}

      <ImportPanel
        start={api.startImport}
        blocked={blocked}
        onStatus={say}
        onImported={() => void reload().catch(() => undefined)}
      />

      <SettingsPanel
        settings={data.settings}
        onChange={(field) => {
          const next = structuredClone(data.settings);
          if ('site' in field) next.sites[field.site][field.key] = field.value;
          else next.hoverDelayMs = field.value;
          setData({ ...data, settings: next });
          say('');
          api.saveSetting(field).then(
            () => say(t('options_settings_saved')),
            (error: Error) => setFailure(error.message),
          );
        }}
      />

      {api.sync && <SyncPanel api={api.sync} say={say} />}
      {api.directories && (
        <DirectoriesPanel
          api={api.directories}
          onChange={() => void reload().catch(() => undefined)}
          say={say}
        />
      )}
      {api.carddav && (
        <CardDavPanel
          api={api.carddav}
          revision={links}
          onChange={() => void reload().catch(() => undefined)}
          say={say}
        />
      )}
      {/* The page's one status region: every outcome is said here, once, in view. */}
      <div class="pc-status-line" role="status">
        {status.map((line) => (
          <p key={line.key}>{line.text}</p>
        ))}
      </div>
      <PrivacyFooter />
    </main>
  );
}

export type { Conflict };
