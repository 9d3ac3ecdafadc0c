/**
 * What every section of the options page shares (Options.tsx draws them):
 *
 *   usePage(api) ─┬─ the people snapshot  data (roster, settings, migration), scan, usage
 *                 │                       (its first rows first, then the whole; scan and
 *                 │                       usage once the whole is painted, the scan while
 *                 │                       the user's input is quiet too: ./start-up.ts)
 *                 ├─ the change feed      api.onChange → reload → rescan (one at a time)
 *                 ├─ the job runner       run / hold: one write at a time, busy, failure
 *                 └─ the status region    say: the latest outcomes, newest last
 *
 * A section reads the snapshot and reports through `say` and `fail`; after a
 * write of its own it calls `reload` (another tab's writes arrive on the feed).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import type { Loaded, OptionsApi, Scan } from './options-api';
import { NO_SCAN } from './options-api';
import type { Usage } from './PeopleTable';
import { afterNextPaint, startMark, whenInputQuiet } from './start-up';

export interface Page {
  api: OptionsApi;
  /** The people snapshot, once loaded. */
  data: Loaded | undefined;
  /** Damaged records, clashing handles and notes, from the last look over every record. */
  scan: Scan;
  usage: Usage;
  /** Records read by a rebuild of the list's summary, while one runs. */
  rebuilding: number | undefined;
  /** Why writes are paused, if they are. */
  blocked: string | undefined;
  /** Reads the people again (and scans them again in a worker). */
  reload: () => Promise<Loaded>;
  /** The write running now, if any (its buttons wait). */
  busy: string | undefined;
  /** The page's one problem, shown as an alert. */
  failure: string | undefined;
  fail: (message: string | undefined) => void;
  /** Runs one write with the busy state on; a second click meanwhile does nothing; a throw becomes the failure. */
  run: <T>(what: string, work: () => Promise<T>) => Promise<T | undefined>;
  /** As `run`, but a throw goes to the caller (a form shows it in its own words). */
  hold: <T>(what: string, work: () => Promise<T>) => Promise<T | undefined>;
  /** The latest outcomes, newest last: two that finish together are both said. */
  status: { key: number; text: string }[];
  /** Says an outcome in the page's one status region ('' clears it: new work has begun). */
  say: (text: string) => void;
}

export function usePage(api: OptionsApi): Page {
  const [data, setData] = useState<Loaded>();
  const [scan, setScan] = useState<Scan>(NO_SCAN);
  const [usage, setUsage] = useState<Usage>({});
  const [rebuilding, setRebuilding] = useState<number>();
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [status, setStatus] = useState<{ key: number; text: string }[]>([]);
  const said = useRef(0);
  const say = (text: string) => {
    if (!text) {
      setStatus([]);
      return;
    }
    said.current += 1;
    const line = { key: said.current, text };
    setStatus((lines) => [...lines.filter((old) => old.text !== text), line].slice(-3));
  };
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
    // Once the user's input is quiet; typing, clicking or scrolling meanwhile
    // stops the worker, and it starts again once quiet (./start-up.ts).
    whenInputQuiet((signal) => {
      startMark('scan');
      return api.scan(signal);
    })
      .then(setScan, () => undefined)
      .finally(() => {
        const again = scanning.current?.again;
        scanning.current = undefined;
        if (again) rescan();
      });
  };

  /** A whole reading has been shown: a later one never shows its first rows alone. */
  const whole = useRef(false);
  const reload = () =>
    api
      .load(setRebuilding, (first) => {
        // The first rows are drawn while the rest is read; the scan waits for the whole.
        if (!whole.current) setData(first);
      })
      .then(
        (loaded) => {
          whole.current = true;
          setRebuilding(undefined);
          setData(loaded);
          // The rows are drawn first: the scan (a worker reading every record) and the
          // estimate start once that frame is on screen (./start-up.ts, issue 28).
          afterNextPaint(() => {
            api.usage().then(setUsage, () => undefined);
            rescan();
          });
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

  const run = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
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
  const hold = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
    if (working.current) return undefined;
    working.current = true;
    setBusy(what);
    setFailure(undefined);
    try {
      return await work();
    } finally {
      working.current = false;
      setBusy(undefined);
    }
  };

  const migration = data?.migration;
  const blocked =
    data?.unavailable ??
    (migration?.kind === 'future'
      ? migration.message
      : migration?.kind === 'damaged'
        ? t('options_paused_damaged')
        : migration?.kind === 'failed'
          ? t('options_paused', migration.message)
          : undefined);

  return {
    api,
    data,
    scan,
    usage,
    rebuilding,
    blocked,
    reload,
    busy,
    failure,
    fail: setFailure,
    run,
    hold,
    status,
    say,
  };
}
