/**
 * The scale issue's figures for `npm run bench` (issue 12), measured inside
 * the extension's own pages: how soon the popup's list and the options
 * page's first rows are painted (Element Timing on the first row's name,
 * from the page's start), how long a keystroke in either search box takes
 * to results laid out, what scrolling the options list end to end costs
 * (long tasks, the longest frame), and an import's cancel at 100,000.
 *
 * A keystroke is timed from the key's event timestamp to a task queued by
 * the `input` event, after Preact's render (a microtask) and a forced
 * layout: the page's whole work for the key. When the frame then shows it
 * depends on where in the 16.7 ms frame the key fell, which the page cannot
 * change; `keyFrames` counts the frames too (1 = the next frame).
 */
import type { Page } from 'playwright-core';
import { openToolbarPopup, type Session } from '../tests/browser/harness';
import { retried } from './patience';
import { percentile } from './stats';

/**
 * Resolves to the paint time (ms from the page's start) of the element
 * marked `elementtiming=name`; rejects if it is not painted within 20 s.
 */
export const elementPaint = (name: string) => `new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('no paint of ' + ${JSON.stringify(name)} + ' within 20 s')), 20000);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find((e) => e.identifier === ${JSON.stringify(name)});
    if (entry) { observer.disconnect(); resolve(entry.renderTime || entry.loadTime); }
  }).observe({ type: 'element', buffered: true });
})`;

