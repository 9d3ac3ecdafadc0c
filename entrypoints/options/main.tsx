/**
 * Options page entry: wires the Options component to the people store
 * (store/store.ts: one transaction per change, each with its
 * precondition; the list's summary, store/people-rows.ts, read as this
 * script runs, alongside the migration check: components/options/start-up.ts), the worker
 * that does the work on everyone (./jobs-worker.ts: imports, the full
 * export, the scan for damaged records), the migration of an earlier
 * version's data, and the settings (one storage key each). Other tabs'
 * changes arrive through storage events: the people store's change feed and
 * the settings keys. The worker has no extension APIs, so what it writes is
 * announced on the change feed from here — and by the background when this
 * page is closed as an import commits (../background/import-watch.ts).
 * Browser sync and directories are the background's: asked by message,
 * except the directory's host permission, asked here from the click.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/card/card.css';
import '../../components/card/notes.css';
import '../../components/options/options.css';
import { checkServer } from '../../carddav/url';
import { downloadText } from '../../components/card/copy';
import type { ImportJob } from '../../components/options/ImportPanel';
import { Options, type OptionsApi } from '../../components/options/Options';
import { afterNextPaint, loadingEarly, startMark } from '../../components/options/start-up';
import { pageTheme, readMediaPreferences } from '../../components/parts/page-theme';
import { checkDirectoryUrl } from '../../directories/url';
import { language, locale, t } from '../../i18n/t';
import type { JobEvent, JobRequest } from '../../jobs/jobs';
import { buildRoster, bundledRoster } from '../../jobs/roster';
import { send } from '../../messaging/ask';
import { bundledProfiles } from '../../people/bundled';
import { readSettings, saveSetting } from '../../settings/items';
import { announcePeopleChange, PEOPLE_VERSION_KEY } from '../../store/change-feed';
import { NewerDatabaseError, openPeopleDb, recordProblem } from '../../store/db';
import { discardLegacy, ensureMigrated, isBlocking } from '../../store/migrate';
import { readFirstRows, readRows } from '../../store/people-rows';
import {
  addPerson,
  deletePerson,
  removeDamaged,
  setHidden,
  shownAs,
  updatePerson,
} from '../../store/store';
import { SYNC_STATUS_KEY } from '../../sync/engine';
import { IMPORT_WRITE_LOCK } from '../background/import-watch';

startMark('script');

/** Change-feed tokens this page wrote: their events are our own writes coming back. */
const own = new Set<unknown>();
/**
 * A saved person also goes to the address books with write-back on
 * (carddav/write.ts), in the background; a conflict is shown in the
 * address-book section when the page next lists the books.
 */
function writeBack<T extends { ok: boolean }>(result: T, id: string): T {
  if (result.ok) void send({ type: 'carddav-write', id }).catch(() => undefined);
  return result;
}

const remember = <T extends object>(result: T): T => {
  if ('token' in result) own.add(result.token);
  return result;
};

/** A worker for one job (jobs/jobs.ts); `on` hears its events. */
function jobWorker(on: (event: JobEvent) => void): Worker {
  // Its name is the language to write in: a worker has no browser.i18n (./jobs-worker.ts).
  const worker = new Worker(new URL('./jobs-worker.ts', import.meta.url), {
    type: 'module',
    name: locale(),
  });
  worker.onmessage = (event: MessageEvent<JobEvent>) => on(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    on({
      type: 'error',
      message: t('options_worker_failed', event.message || t('options_worker_error')),
    });
  };
  return worker;
}

/**
 * Runs a job that answers once (`pick`), reporting progress; the worker ends
 * with it, or when `signal` aborts (the job rejected with its reason).
 */
function oneShot<T>(
  request: JobRequest,
  pick: (event: JobEvent) => T | undefined,
  onProgress?: (done: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = new AbortController();
    const worker = jobWorker((event) => {
      // Stopped (answered, failed or aborted): nothing more is heard.
      if (stop.signal.aborted) return;
      if (event.type === 'progress') return onProgress?.(event.done);
      if (event.type === 'error') {
        stop.abort();
        worker.terminate();
        return reject(new Error(event.message));
      }
      const value = pick(event);
      if (value === undefined) return;
      stop.abort();
      worker.terminate();
      resolve(value);
    });
    signal?.addEventListener(
      'abort',
      () => {
        stop.abort();
        worker.terminate();
        reject(signal.reason);
      },
      { signal: stop.signal },
    );
    worker.postMessage(request);
  });
}

