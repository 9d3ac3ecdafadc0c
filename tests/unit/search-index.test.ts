/**
 * The search index (people/search-index.ts): folded once when a person is
 * written, matched by word prefix, the same answers whether a query is
 * searched fresh or narrowed from the one before it.
 */
import fc from 'fast-check';
import { buildRoster } from '../../jobs/roster';
import { bundledProfiles } from '../../people/bundled';
import {
  buildSearchIndex,
  haystackOf,
  personText,
  queryWords,
  searchIndexOf,
  searchText,
} from '../../people/search-index';

const people = [
  ['Łukasz Żółw', 'Engineer', '@lukasz_z'],
  ['Deniz Altınbüken', 'Software Engineer and Tech Lead', '@denizalti · in/denizalti'],
  ['Tyler Neely', 'Distributed systems', '@spacejam'],
  ['Þórður Ægisson', undefined, 'in/thordur-aegisson'],
  ['Ada Lovelace 9876', 'Researcher', '@p-login-09876'],
  ['Ada Lovelace 9999', 'Researcher', '@p-login-09999'],
  ['日本 語', undefined, '@nihongo'],
] as const;
const texts = people.map(([name, headline, handles]) => searchText(name, headline, handles));
const index = buildSearchIndex(texts);
const names = (query: string) => [...index.search(query)].map((row) => people[row]?.[0]);

describe('searchText', () => {
  it.each([
    [['Łukasz Żółw', 'Engineer'], 'lukasz zolw engineer'],
    [
      ['Deniz Altınbüken', undefined, '@denizalti · in/denizalti'],
      'deniz altinbuken denizalti in denizalti',
    ],
    [['  O’Brien-Smith  ', '(PhD)'], 'o brien smith phd'],
    [['Straße\nneu'], 'strasse neu'],
    [[''], ''],
  ])('%j → %s', (parts, text) => {
    expect(searchText(...parts)).toBe(text);
  });
});

describe('personText', () => {
  it('holds the names of the projects, so a project finds its person', () => {
    expect(
      personText({ name: 'Tyler Neely', projects: [{ name: 'sled' }, { name: 'event gateway' }] }, [
        '@spacejam',
      ]),
    ).toBe('tyler neely spacejam sled event gateway');
    const roster = buildRoster({ rev: 0, chunks: [], hidden: [] }, bundledProfiles, 'all');
    const found = (query: string) => [...roster.search(query)].map((row) => roster.name(row));
    expect(found('sled')).toEqual(['Tyler Neely']);
    expect(found('event gate')).toEqual(['Tyler Neely']);
    // Positive control: a word nobody has finds nobody.
    expect(found('zzzz')).toEqual([]);
  });
});

describe('queryWords', () => {
  it.each([
    ['  Luk  ŻÓŁ ', ['luk', 'zol']],
    ['ada ada', ['ada']],
    ['a ad ada', ['ada']],
    ['@spacejam', ['spacejam']],
    ['—', []],
  ])('%j → %j', (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });
});

