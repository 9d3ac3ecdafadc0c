/**
 * `BENCH=peers`: Profile Card's page-load cost beside github-hovercard's and
 * refined-github's, on its own (./peer-figures.ts says how it is measured;
 * the full bench, bench/measure.ts, records the same figures when the peers'
 * folders exist). Make the peers first, once:
 *   bash bench/get-peers.sh <github-hovercard checkout> <refined-github checkout>
 * then
 *   npm run build && BENCH=peers npx vitest run --config vitest.browser.config.ts --silent=false
 * (BENCH_RUNS runs, 8 unless told; PEERS_DIR, .tmp/peers unless told).
 */
import { peerFigures, printPeerFigures } from './peer-figures';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 8));

it(
  'measures page-load cost beside the peers',
  async () => {
    printPeerFigures(await peerFigures(RUNS));
  },
  40 * 60_000,
);
