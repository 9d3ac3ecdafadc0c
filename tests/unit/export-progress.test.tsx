/**
 * "Export all" says how far it got without drawing the people list again
 * (issue 28): each progress count from the worker re-rendered PeopleSection
 * and so the whole PeopleTable; only the progress bar should change. The
 * worker's side of OptionsApi is played by a function that reports counts
 * the way jobs/jobs.ts does; PeopleSection, PeopleTable and Progress are the
 * real ones, their renders counted through Preact's `options.diffed`.
 */
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import type { OptionsApi } from '../../components/options/options-api';
import { PeopleSection } from '../../components/options/PeopleSection';
import { PeopleTable } from '../../components/options/PeopleTable';
import { Progress } from '../../components/options/Progress';
import type { Page } from '../../components/options/page';
import { buildRoster } from '../../jobs/roster';
import { recordOf } from '../../store/db';
import { rowOf } from '../../store/people-rows';
import { person, storedOf } from './fixtures';

const rows = ['ada', 'bob', 'cy'].map((id) => rowOf(recordOf(person(id), 1)));
const roster = buildRoster(storedOf(rows, 1), [], 'all');

const renders = { table: 0, progress: 0 };
const diffed = options.diffed;
beforeEach(() => {
  renders.table = 0;
  renders.progress = 0;
  options.diffed = (vnode) => {
    if (vnode.type === PeopleTable) renders.table++;
    if (vnode.type === Progress) renders.progress++;
    diffed?.(vnode);
  };
});
afterEach(() => {
  options.diffed = diffed;
  document.body.innerHTML = '';
});

/** The options page's shared state around `api`, what it says kept in `said`. */
const pageOf = (api: OptionsApi, said: string[]) =>
  ({
    api,
    scan: { damaged: [], conflicts: [], names: {}, directoryClashes: [] },
    usage: {},
    blocked: undefined,
    busy: undefined,
    fail: () => undefined,
    say: (text: string) => void said.push(text),
    reload: async () => undefined,
    run: async () => undefined,
  }) as unknown as Page;

it('progress of "Export all" redraws the progress bar, not the people list', async () => {
  const steps: ((read: number) => void)[] = [];
  let finish: (result: { file: Blob; count: number }) => void = () => undefined;
  const downloads: string[] = [];
  const said: string[] = [];
  const api = {
    exportAll: (onProgress?: (read: number) => void) =>
      new Promise<{ file: Blob; count: number }>((resolve) => {
        if (onProgress) steps.push(onProgress);
        finish = resolve;
      }),
    download: (name: string) => void downloads.push(name),
  } as unknown as OptionsApi;
  const page = pageOf(api, said);
  const data = { roster } as never;
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<PeopleSection page={page} data={data} editor={{} as never} />, root));
  const button = [...root.querySelectorAll('button')].find(
    (element) => element.textContent === 'Export all (JSON)',
  ) as HTMLButtonElement;
  await act(async () => button.click());
  const label = () => root.querySelector('[role="progressbar"]')?.getAttribute('aria-label');
  expect(label()).toBeTruthy();
  const tableBefore = renders.table;
  const progressBefore = renders.progress;

  for (const read of [5000, 10000, 15000, 20000]) await act(async () => steps[0]?.(read));

  // The bar moved with each count (positive control: the counts did arrive)…
  expect(label()).toContain('20,000');
  expect(renders.progress - progressBefore).toBe(4);
  // …and the list was not drawn again for any of them.
  expect(renders.table - tableBefore).toBe(0);

  await act(async () => finish({ file: new Blob(['{}']), count: 3 }));
  expect(downloads).toHaveLength(1);
  expect(root.querySelector('[role="progressbar"]')).toBeNull();
});

it('"Export all" says how many people the export wrote, not how many rows are drawn', async () => {
  // The options page draws its first rows before the whole list is read
  // (issue 28): a click then must not report the rows on screen.
  const firstRows = buildRoster(storedOf(rows, 1), [], 'all', false);
  let finish: (result: { file: Blob; count: number }) => void = () => undefined;
  const said: string[] = [];
  const api = {
    exportAll: () =>
      new Promise<{ file: Blob; count: number }>((resolve) => {
        finish = resolve;
      }),
    download: () => undefined,
  } as unknown as OptionsApi;
  const page = pageOf(api, said);
  const root = document.createElement('div');
  document.body.append(root);
  act(() =>
    render(
      <PeopleSection page={page} data={{ roster: firstRows } as never} editor={{} as never} />,
      root,
    ),
  );
  const button = [...root.querySelectorAll('button')].find(
    (element) => element.textContent === 'Export all (JSON)',
  ) as HTMLButtonElement;
  await act(async () => button.click());
  await act(async () => finish({ file: new Blob(['{}']), count: 100_000 }));
  expect(said).toEqual(['Exported 100,000 people.']);
});
