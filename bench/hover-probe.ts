/**
 * The hover bench's probe, run in the page's own world (Chromium through
 * Playwright, Firefox through puppeteer): for each pointer arrival on an
 * `a[data-bench]` link, ms from the hover delay's expiry to the first
 * animation frame in which the card is hit-testable under the link, and
 * which frame after the expiry that was (1 = the first). Results collect in
 * `window.__bench.results`.
 */
export type HoverTime = {
  ms: number;
  frames: number;
  /** When the delay ran out (performance.now()), for a trace's timeline (./trace-hover.ts). */
  expiry?: number;
};

export function installHoverProbe(delay: number): void {
  const bench = { results: [] as HoverTime[] };
  (window as never as { __bench: typeof bench }).__bench = bench;
  document.addEventListener(
    'pointerover',
    (event) => {
      const link = (event.target as Element).closest?.('a[data-bench]');
      if (!link) return;
      const box = link.getBoundingClientRect();
      const probe = { x: box.left + 30, y: box.bottom + 40 };
      const expiry = event.timeStamp + delay;
      let frames = 0;
      // A frame counts as "after the delay" if it began after it (its rAF
      // timestamp); ms is measured when that frame's callbacks run.
      const frame = (began: number) => {
        const now = performance.now();
        if (now > expiry + 3000) return;
        if (began >= expiry) {
          frames++;
          // The card's host is a bare element at the end of <html> (the page sees nothing more).
          const hit = document.elementFromPoint(probe.x, probe.y);
          if (hit && hit !== document.body && hit.parentNode === document.documentElement) {
            bench.results.push({ ms: now - expiry, frames, expiry });
            return;
          }
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    true,
  );
}
