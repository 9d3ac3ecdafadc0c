/**
 * Drawing only the rows on screen: a list of 100,000 people is a tall empty
 * box with the twenty-odd rows in view placed absolutely inside it (every
 * row the same height), redrawn as it scrolls, each row's elements reused by
 * the row that takes its slot (`useRowKeys`). One scroll listener and one
 * ResizeObserver per list, removed with it. Used by the popup's list
 * (../popup/PeopleList.tsx) and the options page's (../options/PeopleTable.tsx).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

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

/**
 * The keys to render the drawn rows (positions, as `rowsToDraw` gives them)
 * under: slots, handed from the rows that left to the rows that came, so a
 * row's elements are reused by the row that replaces it and a jump across
 * 100,000 rows (or a new search) updates the rows' text and attributes
 * instead of removing and creating every element; creating and removing
 * rows was most of a scroll step's work (bench/trace-lists.ts). A row that
 * stays drawn keeps its slot, and so its elements and their focus. Free slots
 * go to the new rows in order, so a whole new screen keeps the elements'
 * order and nothing is moved.
 */
export function useRowKeys(drawn: readonly number[]): string[] {
  const held = useRef(new Map<number, number>());
  const now = assignSlots(held.current, drawn);
  held.current = now;
  return drawn.map((at) => `slot-${now.get(at)}`);
}

/** `useRowKeys`'s slots: each drawn row's, given each row's before (`before`). */
export function assignSlots(
  before: ReadonlyMap<number, number>,
  drawn: readonly number[],
): Map<number, number> {
  const now = new Map<number, number>();
  const taken = new Set<number>();
  for (const at of drawn) {
    const slot = before.get(at);
    if (slot !== undefined && !taken.has(slot)) {
      now.set(at, slot);
      taken.add(slot);
    }
  }
  const free = [...before.values()].filter((slot) => !taken.has(slot)).sort((a, b) => a - b);
  let next = before.size === 0 ? 0 : Math.max(...before.values()) + 1;
  let freeAt = 0;
  for (const at of drawn)
    if (!now.has(at)) now.set(at, freeAt < free.length ? (free[freeAt++] as number) : next++);
  return now;
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
