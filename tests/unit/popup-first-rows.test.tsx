/**
 * The popup's list opens on the summary's first chunk (store/people-rows.ts
 * `readFirstRows`) and then the whole: the first rows are drawn before the
 * rest is read, but the list's size is not said (nor a no-match sentence)
 * until the whole is there; and a list already whole never shrinks back to
 * a first chunk when the store changes and is read again.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PeopleList } from '../../components/popup/PeopleList';
import { tn } from '../../i18n/t';
import { buildRoster, type Roster } from '../../jobs/roster';
import { rowOfProfile } from '../../store/people-rows';
import { person, storedOf } from './fixtures';

const rows = Array.from({ length: 5000 }, (_, at) =>
  rowOfProfile(person(`p-${String(at).padStart(5, '0')}`), 1),
);
const whole = storedOf(rows, 7);
const firstChunk = { ...whole, chunks: whole.chunks.slice(0, 1) };
const full = () => buildRoster(whole, [], 'visible');
const partial = () => buildRoster(firstChunk, [], 'visible', false);

const root = document.createElement('div');
beforeEach(() => document.body.append(root));
afterEach(() => {
  render(null, root);
  root.remove();
});

const note = () => root.querySelector('.pc-popup-note')?.textContent ?? '';
const listLabel = () => root.querySelector('[role="listbox"]')?.getAttribute('aria-label');
const firstName = () => root.querySelector('[role="option"] .pc-person-name')?.textContent;
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('the popup list, opened on its first rows', () => {
  it('draws the first rows before the rest, and says the count only once whole', async () => {
    let finish: (roster: Roster) => void = () => undefined;
    const load = (first?: (roster: Roster) => void) => {
      first?.(partial());
      return new Promise<Roster>((resolve) => {
        finish = resolve;
      });
    };
    await act(async () => {
      render(<PeopleList load={load} onOpen={() => undefined} />, root);
    });
    await settle();
    expect(firstName()).toBe('Person p-00000');
    expect(note()).toBe('');
    expect(listLabel()).not.toContain('2');
    expect(root.querySelector('[role="option"]')?.getAttribute('aria-setsize')).toBe('-1');
    await act(async () => finish(full()));
    await settle();
    // Positive control: the whole list's count, once it is read.
    expect(note()).toBe(tn('people_count', 5000));
    expect(listLabel()).toContain('5');
    expect(root.querySelector('[role="option"]')?.getAttribute('aria-setsize')).toBe('5000');
  });

  it('never shows a first chunk again once the whole was shown', async () => {
    let changed: () => void = () => undefined;
    const subscribe = (callback: () => void) => {
      changed = callback;
      return () => undefined;
    };
    let reads = 0;
    let finishSecond: (roster: Roster) => void = () => undefined;
    const load = (first?: (roster: Roster) => void) => {
      reads++;
      first?.(partial());
      if (reads === 1) return Promise.resolve(full());
      return new Promise<Roster>((resolve) => {
        finishSecond = resolve;
      });
    };
    await act(async () => {
      render(<PeopleList load={load} subscribe={subscribe} onOpen={() => undefined} />, root);
    });
    await settle();
    expect(note()).toBe(tn('people_count', 5000));
    await act(async () => changed());
    await settle();
    expect(reads).toBe(2);
    expect(note()).toBe(tn('people_count', 5000));
    await act(async () => finishSecond(full()));
    await settle();
    expect(note()).toBe(tn('people_count', 5000));
  });
});
