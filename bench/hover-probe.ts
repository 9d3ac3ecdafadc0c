/**
 * The hover bench's probe, run in the page's own world (Chromium through
 * Playwright, Firefox through puppeteer): for each pointer arrival on an
 * `a[data-bench]` link, ms from the hover delay's expiry to the first
 * animation frame in which the card is hit-testable under the link, and
 * which frame after the expiry that was (1 = the first). Results collect in
 * `window.__bench.results`.
 *
 *   installHoverProbe(delay)   the probe (in the page)
 *   installRevealFloor(delay)  the floor's stand-in for the card (in the page):
 *                              a bare timer that shows a plain positioned element
 *   hoverTimes(page, delay)    Chromium: hovers every bench link, the probe's results
 */
import type { Page } from 'playwright-core';

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

/**
 * The floor of the probe's figure (./floors.ts): what the card's reveal
 * would be with none of our code. On each arrival on a bench link, a bare
 * timer set to the same delay from the same event shows a plain element
 * positioned under the link (made once, hidden, at the end of <html> as our
 * card's host is); leaving the link hides it. The probe sees it as it sees
 * the card, so the same measure runs from the delay's end to the frame that
 * shows it.
 */
export function installRevealFloor(delay: number): void {
  const shown = document.createElement('div');
  shown.style.cssText =
    'position:absolute;display:none;width:320px;height:160px;z-index:2147483647;background:#fff;border:1px solid #888';
  document.documentElement.append(shown);
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener(
    'pointerover',
    (event) => {
      const link = (event.target as Element).closest?.('a[data-bench]');
      if (!link) return;
      clearTimeout(timer);
      const box = link.getBoundingClientRect();
      shown.style.left = `${box.left + window.scrollX}px`;
      shown.style.top = `${box.bottom + window.scrollY + 8}px`;
      timer = setTimeout(
        () => {
          shown.style.display = 'block';
        },
        Math.max(0, delay - (performance.now() - event.timeStamp)),
      );
    },
    true,
  );
  document.addEventListener(
    'pointerout',
    (event) => {
      if (!(event.target as Element).closest?.('a[data-bench]')) return;
      clearTimeout(timer);
      shown.style.display = 'none';
    },
    true,
  );
}

/**
 * Hovers each bench link. For each: ms from the delay's expiry to the first
 * animation frame in which the card is hit-testable under its link (checked
 * from the page's own world, which sees only our closed host), and which
 * frame after the expiry that was (1 = the first).
 */
export async function hoverTimes(page: Page, delayMs: number): Promise<HoverTime[]> {
  await page.evaluate(installHoverProbe, delayMs);
  const links = page.locator('a[data-bench]');
  const count = await links.count();
  for (let index = 0; index < count; index++) {
    await page.mouse.move(1300, 880);
    await page.waitForTimeout(450); // the previous card closes
    const box = await links.nth(index).boundingBox();
    if (!box) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(
      (n) => (window as never as { __bench: { results: HoverTime[] } }).__bench.results.length > n,
      index,
      { timeout: 15_000 },
    );
  }
  await page.mouse.move(1300, 880);
  return page.evaluate(
    () => (window as never as { __bench: { results: HoverTime[] } }).__bench.results,
  );
}
