/**
 * bench/README.md, written from bench/results.json so it cannot drift: `npm
 * run bench` runs this at its end (bench/run.mjs), and a unit test
 * (tests/unit/bench-readme.test.ts) fails when the committed README is not
 * what this makes of the committed results.
 *
 *   results.json ──┐
 *   notes.ts ──────┴─▶ benchReadme() ─▶ README.md
 *   (why a figure misses, what its trace showed: written by people)
 *
 * `node --import ./build/resolve-ts.mjs bench/readme.ts [results.json] [README.md]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NOTES } from './notes';

export interface Figure {
  name: string;
  unit: 'ms' | 's' | 'bytes' | 'ratio' | 'count';
  median: number;
  min: number;
  max: number;
  runs: number;
  target?: string;
  met?: boolean;
  baseline?: string;
  ratio?: number;
}

const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 3 });
const UNITS: Record<Figure['unit'], string> = {
  ms: ' ms',
  s: ' s',
  bytes: ' B',
  ratio: '',
  count: '',
};

/** "1,168 ms (1,030.6–1,476.7, 10 runs)"; a single sample is just its value. */
function now(figure: Figure): string {
  const unit = UNITS[figure.unit];
  const value = `${number(figure.median)}${unit}`;
  if (figure.runs <= 1 || figure.min === figure.max) return value;
  return `${value} (${number(figure.min)}–${number(figure.max)}, ${figure.runs} runs)`;
}

function baseline(figure: Figure, byName: Map<string, Figure>): string {
  const base = figure.baseline ? byName.get(figure.baseline) : undefined;
  if (!base) return '';
  const ratio = figure.ratio === undefined ? '' : ` → ×${number(figure.ratio)}`;
  return `\`${base.name}\` ${number(base.median)}${UNITS[base.unit]}${ratio}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

const INTRO = `# Benchmark

<!-- Written by bench/readme.ts from bench/results.json at the end of \`npm run bench\`;
     edit bench/notes.ts (the reasons) or the generator, never this file. -->

\`npm run bench\` builds the extension for both browsers, drives Debian's firefox-esr
(hover → card, [\`firefox.ts\`](firefox.ts)) and then Debian's Chromium (everything, headless)
over generated fixture pages with the tests' harnesses, prints a table and each part's
duration, writes [\`results.json\`](results.json) and then this file. \`npm run bench -- --quick\`
(2 runs, 1,000 and 3,000 people instead of 10,000 and 100,000) checks the harness and writes to
\`.tmp/bench-quick.json\` and \`.tmp/bench-quick.md\` instead, its figures named for the sizes it
used ([\`sizes.ts\`](sizes.ts)).

How it measures ([\`measure.ts\`](measure.ts)): four browsers alive at once, so scenarios
interleave run by run — the extension with its 3 bundled people, with 10,000 and 100,000 more
in its store, and the same Chromium without the extension. Page-load figures are CPU (thread)
time of the extension's scripts from Chrome traces ([\`trace.ts\`](trace.ts)), each scenario in
its own warm tab. The popup's and the options page's figures are Element Timing paints, key
event → results laid out, and the page's own long tasks ([\`scale-figures.ts\`](scale-figures.ts));
imports, exports and cold starts are in [\`store-figures.ts\`](store-figures.ts). The machine is
a 2-vCPU VM shared with other engineers' builds, so absolute figures are noisy: every figure
that has one is also set against a **baseline measured in the same run** (3 people, no
extension, or — under the popup's opening, the options page's start, the keystrokes and the
import's write — a \`floor_*\` figure: the same measure with none of our code, a blank extension
page, a bare input, a bare IndexedDB write: [\`floors.ts\`](floors.ts)), and that ratio is what
compares across runs. Waits are sized for the work and a
step that fails for load alone is tried once more ([\`patience.ts\`](patience.ts));
\`bench_retries\` says how often that happened, and \`bench_part_*_s\` how long each part took.
Page loads take 10 runs, most figures 6, the 100,000-people imports and exports 2
([\`measure.ts\`](measure.ts) says why). Firefox's page-load cost is not measured: it has no
trace to read over WebDriver BiDi ([\`firefox.ts\`](firefox.ts)).
`;

export function benchReadme(figures: Figure[], notes: Record<string, string> = NOTES): string {
  const byName = new Map(figures.map((figure) => [figure.name, figure]));
  const targeted = figures.filter((figure) => figure.target);
  const others = figures.filter((figure) => !figure.target);
  const misses = targeted.filter((figure) => !figure.met);
  const met = targeted.length - misses.length;
  const lines = [INTRO];
  lines.push(
    `## Targets: ${met} of ${targeted.length} met`,
    '',
    '| figure | now (median; min–max) | target | met? | same-run baseline → ratio |',
    '|---|---|---|---|---|',
    ...targeted.map(
      (figure) =>
        `| \`${figure.name}\` | ${cell(now(figure))} | ${cell(figure.target ?? '')} | ${
          figure.met ? 'met' : '**missed**'
        } | ${cell(baseline(figure, byName))} |`,
    ),
    '',
  );
  lines.push('## Misses, and what dominates them', '');
  if (misses.length === 0) lines.push('None.', '');
  // Misses that share one reason (the four page-load figures, say) are one
  // item: every figure with its target, then the reason once.
  const byReason = new Map<string, Figure[]>();
  for (const figure of misses) {
    const reason = notes[figure.name] ?? '_No reason recorded yet: add one to `bench/notes.ts`._';
    byReason.set(reason, [...(byReason.get(reason) ?? []), figure]);
  }
  for (const [reason, group] of byReason) {
    const which = group.map(
      (figure) => `**\`${figure.name}\`**: ${now(figure)} against ${figure.target}`,
    );
    lines.push(`- ${which.join('; ')}. ${reason}`);
  }
  if (misses.length > 0) lines.push('');
  const explained = Object.keys(notes).filter(
    (name) => byName.has(name) && !misses.some((miss) => miss.name === name),
  );
  if (explained.length > 0) {
    lines.push('## Notes on figures that meet their target or have none', '');
    for (const name of explained) lines.push(`- **\`${name}\`**: ${notes[name]}`);
    lines.push('');
  }
  lines.push(
    '## Every other figure',
    '',
    '| figure | now (median; min–max) | same-run baseline → ratio |',
    '|---|---|---|',
    ...others.map(
      (figure) =>
        `| \`${figure.name}\` | ${cell(now(figure))} | ${cell(baseline(figure, byName))} |`,
    ),
    '',
  );
  return lines.join('\n');
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const input = process.argv[2] ?? join(root, 'bench/results.json');
  const output = process.argv[3] ?? join(root, 'bench/README.md');
  const figures = JSON.parse(readFileSync(input, 'utf8')) as Figure[];
  writeFileSync(output, benchReadme(figures));
  console.log(`written to ${output}`);
}
