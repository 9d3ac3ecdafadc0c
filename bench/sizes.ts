/**
 * How many people a bench run stores, and how its figure names say so.
 * `--quick` (BENCH_QUICK=1) checks the harness with fewer people; its
 * figures are named for the sizes it really used (`popup_open_1k_ms`, not
 * `popup_open_10k_ms`), so a quick run's numbers can never pass for a full
 * run's.
 */

/** 1,000 → "1k", 100,000 → "100k"; anything else as it is. */
export const sizeLabel = (count: number): string =>
  count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count);

const size = (count: number) => ({ count, label: sizeLabel(count) });

export function benchSizes(quick: boolean) {
  return {
    /** The people directory for page loads, hovers, the popup and the import. */
    directory: size(quick ? 1_000 : 10_000),
    /** The people store's scale figures (import, cold lookup, memory). */
    big: size(quick ? 3_000 : 100_000),
  };
}
