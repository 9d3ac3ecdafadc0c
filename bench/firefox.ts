/**
 * `npm run bench`, Firefox part: hover → card in Debian's firefox-esr with the
 * built `.output/firefox-mv2` (the Firefox tests' harness, puppeteer over
 * WebDriver BiDi, whose mouse is trusted input), with the 3 bundled people
 * and then with 10,000 more imported. Same probe and delay as Chromium's
 * figure (./hover-probe.ts). Writes its figures to .tmp/bench-firefox.json;
 * bench/measure.ts, run after it, puts them into results.json.
 *
 * Then page-load cost (issue 28): the content script's CPU time on the
 * bench's pages from the Gecko profiler, started from the environment in a
 * second Firefox (./firefox-pageload.ts says how), with the page's own
 * script time in the same loads as its baseline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, newTab, seedPeople, wait } from '../tests/firefox/harness';
import { firefoxPageLoadFigures } from './firefox-pageload';
import { generateProfiles, genLogin, hoverPage } from './generate';
import { type HoverTime, installHoverProbe } from './hover-probe';
import { retried, retryCount } from './patience';
import { benchSizes } from './sizes';
import { percentile } from './stats';

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 2 : 5;
const HOVERS_PER_RUN = QUICK ? 3 : 8;
const SIZES = benchSizes(QUICK);
/** Read by ./measure.ts. */
const FIREFOX_OUT = join(import.meta.dirname, '..', '.tmp/bench-firefox.json');

/** Hovers every bench link on the page with the real mouse; see ./hover-probe.ts. */
async function hoverTimes(page: Page): Promise<HoverTime[]> {
  await page.evaluate(installHoverProbe, 300);
  const boxes = await page.$$eval('a[data-bench]', (links) =>
    links.map((link) => {
      const box = link.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  );
  const count = () =>
    page.evaluate(
      () => (window as never as { __bench: { results: HoverTime[] } }).__bench.results.length,
    );
  for (const [index, box] of boxes.entries()) {
    await page.mouse.move(1300, 880);
    await new Promise((resolve) => setTimeout(resolve, 450)); // the previous card closes
    await page.mouse.move(box.x, box.y, { steps: 2 });
    await wait(`card ${index + 1}`, async () => (await count()) > index, 15_000);
  }
  await page.mouse.move(1300, 880);
  return page.evaluate(
    () => (window as never as { __bench: { results: HoverTime[] } }).__bench.results,
  );
}

it(
  'measures hover → card in Firefox',
  async () => {
    const session = await launch();
    const figures: object[] = [];
    try {
      const page = await newTab(session);
      const measure = async (label: string, logins: (run: number) => string[]) => {
        const p95: number[] = [];
        const p50: number[] = [];
        const frames: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const url = `https://github.com/tikv/tikv/discussions/firefox-${label}-${run}`;
          session.pages.set(url, hoverPage(logins(run)));
          const times = await retried(`Firefox hover, ${label} people`, async () => {
            await page.goto(url);
            return hoverTimes(page);
          });
          const ms = times.map((time) => time.ms);
          p95.push(percentile(ms, 95));
          p50.push(percentile(ms, 50));
          frames.push(
            percentile(
              times.map((time) => time.frames),
              95,
            ),
          );
        }
        return { p95, p50, frames };
      };
      const known = ['spacejam', 'denizalti', 'PATMESH'];
      const three = await measure('3', () =>
        Array.from({ length: HOVERS_PER_RUN }, (_, index) => known[index % 3] as string),
      );
      const { count, label } = SIZES.directory;
      await retried('Firefox seeding', () => seedPeople(session, generateProfiles(count)));
      const many = await measure(label, (run) =>
        Array.from({ length: HOVERS_PER_RUN }, (_, index) =>
          genLogin((run * HOVERS_PER_RUN + index * 37) % count),
        ),
      );
      figures.push(
        { name: 'firefox_hover_to_card_p50_ms', unit: 'ms', samples: three.p50 },
        { name: 'firefox_hover_to_card_p95_ms', unit: 'ms', samples: three.p95, max: 16 },
        {
          name: `firefox_hover_to_card_p95_${label}_ms`,
          unit: 'ms',
          samples: many.p95,
          max: 16,
          baseline: 'firefox_hover_to_card_p95_ms',
        },
        {
          name: 'firefox_hover_to_card_frame_p95',
          unit: 'count',
          samples: [...three.frames, ...many.frames],
          max: 1,
        },
      );
    } finally {
      await session.close();
    }
    figures.push(...(await firefoxPageLoadFigures(QUICK ? 3 : 10)));
    figures.push({ name: 'firefox_bench_retries', unit: 'count', samples: [retryCount()], max: 0 });
    mkdirSync(join(import.meta.dirname, '..', '.tmp'), { recursive: true });
    writeFileSync(FIREFOX_OUT, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`Firefox hover figures written to ${FIREFOX_OUT}`);
  },
  20 * 60_000,
);
