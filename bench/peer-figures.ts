/**
 * Profile Card's page-load cost beside the extensions people use on GitHub
 * (issue 28): the same GitHub pages (./page-load-pages.ts: the small
 * repository page, the 2,000-link issue, the real-sized issue and pull
 * request pages) loaded in separate Chromium profiles, run by run
 * interleaved: ours, github-hovercard, refined-github and no extension. Each
 * load is traced, and an extension's figure is the CPU time of its own
 * scripts (`chrome-extension://` URLs; one extension per profile) by
 * ./trace.ts `scriptTime`, garbage collection left out, as for ours in
 * bench/measure.ts. Each load waits 1 s after `load`, so that work the
 * peers schedule for idle time or after their first mutations is counted.
 * A load in which our script did not run within that window (0 ms, seen
 * under heavy load) gives no ratio.
 *
 * What a trace cannot see: refined-github is ES modules (a content script
 * that imports its bundle), and a module's evaluation and promise callbacks
 * carry no URL in a trace; its figure is its content script and the
 * callbacks that do. A V8 CPU profile (every 100 µs, samples with its
 * frames on the stack) gave it 1–2 ms a load on these pages as well, so
 * on these fixture pages it does little either way (its features look
 * for the real site's markup).
 *
 *   PEERS_DIR (default .tmp/peers) ─ github-hovercard/, refined-github/
 *     (made by bench/get-peers.sh; a missing one is skipped with a note)
 *
 * Used by ./peers.ts (BENCH=peers, on its own) and bench/measure.ts (the full
 * bench, when the peers' folders exist).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launch, type Session } from '../tests/browser/harness';
import { PAGE_LOAD_PAGES, servePageLoadPages } from './page-load-pages';
import { patient } from './patience';
import { median } from './stats';
import { scriptTime, tracedGoto } from './trace';

export const PEERS_DIR = resolve(
  process.env.PEERS_DIR ?? join(import.meta.dirname, '../.tmp/peers'),
);
const PEERS = [
  { key: 'github_hovercard', dir: 'github-hovercard' },
  { key: 'refined_github', dir: 'refined-github' },
] as const;
/** The pages both peers run on (they do nothing on LinkedIn). */
const PAGES = PAGE_LOAD_PAGES.filter((page) => page.key !== 'feed');
/** The target: each peer at least 20× ours. */
export const PEER_MIN_RATIO = 20;

export interface PeerFigure {
  name: string;
  unit: 'ms' | 'ratio';
  samples: number[];
  target?: { max: number } | { min: number };
  baseline?: string;
}

/** The peers whose folders exist; a note for each that does not. */
export function availablePeers(): { key: string; dir: string }[] {
  const found = [];
  for (const peer of PEERS) {
    const dir = join(PEERS_DIR, peer.dir);
    if (existsSync(join(dir, 'manifest.json'))) found.push({ key: peer.key, dir });
    else
      console.log(
        `[bench] peers: ${dir} missing, ${peer.dir} skipped (make it with bash bench/get-peers.sh)`,
      );
  }
  return found;
}

interface Scenario {
  key: string;
  session: Session;
  tabs: Map<string, Page>;
  /** Extension script ms by page key, one a run. */
  own: Map<string, number[]>;
}

/** Loads every page in every scenario `runs` times (after one warm-up), interleaved. */
export async function peerFigures(runs: number): Promise<PeerFigure[]> {
  const peers = availablePeers();
  const scenarios: Scenario[] = [];
  const open = async (key: string, dir: string | undefined) => {
    const session = await launch(
      { width: 1440, height: 900 },
      dir === undefined
        ? { extension: false }
        : { extensionDir: dir, serviceWorker: key === 'ours' },
    );
    patient(session.context);
    servePageLoadPages(session);
    scenarios.push({ key, session, tabs: new Map(), own: new Map() });
  };
  try {
    await open('ours', EXTENSION_DIR);
    for (const peer of peers) await open(peer.key, peer.dir);
    await open('none', undefined);
    for (let run = -1; run < runs; run++) {
      for (const { key: pageKey, url } of PAGES) {
        for (const scenario of scenarios) {
          let page = scenario.tabs.get(pageKey);
          if (!page) {
            page = await scenario.session.context.newPage();
            scenario.tabs.set(pageKey, page);
          }
          const events = await tracedGoto(page, url, 1000);
          if (run < 0) continue;
          const ms = scriptTime(events, (at) => at.startsWith('chrome-extension://')).ms;
          scenario.own.set(pageKey, [...(scenario.own.get(pageKey) ?? []), ms]);
        }
      }
    }
  } finally {
    for (const scenario of scenarios) await scenario.session.close();
  }
  const figures: PeerFigure[] = [];
  const byKey = new Map(scenarios.map((scenario) => [scenario.key, scenario]));
  for (const { key: pageKey } of PAGES) {
    const ours = byKey.get('ours')?.own.get(pageKey) ?? [];
    const oursName = `peers_${pageKey}_ours_ms`;
    figures.push({ name: oursName, unit: 'ms', samples: ours });
    for (const peer of peers) {
      const theirs = byKey.get(peer.key)?.own.get(pageKey) ?? [];
      figures.push({
        name: `peers_${pageKey}_${peer.key}_ms`,
        unit: 'ms',
        samples: theirs,
        baseline: oursName,
      });
      // Run by run: the peer's time over ours in the same run.
      figures.push({
        name: `peers_${pageKey}_${peer.key}_over_ours_ratio`,
        unit: 'ratio',
        // A load in which our script did not run within the window (0) has no ratio.
        samples: theirs
          .map((value, index) => value / (ours[index] ?? 0))
          .filter((ratio) => Number.isFinite(ratio)),
        target: { min: PEER_MIN_RATIO },
      });
    }
    const none = byKey.get('none')?.own.get(pageKey) ?? [];
    if (none.some((value) => value > 0))
      console.log(`[bench] peers: ${pageKey} counted extension time without an extension`, none);
  }
  return figures;
}

/** A line per figure: median, spread, target. */
export function printPeerFigures(figures: PeerFigure[]): void {
  for (const figure of figures) {
    const med = median(figure.samples);
    const target = figure.target
      ? 'max' in figure.target
        ? ` (target ≤ ${figure.target.max}: ${med <= figure.target.max ? 'met' : 'missed'})`
        : ` (target ≥ ${figure.target.min}: ${med >= figure.target.min ? 'met' : 'missed'})`
      : '';
    const digits = figure.unit === 'ratio' ? 1 : 3;
    console.log(
      `${figure.name}: ${med.toFixed(digits)} ${figure.unit} [${Math.min(...figure.samples).toFixed(digits)}–${Math.max(...figure.samples).toFixed(digits)}, ${figure.samples.length} runs]${target}`,
    );
  }
}
