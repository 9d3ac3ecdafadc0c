/**
 * The options list by what the user remembers (issue 26): filtered by a tag,
 * sorted by the day they last spoke, found by a word of the note.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PeopleTable } from '../../components/options/PeopleTable';
import { buildRoster } from '../../jobs/roster';
import type { Profile } from '../../people/schema';
import { recordOf } from '../../store/db';
import { rowOf } from '../../store/people-rows';
import { person, storedOf } from './fixtures';

const people: Profile[] = [
  person('ada', { name: 'Ada', mine: { tags: ['kubecon'], contacted: '2026-01-10' } }),
  person('bob', { name: 'Bob', mine: { note: 'Raft snapshots', contacted: '2026-05-31' } }),
  person('cy', { name: 'Cy', mine: { tags: ['kubecon', 'hiring'] } }),
  person('dee', { name: 'Dee' }),
];

function mount() {
  const rows = people.map((profile) => rowOf(recordOf(profile, 1)));
  const roster = buildRoster(storedOf(rows, 1), [], 'all');
  const notes = Object.fromEntries(
    people.flatMap((p) =>
      p.mine?.tags || p.mine?.contacted
        ? [[p.id, { tags: p.mine.tags, contacted: p.mine.contacted }]]
        : [],
    ),
  );
  const root = document.createElement('div');
  document.body.append(root);
  const noop = () => undefined;
  act(() =>
    render(
      <PeopleTable
        roster={roster}
        notes={notes}
        usage={{}}
        busy={false}
        exporting={false}
        onAdd={noop}
        onExportAll={noop}
        onEdit={noop}
        onExport={noop}
        onDelete={noop}
        onHide={noop}
      />,
      root,
    ),
  );
  const names = () =>
    [...root.querySelectorAll('.pc-people li')].map(
      (li) => li.querySelector('.pc-person-name, strong, span')?.textContent ?? li.textContent,
    );
  const set = (selector: string, change: (element: HTMLInputElement) => void, type: string) =>
    act(() => {
      const element = root.querySelector(selector) as HTMLInputElement;
      change(element);
      element.dispatchEvent(new Event(type, { bubbles: true }));
    });
  return { root, names, set };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the options list by what you remember', () => {
  it('filters by a tag, offering the tags in use', () => {
    const { root, names, set } = mount();
    const options = [...root.querySelectorAll('select option')].map((o) => o.textContent);
    expect(options).toEqual(['All tags', '#kubecon', '#hiring']);
    expect(names().join(' ')).toMatch(/Ada.*Bob.*Cy.*Dee/);
    set(
      'select',
      (element) => {
        element.value = 'hiring';
      },
      'change',
    );
    expect(names().join(' ')).toContain('Cy');
    expect(names().join(' ')).not.toMatch(/Ada|Bob|Dee/);
  });

  it('sorts by the day last contacted, the others after in their order', () => {
    const { names, set } = mount();
    set(
      'input[type=checkbox]',
      (element) => {
        element.checked = true;
      },
      'change',
    );
    const order = names().map((text) => /Ada|Bob|Cy|Dee/.exec(text ?? '')?.[0]);
    expect(order).toEqual(['Bob', 'Ada', 'Cy', 'Dee']);
  });

  it('finds by a word of the note and by #tag in the search box', () => {
    const { names, set } = mount();
    set(
      'input[type=search]',
      (element) => {
        element.value = 'raft';
      },
      'input',
    );
    expect(names().map((text) => /Ada|Bob|Cy|Dee/.exec(text ?? '')?.[0])).toEqual(['Bob']);
    set(
      'input[type=search]',
      (element) => {
        element.value = '#hiring';
      },
      'input',
    );
    expect(names().map((text) => /Ada|Bob|Cy|Dee/.exec(text ?? '')?.[0])).toEqual(['Cy']);
  });
});
