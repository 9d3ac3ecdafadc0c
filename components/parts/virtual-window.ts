/**
 * Drawing only the rows on screen: a list of 100,000 people is a tall empty
 * box with the twenty-odd rows in view placed absolutely inside it (every
 * row the same height), redrawn as it scrolls. One scroll listener and one
 * ResizeObserver per list, removed with it. Used by the popup's list
 * (../popup/PeopleList.tsx) and the options page's (../options/PeopleTable.tsx).
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface VisibleRange {
  /** The first row to draw. */
  start: number;
  /** One past the last. */
  end: number;
}

/** Rows drawn beyond each edge, so a quick scroll shows rows rather than a gap. */
const OVERSCAN = 6;
/** Rows drawn before the list has a height (its first render). */
const FIRST_SCREEN = 24;

export function useVisibleRange(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): VisibleRange {
  const [view, setView] = useState({ top: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const next = { top: element.scrollTop, height: element.clientHeight };
      setView((now) => (now.top === next.top && now.height === next.height ? now : next));
    };
    update();
    const stop = new AbortController();
    element.addEventListener('scroll', update, { passive: true, signal: stop.signal });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    resize?.observe(element);
    return () => {
      stop.abort();
      resize?.disconnect();
    };
  }, [ref]);
  const height = view.height || rowHeight * FIRST_SCREEN;
  return {
    start: Math.max(0, Math.min(count, Math.floor(view.top / rowHeight) - OVERSCAN)),
    end: Math.min(count, Math.ceil((view.top + height) / rowHeight) + OVERSCAN),
  };
}

/** Scrolls `element` just enough to show row `row` whole. */
export function scrollRowIntoView(element: HTMLElement, row: number, rowHeight: number): void {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < element.scrollTop) element.scrollTop = top;
  else if (bottom > element.scrollTop + element.clientHeight)
    element.scrollTop = bottom - element.clientHeight;
}

/** The rows to draw: the visible range, plus `keep` (the active or focused row) if outside it. */
export function rowsToDraw(
  { start, end }: VisibleRange,
  ...keep: (number | undefined)[]
): number[] {
  const rows: number[] = [];
  for (const row of keep)
    if (row !== undefined && row >= 0 && (row < start || row >= end)) rows.push(row);
  for (let row = start; row < end; row++) rows.push(row);
  return rows;
}
