/**
 * The people store's figures for `npm run bench` (issue 11 and the scale
 * issue's targets): an import through the options page (preview + write),
 * the first lookup after the service worker was stopped (CDP
 * `ServiceWorker.stopAllWorkers`, as Chrome does after ~30 s idle) beside
 * the warm one, and the background's JS heap after that cold lookup — at
 * 3, 10,000 and 100,000 stored people, measured in the same run.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type Session, workerTargets } from '../tests/browser/harness';
import { retried, waitFor } from './patience';
import { OPTIONS_WHOLE } from './scale-figures';

/** Empties the people store (and the rest of the extension's storage) from an extension page. */
export async function clearStore(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await chrome.storage.local.clear();
    await new Promise<void>((resolve, reject) => {
      // Open connections close themselves on versionchange (store/db.ts).
      const request = indexedDB.deleteDatabase('profile-card');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  });
}

/**
 * `importThroughOptions` into an emptied store, tried once more (after
 * reopening the options page) where a step failed for load alone.
 */
export const importFresh = (session: Session, page: Page, file: Buffer, label: string) =>
  retried(
    label,
    async () => {
      await clearStore(page);
      return importThroughOptions(session, page, file);
    },
    {
      before: async () => {
        await page.goto(`chrome-extension://${session.extensionId}/options.html`);
      },
    },
  );

/** Imports an export document through the options page; ms to the preview and to the write. */
export async function importThroughOptions(session: Session, page: Page, file: Buffer) {
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'People' }).waitFor();
  await page.evaluate(() => {
    const marks: Record<string, number> = { progressSteps: 0 };
    (window as never as { __import: typeof marks }).__import = marks;
    // Every long task of the page, kept by when it started: entries arrive after
    // their task, so the task that makes the file and fires `change` (Playwright's
    // own, in the page) would otherwise be counted as the preview's.
    const long: { start: number; duration: number }[] = [];
    (window as never as { __long: typeof long }).__long = long;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        long.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    let label = '';
    document
      .querySelector('input[type="file"]')
      ?.addEventListener('change', () => (marks.chosen = performance.now()), true);
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest?.('.pc-preview .pc-primary'))
          marks.confirmed = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      // Each new label on the progress bar while the preview is made: the user saw it move.
      const bar = document.querySelector('[role="progressbar"]')?.getAttribute('aria-label') ?? '';
      if (bar && bar !== label && !marks.previewed) {
        label = bar;
        marks.progressSteps = (marks.progressSteps ?? 0) + 1;
      }
      if (!marks.previewed && document.getElementById('pc-preview-title'))
        marks.previewed = performance.now();
      if (marks.confirmed && !marks.saved && document.body.textContent?.includes('Imported:'))
        marks.saved = performance.now();
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  // Choosing a 44 MB file alone took over Playwright's default 30 s here.
  const timeout = waitFor(file.length);
  await page.setInputFiles(
    'input[type="file"]',
    { name: 'directory.json', mimeType: 'application/json', buffer: file },
    { timeout },
  );
  await page.getByRole('button', { name: /^Import \d/ }).click({ timeout });
  await page
    .getByText(/^Imported: /)
    .first()
    .waitFor({ timeout });
  const { marks, long } = await page.evaluate(() => ({
    marks: (window as never as { __import: Record<string, number> }).__import,
    long: (window as never as { __long: { start: number; duration: number }[] }).__long,
  }));
  // Long tasks of the page from the file's choice to the preview shown (issue 12: none over 50 ms).
  const during = long.filter(
    (task) => task.start >= (marks.chosen ?? 0) && task.start < (marks.previewed ?? 0),
  );
  return {
    preview: (marks.previewed ?? 0) - (marks.chosen ?? 0),
    write: (marks.saved ?? 0) - (marks.confirmed ?? 0),
    longTasks: during.length,
    longestTask: Math.max(0, ...during.map((task) => task.duration)),
    progressSteps: marks.progressSteps ?? 0,
  };
}

/** ms for one lookup message from an extension page to its answer. */
export async function lookupMs(page: Page, key: string): Promise<number> {
  return page.evaluate(async (key) => {
    const start = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'lookup', key });
    if (!answer) throw new Error(`nobody at ${key}`);
    return performance.now() - start;
  }, key);
}