describe('search', () => {
  it.each([
    ['', people.map(([name]) => name)],
    ['lukasz', ['Łukasz Żółw']],
    ['LUK zol', ['Łukasz Żółw']],
    ['ukasz', []],
    ['altinbuken', ['Deniz Altınbüken']],
    ['@spacejam', ['Tyler Neely']],
    ['in/denizalti', ['Deniz Altınbüken']],
    ['thordur aeg', ['Þórður Ægisson']],
    ['engineer', ['Łukasz Żółw', 'Deniz Altınbüken']],
    ['p-login-09', ['Ada Lovelace 9876', 'Ada Lovelace 9999']],
    ['p-login-0999', ['Ada Lovelace 9999']],
    ['ada 9876', ['Ada Lovelace 9876']],
    ['日本', ['日本 語']],
    ['nobody', []],
  ])('%j', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it('answers the same when typed a letter at a time and when pasted', () => {
    const typed = buildSearchIndex(texts);
    for (const query of [
      'a',
      'ad',
      'ada',
      'ada ',
      'ada l',
      'ada lo',
      'ada lov 99',
      'ada lov 9',
      'r',
    ]) {
      expect([...typed.search(query)]).toEqual([...buildSearchIndex(texts).search(query)]);
    }
  });

  it('answers a backspace over what was just typed from before, without searching again', () => {
    const typed = buildSearchIndex(texts);
    const forward = ['a', 'ad', 'ada', 'ada l', 'ada lo', 'ada lov 9'].map((query) => ({
      query,
      rows: typed.search(query),
    }));
    for (const { query, rows } of forward.reverse()) {
      // The very rows found on the way in (the same array: nothing was searched) …
      expect(typed.search(query)).toBe(rows);
      // … and what a fresh index finds.
      expect([...rows]).toEqual([...buildSearchIndex(texts).search(query)]);
    }
    // Positive control: a query not searched before is searched, not remembered.
    const fresh = typed.search('researcher');
    expect(fresh).not.toBe(forward.at(-1)?.rows);
    expect([...fresh]).toEqual([4, 5]);
  });

  it('finds exactly the rows a word-by-word check finds, for any texts and queries', () => {
    const word = fc.stringMatching(/^[a-cł0-9]{1,3}$/);
    const text = fc.array(word, { maxLength: 4 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 30 }),
        fc.array(
          fc.array(word, { maxLength: 3 }).map((words) => words.join(' ')),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (rows, queries) => {
          const folded = rows.map((row) => searchText(row));
          const built = buildSearchIndex(folded);
          for (const query of queries) {
            const words = queryWords(query);
            const model = folded.flatMap((row, at) =>
              words.every((w) => row.split(' ').some((part) => part.startsWith(w))) ? [at] : [],
            );
            expect([...built.search(query)]).toEqual(model);
          }
        },
      ),
    );
  });

  it('finds the same over chunks, a few rows per step, as all at once', () => {
    const word = fc.stringMatching(/^[a-cł0-9]{1,3}$/);
    const text = fc.array(word, { maxLength: 4 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 30 }),
        fc.array(fc.nat(30), { maxLength: 5 }),
        fc.array(
          fc.array(word, { maxLength: 3 }).map((words) => words.join(' ')),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 4 }),
        (rows, cuts, queries, each) => {
          const folded = rows.map((row) => searchText(row));
          // The rows cut into chunks as the stored summary holds them (some empty).
          const at = [
            ...new Set([0, ...cuts.map((cut) => cut % (folded.length + 1)), folded.length]),
          ];
          at.sort((a, b) => a - b);
          const chunked = searchIndexOf(
            at.slice(1).map((end, i) => haystackOf(folded.slice(at[i], end))),
          );
          const whole = buildSearchIndex(folded);
          for (const query of queries) {
            const expected = [...whole.search(query)];
            const run = chunked.start(query);
            let steps = 0;
            // `each` more rows at a step; every step's rows the answer's first.
            while (!run.step(Number.POSITIVE_INFINITY, run.rows.length + each)) {
              expect([...run.rows]).toEqual(expected.slice(0, run.rows.length));
              expect(++steps).toBeLessThan(1000);
            }
            expect(run.done).toBe(true);
            expect([...run.rows]).toEqual(expected);
          }
        },
      ),
    );
  });

  it('answers right when each query goes on from the one before, left unfinished', () => {
    const word = fc.stringMatching(/^[a-c]{1,3}$/);
    const text = fc.array(word, { maxLength: 4 }).map((words) => words.join(' '));
    const query = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 40 }),
        fc.array(fc.nat(40), { maxLength: 4 }),
        // Each query typed, the search stepped a few rows at a time a few times (or to the end).
        fc.array(fc.tuple(query, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows, cuts, typed) => {
          const folded = rows.map((row) => searchText(row));
          const at = [
            ...new Set([0, ...cuts.map((cut) => cut % (folded.length + 1)), folded.length]),
          ].sort((a, b) => a - b);
          const index = searchIndexOf(
            at.slice(1).map((end, i) => haystackOf(folded.slice(at[i], end))),
          );
          for (const [position, [q, steps, each]] of typed.entries()) {
            const expected = [...buildSearchIndex(folded).search(q)];
            const run = index.start(q);
            for (let step = 0; step < steps; step++)
              run.step(Number.POSITIVE_INFINITY, run.rows.length + each);
            expect([...run.rows]).toEqual(expected.slice(0, run.rows.length));
            // The last query, and every other one half the time, searched to the end.
            if (position === typed.length - 1 || steps === 3) {
              run.step(Number.POSITIVE_INFINITY);
              expect([...run.rows]).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('goes on from a run stopped inside the rows it took over from the one before', () => {
    const texts = Array.from({ length: 60 }, (_, row) =>
      row % 3 === 0 ? `abc ${row}` : row % 3 === 1 ? `ab ${row}` : `a ${row}`,
    );
    const index = buildSearchIndex(texts);
    const a = index.start('a');
    a.step(Number.POSITIVE_INFINITY, 30);
    // "ab" takes over a's 30 rows and checks only 4 of them …
    const ab = index.start('ab');
    ab.step(Number.POSITIVE_INFINITY, 3);
    expect([...ab.rows]).toEqual([0, 1, 3]);
    // … so "abc" must check the rest of them too.
    const abc = index.start('abc');
    abc.step(Number.POSITIVE_INFINITY);
    expect([...abc.rows]).toEqual([...buildSearchIndex(texts).search('abc')]);
    expect(abc.rows).toHaveLength(20);
  });

  it('stops a step at its deadline, and goes on from there', () => {
    const many = Array.from({ length: 5000 }, (_, row) => `ada ${row}`);
    const run = buildSearchIndex(many).start('ada');
    // A deadline already past: the step looks at the clock and stops.
    expect(run.step(0)).toBe(false);
    expect(run.done).toBe(false);
    expect(run.rows.length).toBeLessThan(5000);
    expect(run.step(Number.POSITIVE_INFINITY)).toBe(true);
    expect(run.rows.length).toBe(5000);
  });

  it('holds no rows when built from none', () => {
    const empty = buildSearchIndex([]);
    expect(empty.size).toBe(0);
    expect([...empty.search('')]).toEqual([]);
    expect([...empty.search('a')]).toEqual([]);
  });
});