const started = performance.now();
/** Says on stderr which part of the benchmark is running, so a slow or stuck one is known. */
export function step(label: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${label}\n`);
}

/** ms from navigation to the options page's first rows painted. */
export async function optionsFirstRowsMs(session: Session, page: Page): Promise<number> {
  // Unrouted (tests/browser/harness.ts): the page's own files not held by Playwright.
  return session.unrouted(async () => {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    return (await page.evaluate(elementPaint('people-table'))) as number;
  });
}

export interface KeyTime {
  /** Key event to results rendered and laid out. */
  ms: number;
  /** Frames from the key to the first frame after that (1 = the next). */
  frames: number;
}

/** Types `keys` into the focused search box one at a time; each key's time. */
export async function keystrokeTimes(page: Page, keys: string[]): Promise<KeyTime[]> {
  await page.evaluate(() => {
    const bench = { times: [] as { ms: number; frames: number }[], start: 0 };
    (window as never as { __keys: typeof bench }).__keys = bench;
    document.addEventListener('keydown', (event) => (bench.start = event.timeStamp), true);
    document.addEventListener(
      'input',
      () => {
        const start = bench.start;
        setTimeout(() => {
          void document.body.offsetHeight;
          const ms = performance.now() - start;
          // The frame that can first show it, counted from the key (60 Hz).
          requestAnimationFrame((frame) =>
            bench.times.push({ ms, frames: Math.max(1, Math.ceil((frame - start) / (1000 / 60))) }),
          );
        }, 0);
      },
      true,
    );
  });
  for (const [index, key] of keys.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction(
      (n) => (window as never as { __keys: { times: unknown[] } }).__keys.times.length > n,
      index,
    );
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => (window as never as { __keys: { times: KeyTime[] } }).__keys.times);
}

/** What typing a name and taking it back again presses. */
export const TYPED = [
  ...'ada lovelace 9'.split('').map((c) => (c === ' ' ? 'Space' : c)),
  ...Array(7).fill('Backspace'),
];

export interface ScrollCost {
  longTasks: number;
  longestTaskMs: number;
  longestFrameMs: number;
  /** The last row's text once at the bottom: the whole list was reached. */
  last: string;
}

/**
 * Scrolls the options list from top to bottom in `steps` frames (as dragging
 * the scroll bar does: every frame a new set of rows), counting long tasks.
 */
export async function scrollWholeList(page: Page, steps: number): Promise<ScrollCost> {
  return page.evaluate(async (steps) => {
    const box = document.querySelector('.pc-people-scroll') as HTMLElement;
    box.scrollTop = 0;
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    let longestFrame = 0;
    await new Promise<void>((resolve) => {
      let previous = performance.now();
      const step = Math.max(box.clientHeight, (box.scrollHeight - box.clientHeight) / steps);
      const frame = (now: number) => {
        longestFrame = Math.max(longestFrame, now - previous);
        previous = now;
        if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return resolve();
        box.scrollTop += step;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    const rows = [...document.querySelectorAll('.pc-person-row')] as HTMLElement[];
    const bottom = rows.sort((a, b) => a.offsetTop - b.offsetTop).at(-1);
    return {
      longTasks: long.length,
      longestTaskMs: Math.max(0, ...long),
      longestFrameMs: longestFrame,
      last: bottom?.querySelector('.pc-person-name')?.textContent ?? '',
    };
  }, steps);
}

/** How many people the store holds, counted from an extension page. */
export function storedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('profile-card');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('people').objectStore('people').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/**
 * Previews `file` on the options page, confirms, and cancels once people
 * are being written; ms from the Cancel click to "Import cancelled". Throws
 * unless the store then holds exactly what it held before.
 */
export async function cancelledImportMs(session: Session, page: Page, file: Buffer) {
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'People' }).waitFor();
  const before = await storedCount(page);
  await page.setInputFiles('input[type="file"]', {
    name: 'directory.json',
    mimeType: 'application/json',
    buffer: file,
  });
  await page.getByRole('button', { name: /^Import \d/ }).click({ timeout: 300_000 });
  await page
    .getByRole('progressbar', { name: /^Writing [1-9][\d,]* of/ })
    .waitFor({ timeout: 300_000 });
  const clicked = await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Cancel import',
    );
    button?.click();
    return performance.now();
  });
  await page
    .getByRole('status')
    .getByText('Import cancelled; nothing was changed.')
    .waitFor({ timeout: 60_000 });
  const done = await page.evaluate(() => performance.now());
  const after = await storedCount(page);
  if (after !== before)
    throw new Error(`a cancelled import changed the store: ${before} → ${after}`);
  return done - clicked;
}

/**
 * A promise, evaluated in a page, of the moment (performance.now()) the
 * first element `selector` names has text: checked once a frame.
 */
const textShown = (selector: string) => `new Promise((resolve) => {
  const look = () => {
    const element = document.querySelector(${JSON.stringify(selector)});
    if (element && element.textContent) resolve(performance.now());
    else requestAnimationFrame(look);
  };
  look();
})`;

/**
 * The options list read whole (its first rows are drawn before the rest is
 * read): its summary line is said once the whole is.
 */
export const OPTIONS_WHOLE = textShown('section[aria-labelledby="pc-people-title"] > p.pc-muted');

/** The popup's list read whole: its count is said once the whole is. */
export const LIST_WHOLE = textShown('.pc-people .pc-popup-note');

/**
 * Opens the toolbar popup over `url`; ms from the popup's start to the paint
 * of `element` (its Element Timing name: the card, or the list's first row)
 * and to its first paint of anything. `opener`: an extension page that opens
 * the popup instead of the service worker, which then stays as it was
 * (stopped, for the cold figures).
 */
export async function popupOpenMs(
  session: Session,
  url: string,
  {
    element = 'profile-card',
    opener,
    beforeOpen,
    routed = false,
  }: {
    element?: string;
    opener?: Page;
    beforeOpen?: () => Promise<void>;
    routed?: boolean;
  } = {},
) {
  const page = await session.context.newPage();
  await page.goto(url);
  if (beforeOpen) {
    // The badge is set on load (tabs.onUpdated wakes the service worker); let it settle.
    await page.waitForTimeout(300);
    await beforeOpen();
  }
  try {
    // Unrouted (tests/browser/harness.ts): the popup's own files not held by Playwright.
    // Not when the worker was stopped first: a popup opened then, with no route,
    // took 20 s to minutes to come (seen 2026-12-07), so the cold and warm cards
    // (`routed`, bench/measure.ts part 9) are both measured with the route kept.
    // A popup that never comes fails the step (retried by the caller) instead of the run.
    const inTime = () =>
      Promise.race([
        measured(page),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the popup did not paint within 30 s')), 30_000),
        ),
      ]);
    return await (routed ? inTime() : session.unrouted(inTime));
  } finally {
    await page.close();
  }
  async function measured(page: Page) {
    const popup = await openToolbarPopup(session, page, { opener });
    try {
      const card = await popup.evaluate<number>(elementPaint(element));
      const firstPaint = await popup.evaluate<number>(
        `(performance.getEntriesByName('first-paint')[0] || { startTime: NaN }).startTime`,
      );
      // The list read whole: its count said (the first rows may be drawn before).
      const whole =
        element === 'people-list' ? await popup.evaluate<number>(LIST_WHOLE) : undefined;
      return { card, firstPaint, whole };
    } finally {
      await popup.close();
    }
  }
}

const p95 = (times: KeyTime[]) => ({
  ms: percentile(
    times.map((time) => time.ms),
    95,
  ),
  frames: percentile(
    times.map((time) => time.frames),
    95,
  ),
});

/**
 * One run of the lists at scale with `session`'s people (`label`: 3, 10k,
 * 100k): the popup's list opened over a page that is nobody's (from `opener`),
 * keystrokes in its search, the options page's first rows and keystrokes,
 * and (beyond 3 people) scrolling the whole options list; each figure
 * handed to `push`.
 */
export async function listsOnce(
  session: Session,
  label: string,
  push: (name: string, value: number) => void,
  opener?: Page,
): Promise<void> {
  // Each part in its own page, tried again from a fresh one if the load alone failed it.
  const inPage = async <T>(what: string, work: (page: Page) => Promise<T>) =>
    retried(`${what}, ${label} people`, async () => {
      const page = await session.context.newPage();
      try {
        return await work(page);
      } finally {
        await page.close();
      }
    });
  // BENCH_LISTS (bench/lists-only.ts): one part alone, run more often: popup-open, or
  // options-keys (the options page's first rows and keystrokes).
  const only = process.env.BENCH_LISTS;
  if (only !== 'options-keys') await popupParts();
  if (only === 'popup-open') return;
  async function popupParts() {
    const opened = await retried(`popup list, ${label} people`, () =>
      popupOpenMs(session, 'https://github.com/tikv', {
        element: 'people-list',
        opener,
      }),
    );
    push(`popup_list_open_${label}_ms`, opened.card);
    if (opened.whole !== undefined && process.env.BENCH_ONLY === 'lists')
      push(`popup_list_whole_${label}_ms`, opened.whole);
    if (only === 'popup-open') return;
    const popupKeys = await inPage('popup keystrokes', async (popup) => {
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.locator('[elementtiming="people-list"]').waitFor();
      // Typed into the list read whole (its first rows are drawn before the rest is read).
      await popup.evaluate(LIST_WHOLE);
      await popup.getByRole('searchbox').focus();
      return p95(await keystrokeTimes(popup, TYPED));
    });
    push(`popup_keystroke_p95_${label}_ms`, popupKeys.ms);
    push(`popup_keystroke_frames_p95_${label}`, popupKeys.frames);
  }
  const optionsFigures = await inPage('options rows and keystrokes', async (options) => {
    const firstRows = await optionsFirstRowsMs(session, options);
    await options.evaluate(OPTIONS_WHOLE);
    await options.getByRole('searchbox', { name: 'Search people' }).focus();
    return { firstRows, keys: p95(await keystrokeTimes(options, TYPED)) };
  });
  push(`options_first_rows_${label}_ms`, optionsFigures.firstRows);
  push(`options_keystroke_p95_${label}_ms`, optionsFigures.keys.ms);
  push(`options_keystroke_frames_p95_${label}`, optionsFigures.keys.frames);
  if (label !== '3' && only !== 'options-keys') {
    const scrolled = await inPage('options scroll', async (options) => {
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.locator('[elementtiming="people-table"]').waitFor();
      await options.evaluate(OPTIONS_WHOLE);
      const cost = await scrollWholeList(options, 200);
      if (!cost.last.includes('Tyler Neely'))
        throw new Error(`scrolling ended at ${cost.last}, not the last person`);
      return cost;
    });
    push(`options_scroll_long_tasks_${label}`, scrolled.longTasks);
    push(`options_scroll_longest_task_${label}_ms`, scrolled.longestTaskMs);
    push(`options_scroll_longest_frame_${label}_ms`, scrolled.longestFrameMs);
  }
}
