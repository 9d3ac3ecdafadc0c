/**
 * Where hover → card's time goes: one Chromium with the built extension and
 * its 3 bundled people, 24 hovers under a CDP trace, and for each the
 * renderer main thread's work between the delay's expiry and the frame that
 * showed the card (./hover-probe.ts), biggest first. What it found is in
 * bench/notes.ts. Run with
 * `npm run build && BENCH=trace-hover npx vitest run --config vitest.browser.config.ts`.
 */
import type { Page } from 'playwright-core';
import { launch } from '../tests/browser/harness';
import { hoverPage } from './generate';
import { type HoverTime, installHoverProbe } from './hover-probe';
import { patient } from './patience';
import { traceWhile } from './trace';

/** Links on the page: 12 fit with their card below them, where the probe looks. */
const LINKS = 12;
/** Hovers traced: each link twice, after one untraced hover. */
const HOVERS = 24;

/** Hovers links `from`…`to` (exclusive); a card that does not come within 15 s is said and skipped. */
async function hoverAll(page: Page, from: number, to: number) {
  const links = page.locator('a[data-bench]');
  const shown = () =>
    page.evaluate(
      () => (window as never as { __bench: { results: HoverTime[] } }).__bench.results.length,
    );
  for (let index = from; index < to; index++) {
    await page.mouse.move(1300, 880);
    await page.waitForTimeout(450);
    const box = await links.nth(index % LINKS).boundingBox();
    if (!box) continue;
    const before = await shown();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page
      .waitForFunction(
        (n) =>
          (window as never as { __bench: { results: HoverTime[] } }).__bench.results.length > n,
        before,
        { timeout: 15_000 },
      )
      .catch(() => console.log(`hover ${index + 1}: no card within 15 s`));
  }
}

it(
  'traces hover → card',
  async () => {
    const session = await launch({ width: 1440, height: 900 });
    patient(session.context);
    try {
      const known = ['spacejam', 'denizalti', 'PATMESH'];
      const url = 'https://github.com/tikv/tikv/discussions/trace';
      session.pages.set(
        url,
        hoverPage(Array.from({ length: LINKS }, (_, i) => known[i % 3] as string)),
      );
      const page = await session.context.newPage();
      await page.goto(url);
      await page.evaluate(installHoverProbe, 300);
      // The first hover injects the card's UI (card-ui.js): a cost of its own
      // (hover_first_*), left out of the trace of the steady state.
      await hoverAll(page, 0, 1);
      const warmed = await page.evaluate(
        () => (window as never as { __bench: { results: HoverTime[] } }).__bench.results.length,
      );
      const cdp = await session.context.newCDPSession(page);
      let syncAt = 0;
      const events = await traceWhile(cdp, async () => {
        syncAt = await page.evaluate(() => {
          console.timeStamp('bench-sync');
          return performance.now();
        });
        await hoverAll(page, 1, HOVERS + 1);
      });
      const results = (
        await page.evaluate(
          () => (window as never as { __bench: { results: HoverTime[] } }).__bench.results,
        )
      ).slice(warmed);
      const sync = events.find(
        (event) => event.name === 'TimeStamp' && JSON.stringify(event.args).includes('bench-sync'),
      );
      if (!sync) throw new Error('no sync mark in the trace');
      const toTrace = (ms: number) => sync.ts + (ms - syncAt) * 1000;
      const main = events.filter(
        (event) => event.pid === sync.pid && event.tid === sync.tid && event.ph === 'X',
      );
      const byName = new Map<string, number>();
      for (const [index, hover] of results.entries()) {
        if (hover.expiry === undefined) continue;
        const from = toTrace(hover.expiry);
        const to = toTrace(hover.expiry + hover.ms);
        // Top-level work only: events not inside another counted one.
        const inside = main
          .filter((event) => event.ts < to && event.ts + (event.dur ?? 0) > from)
          .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
        const top: typeof inside = [];
        for (const event of inside) {
          const end = event.ts + (event.dur ?? 0);
          if (top.some((outer) => outer.ts <= event.ts && outer.ts + (outer.dur ?? 0) >= end))
            continue;
          top.push(event);
        }
        const label = (event: (typeof top)[number]) => {
          const data = event.args?.data as { url?: string; functionName?: string } | undefined;
          const url = data?.url ? ` ${data.url.replace(/^.*\//, '')}` : '';
          return `${event.name}${url}`;
        };
        const lines = top
          .filter((event) => (event.dur ?? 0) >= 500)
          .map((event) => {
            const name = label(event);
            byName.set(name, (byName.get(name) ?? 0) + (event.dur ?? 0) / 1000);
            // What the task spent its time on: the events inside it of 0.3 ms or more.
            const end = event.ts + (event.dur ?? 0);
            const parts = main
              .filter(
                (inner) =>
                  inner !== event &&
                  inner.ts >= event.ts &&
                  inner.ts + (inner.dur ?? 0) <= end &&
                  (inner.dur ?? 0) >= 300,
              )
              .map((inner) => `${label(inner)} ${((inner.dur ?? 0) / 1000).toFixed(1)}`);
            for (const inner of parts) {
              const key = `  in ${name}: ${inner.replace(/ [\d.]+$/, '')}`;
              byName.set(key, (byName.get(key) ?? 0) + Number(inner.split(' ').at(-1)));
            }
            return `${name} ${((event.dur ?? 0) / 1000).toFixed(1)} ms [${parts.join('; ')}]`;
          });
        console.log(
          `hover ${index + 1}: ${hover.ms.toFixed(1)} ms, frame ${hover.frames}: ${lines.join(', ') || 'no main-thread task ≥ 0.5 ms'}`,
        );
      }
      const sorted = [...byName].sort((a, b) => b[1] - a[1]);
      console.log(
        `\nmain thread between expiry and card, summed over ${results.length} hovers:\n${sorted
          .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
          .join('\n')}`,
      );
      const ms = results.map((r) => r.ms).sort((a, b) => a - b);
      console.log(`ms sorted: ${ms.map((v) => v.toFixed(1)).join(' ')}`);
    } finally {
      await session.close();
    }
  },
  10 * 60_000,
);
