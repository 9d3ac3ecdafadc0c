/**
 * The lists' search as the user types (components/parts/use-search.ts): the
 * key's render shows the answer's first rows, the rest come in later tasks,
 * and what a render shows is always the current query's — a search the next
 * key left unfinished never shows, however late it would have finished.
 */
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { type Found, useSearch } from '../../components/parts/use-search';
import { buildSearchIndex, type SearchIndex } from '../../people/search-index';

// 30,000 rows: "ada" in all but every 1,000th, which is "zed" instead.
const texts = Array.from({ length: 30_000 }, (_, row) =>
  row % 1000 === 999 ? `zed ${row}` : `ada ${row}`,
);
const answer = (query: string) => [...buildSearchIndex(texts).search(query)];

interface Seen {
  query: string;
  rows: number[];
  done: boolean;
}

function Probe(props: { index: SearchIndex; query: string; seen: Seen[] }) {
  const found: Found = useSearch(props.index, props.query);
  props.seen.push({ query: props.query, rows: [...(found.rows ?? [])], done: found.done });
  return <p>{found.done ? 'done' : 'finding'}</p>;
}

const root = document.createElement('div');
beforeEach(() => document.body.append(root));
afterEach(() => {
  render(null, root);
  root.remove();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 300)));

describe('useSearch', () => {
  it('shows the first rows at once and every row once found', async () => {
    const seen: Seen[] = [];
    const index = buildSearchIndex(texts);
    act(() => render(<Probe index={index} query="a" seen={seen} />, root));
    const first = seen.at(-1) as Seen;
    expect(first.done).toBe(false);
    expect(first.rows.length).toBeGreaterThanOrEqual(200);
    expect(first.rows).toEqual(answer('a').slice(0, first.rows.length));
    await vi.waitFor(() => expect(seen.at(-1)?.done).toBe(true));
    expect(seen.at(-1)?.rows).toEqual(answer('a'));
    expect(root.textContent).toBe('done');
  });

  it('never shows an unfinished search after the next key', async () => {
    const seen: Seen[] = [];
    const index = buildSearchIndex(texts);
    act(() => render(<Probe index={index} query="a" seen={seen} />, root));
    expect(seen.at(-1)?.done).toBe(false);
    // The next key before the first search is done; then time for both to finish.
    act(() => render(<Probe index={index} query="zed" seen={seen} />, root));
    await settle();
    const zed = answer('zed');
    expect(zed).toHaveLength(30);
    expect(seen.at(-1)).toEqual({ query: 'zed', rows: zed, done: true });
    // Every render showed its own query's rows: the answer's first ones.
    for (const { query, rows } of seen) expect(rows).toEqual(answer(query).slice(0, rows.length));
    // Positive control: "a" left alone finishes (the check above can see a late answer).
    const control: Seen[] = [];
    act(() => render(<Probe index={buildSearchIndex(texts)} query="a" seen={control} />, root));
    await settle();
    expect(control.at(-1)).toEqual({ query: 'a', rows: answer('a'), done: true });
  });

  it('does not step a search the next key replaced, even with its slice already queued', async () => {
    // Each query's steps after its key's render (the first rows), over a fresh index.
    const steps = new Map<string, number>();
    const counted = () => {
      const index = buildSearchIndex(texts);
      return {
        start(query: string) {
          const run = index.start(query);
          return {
            get rows() {
              return run.rows;
            },
            get done() {
              return run.done;
            },
            step(deadline: number, enough?: number) {
              if (enough === undefined) steps.set(query, (steps.get(query) ?? 0) + 1);
              return run.step(deadline, enough);
            },
          };
        },
      };
    };
    function Counted(props: { list: ReturnType<typeof counted>; query: string }) {
      const found = useSearch(props.list, props.query);
      return <p>{found.done ? 'done' : 'finding'}</p>;
    }
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    // Effects wait for a frame (Preact's own hook for it): in a page the frame
    // comes ~16 ms on, after the timers already queued; happy-dom's comes at once.
    const frameHook = options.requestAnimationFrame;
    options.requestAnimationFrame = (callback) => void setTimeout(callback, 16);
    onTestFinished(() => {
      options.requestAnimationFrame = frameHook;
    });
    // Positive control: "a" unfinished, its first slice queued by its effect, runs.
    const first = counted();
    act(() => render(<Counted list={first} query="a" />, root));
    await tick();
    expect(steps.get('a') ?? 0).toBeGreaterThan(0);
    // Again, but the next key renders (outside act: its effects wait for the
    // frame, as in a page) before the queued slice of "a" runs.
    await settle();
    steps.clear();
    const second = counted();
    act(() => render(<Counted list={second} query="a" />, root));
    render(<Counted list={second} query="ada" />, root);
    await tick();
    expect(steps.get('a') ?? 0).toBe(0);
    await settle();
    expect(root.textContent).toBe('done');
  });
});