/** The service worker's used JS heap after a full garbage collection, through CDP. */
export async function workerHeapBytes(cdp: CDPSession, extensionId: string): Promise<number> {
  const [target] = await workerTargets(cdp, extensionId);
  if (!target) throw new Error('no service worker running');
  const { sessionId } = (await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  let nextId = 1;
  const call = <T>(method: string): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: T; error?: unknown };
        if (event.sessionId !== sessionId || message.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (message.error) reject(new Error(JSON.stringify(message.error)));
        else resolve(message.result as T);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
    });
    void cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params: {} }),
    });
    return reply;
  };
  try {
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call<{ usedSize: number }>('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

/**
 * Exports everyone through the options page's "Export all (JSON)": ms from
 * the click to the file handed to the browser (the download link's click),
 * the page's long tasks meanwhile, and the file's bytes. Waits first for
 * the page's job workers to end and the page to be quiet (no long task for
 * a second) so that its own start (reading every row, scanning every
 * record) is not counted as the export's.
 */
export async function exportThroughOptions(session: Session, page: Page, people: number) {
  // The page's own start includes a scan of every record in a worker
  // (jobs/jobs.ts `scan`), which no long task of the page shows: at 100,000
  // people it ran for seconds beside the export on 2 cores. Its job workers
  // are counted, and the export waits until none is left.
  await page.addInitScript(() => {
    const own = window as never as { __jobWorkers?: number };
    if (own.__jobWorkers !== undefined) return;
    own.__jobWorkers = 0;
    const Original = Worker;
    const terminate = Original.prototype.terminate;
    (window as never as { Worker: typeof Worker }).Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        own.__jobWorkers = (own.__jobWorkers ?? 0) + 1;
      }
      override terminate() {
        own.__jobWorkers = (own.__jobWorkers ?? 1) - 1;
        terminate.call(this);
      }
    };
  });
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('[elementtiming="people-table"]').waitFor();
  // Its first rows are drawn before the rest is read: the list read whole first.
  await page.evaluate(OPTIONS_WHOLE);
  // The scan starts (its worker made in the same task as this mark) once the
  // whole list is on screen: waiting for no job worker before it has begun
  // clicked Export beside it.
  await page.waitForFunction(
    () => performance.getEntriesByName('pc-options:scan').length > 0,
    undefined,
    { timeout: waitFor(0), polling: 50 },
  );
  await page.waitForFunction(
    () => (window as never as { __jobWorkers?: number }).__jobWorkers === 0,
    undefined,
    { timeout: waitFor(people * 450), polling: 100 },
  );
  await page.evaluate(async () => {
    const marks = { clicked: 0, handed: 0, bytes: 0, long: [] as { start: number; ms: number }[] };
    (window as never as { __export: typeof marks }).__export = marks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        marks.long.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) marks.bytes = object.size;
      return createObjectURL(object);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) marks.handed = performance.now();
      return click.call(this);
    };
    document.addEventListener(
      'click',
      (event) => {
        if ((event.target as Element).closest?.('button')?.textContent === 'Export all (JSON)')
          marks.clicked = performance.now();
      },
      true,
    );
    // Quiet: a second with no long task (at most 30 s of waiting).
    const since = performance.now();
    while (performance.now() - since < 30_000) {
      const last = marks.long.at(-1);
      if (!last || performance.now() - (last.start + last.ms) > 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  const timeout = waitFor(people * 450);
  await page.getByRole('button', { name: 'Export all (JSON)' }).click();
  await page
    .getByRole('status')
    .getByText(/^Exported [\d,]+ (person|people)\./)
    .waitFor({ timeout });
  const marks = await page.evaluate(
    () =>
      (
        window as never as {
          __export: {
            clicked: number;
            handed: number;
            bytes: number;
            long: { start: number; ms: number }[];
          };
        }
      ).__export,
  );
  if (!marks.handed || marks.bytes === 0)
    throw new Error('the export handed no file to the browser');
  const during = marks.long.filter(
    (task) => task.start >= marks.clicked && task.start < marks.handed,
  );
  return {
    ms: marks.handed - marks.clicked,
    bytes: marks.bytes,
    longTasks: during.length,
    longestTask: Math.max(0, ...during.map((task) => task.ms)),
  };
}