/** An import: previewed, then written or dropped, in a worker of its own. */
function startImport(
  name: string,
  input: Uint8Array | string,
  on: (event: JobEvent) => void,
): ImportJob {
  /**
   * preview: shown, or being made; asked: commit asked for, not yet sent (the
   * store's readiness is checked first); locking: taking IMPORT_WRITE_LOCK and
   * telling the background; writing: sent to the worker.
   */
  let state: 'preview' | 'asked' | 'locking' | 'writing' | 'ended' = 'preview';
  /** Lets go of IMPORT_WRITE_LOCK, held while the worker writes (and until announced). */
  let unlock: () => void = () => undefined;
  const end = () => {
    state = 'ended';
    worker.terminate();
  };
  const worker = jobWorker((event) => {
    if (state === 'ended') return;
    if (event.type === 'committed') {
      end();
      // Written by the worker, announced from here (it has no storage API).
      void announcePeopleChange()
        .then(
          (token) => own.add(token),
          () => undefined,
        )
        .finally(unlock);
    } else if (event.type === 'cancelled') {
      end();
      unlock();
    } else if (event.type === 'again' || (event.type === 'error' && state === 'writing')) {
      state = 'preview';
      unlock();
    }
    on(event);
  });
  /**
   * Takes the lock, then tells the background what the store and the feed
   * are now, so it announces the write if this page is gone before it can.
   */
  const watched = async () => {
    const held = new Promise<void>((granted) => {
      void navigator.locks.request(IMPORT_WRITE_LOCK, () => {
        granted();
        return new Promise<void>((release) => {
          unlock = release;
        });
      });
    });
    await held;
    const [basis, token] = await Promise.all([
      openPeopleDb().then((db) => db.get('meta', 'rev')),
      browser.storage.local.get(PEOPLE_VERSION_KEY),
    ]);
    void send({
      type: 'import-watch',
      basis: basis ?? 0,
      token: (token[PEOPLE_VERSION_KEY] as string | undefined) ?? null,
    }).catch(() => undefined);
  };
  worker.postMessage(
    { type: 'preview', name, input } satisfies JobRequest,
    typeof input === 'string' ? [] : [input.buffer],
  );
  return {
    commit() {
      if (state !== 'preview') return;
      state = 'asked';
      // The store refuses writes while an earlier version's data waits for the user.
      ensureMigrated().then(
        (outcome) => {
          if (state !== 'asked') return;
          if (isBlocking(outcome)) {
            state = 'preview';
            on({ type: 'error', message: outcome.message });
            return;
          }
          state = 'locking';
          // Without the background's watch the page still announces: never held up by it.
          void watched()
            .catch(() => undefined)
            .then(() => {
              if (state !== 'locking') return unlock();
              state = 'writing';
              worker.postMessage({ type: 'commit' } satisfies JobRequest);
            });
        },
        (error: Error) => {
          if (state !== 'asked') return;
          state = 'preview';
          on({ type: 'error', message: error.message });
        },
      );
    },
    cancel() {
      if (state === 'writing') {
        // The worker aborts the write unless it has committed, and says which.
        worker.postMessage({ type: 'cancel' } satisfies JobRequest);
      } else if (state === 'asked' || state === 'locking') {
        // Nothing was sent to be written.
        end();
        unlock();
        on({ type: 'cancelled' });
      } else if (state === 'preview') end();
    },
  };
}

/**
 * The last scan's verdict on every record and the store version it read,
 * handed to an export: at that same version it need not check each record
 * again (store/read-slices.ts; issue 28).
 */
let checked: Extract<JobRequest, { type: 'export' }>['checked'];

const api: OptionsApi = {
  // The store is opened and the rows read while the migration check and the settings
  // are asked; read again if the check moved (or may have moved) anything in.
  // With many people the first rows (the summary's head) are handed to `first` and
  // drawn, and the whole is read once they are on screen (issue 28).
  load: loadingEarly(async (onProgress, first) => {
    const read = openPeopleDb().then((db) => readFirstRows(db, onProgress));
    read.catch(() => undefined);
    const [migration, settings] = await Promise.all([
      ensureMigrated().catch((error: Error) => ({
        kind: 'failed' as const,
        message: error.message,
      })),
      readSettings(),
    ]);
    startMark('asked');
    const base = { migration, settings: settings.value, settingsProblem: settings.problem };
    try {
      if (migration.kind === 'none') {
        const start = await read;
        startMark('rows');
        if (start.complete)
          return { ...base, roster: buildRoster(start.rows, bundledProfiles, 'all') };
        if (first) {
          first({ ...base, roster: buildRoster(start.rows, bundledProfiles, 'all', false) });
          await new Promise<void>((resolve) => afterNextPaint(resolve));
        }
      }
      const rows = await readRows(await openPeopleDb(), onProgress);
      startMark('rows');
      return { ...base, roster: buildRoster(rows, bundledProfiles, 'all') };
    } catch (error) {
      if (!(error instanceof NewerDatabaseError)) throw error;
      return {
        ...base,
        roster: bundledRoster(bundledProfiles, 'all'),
        unavailable: error.message,
      };
    }
  }),
  async person(id) {
    const record = await (await openPeopleDb()).get('people', id);
    return record && !recordProblem(record) ? record : undefined;
  },
  shown: (profile) => shownAs(profile),
  add: async (profile) => writeBack(remember(await addPerson(profile)), profile.id),
  update: async (profile, rev) => writeBack(remember(await updatePerson(profile, rev)), profile.id),
  remove: async (id, rev) => remember(await deletePerson(id, rev)),
  setHidden: async (id, hidden) => void own.add(await setHidden(id, hidden)),
  startImport,
  scan: (signal) =>
    oneShot(
      { type: 'scan' },
      (event) => {
        if (event.type !== 'scanned') return undefined;
        checked = {
          rev: event.rev,
          damaged: event.damaged.map(({ id, problem }) => ({ id, problem })),
        };
        return {
          damaged: event.damaged,
          conflicts: event.conflicts,
          names: event.names,
          directoryClashes: event.directoryClashes,
          notes: event.notes,
        };
      },
      undefined,
      signal,
    ),
  exportAll: (onProgress, format) =>
    oneShot(
      { type: 'export', format, checked },
      (event) => (event.type === 'exported' ? { file: event.file, count: event.count } : undefined),
      onProgress,
    ),
  removeDamaged: async (ids) => void own.add(await removeDamaged(ids)),
  moveReadable: () => ensureMigrated({ skipDamaged: true }),
  discardLegacy,
  saveSetting,
  async usage() {
    const estimate = await navigator.storage?.estimate?.();
    return { bytes: estimate?.usage, quota: estimate?.quota };
  },
  onChange(callback) {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const keys = Object.keys(changes);
      const people = changes[PEOPLE_VERSION_KEY];
      if (people && own.has(people.newValue) && keys.length === 1) return;
      callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  download: (fileName, text, type) => void downloadText(fileName, text, type),
  sync: {
    act: (action) => send({ type: 'sync', action }),
    resolve: (id, stamp, action) => send({ type: 'sync-resolve', id, stamp, action }),
    onStatus(callback) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && SYNC_STATUS_KEY in changes) callback();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  },
  directories: {
    list: () => send({ type: 'directories' }),
    subscribe(url, name) {
      const checked = checkDirectoryUrl(url);
      if (!checked.ok) return Promise.resolve(checked);
      // Asked now, in the user's click (Firefox allows it nowhere else), for that one host.
      const asked = checked.alwaysGranted
        ? Promise.resolve(true)
        : browser.permissions.request({ origins: [checked.pattern] });
      return asked.then((granted) =>
        granted
          ? send({ type: 'directory-subscribe', url: checked.url, name })
          : {
              ok: false as const,
              error: t('dir_not_allowed', checked.origin),
            },
      );
    },
    refresh: (id) => send({ type: 'directory-refresh', id }),
    unsubscribe: (id) => send({ type: 'directory-unsubscribe', id }),
  },
  carddav: {
    list: () => send({ type: 'carddav-books' }),
    find(server, user, password) {
      const checked = checkServer(server);
      if (!checked.ok) return Promise.resolve(checked);
      // Asked now, in the user's click (Firefox allows it nowhere else), for that one host.
      return browser.permissions
        .request({ origins: [checked.pattern] })
        .then((granted) =>
          granted
            ? send({ type: 'carddav-find', server: checked.url, user, password })
            : { ok: false as const, error: t('cdav_not_allowed', checked.origin) },
        );
    },
    add: (server, user, password, books) =>
      send({ type: 'carddav-add', server, user, password, books }),
    refresh: (id) => send({ type: 'carddav-refresh', id }),
    setWriteBack: (id, on) => send({ type: 'carddav-write-back', id, on }),
    disconnect: (id) => send({ type: 'carddav-disconnect', id }),
    link: (id, person, card) => send({ type: 'carddav-link', id, person, card }),
    contacts: (query) => send({ type: 'carddav-contacts', query }),
  },
};

// The page speaks the language of its messages (screen readers, hyphenation, text-transform).
document.documentElement.lang = language();
document.title = t('options_page_title');
const app = document.getElementById('app');
const draw = () => {
  if (app) {
    render(
      <Options
        api={api}
        bundled={bundledProfiles}
        theme={pageTheme(null, readMediaPreferences(window))}
      />,
      app,
    );
  }
};
for (const query of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)']) {
  window.matchMedia(query).addEventListener('change', draw);
}
draw();
