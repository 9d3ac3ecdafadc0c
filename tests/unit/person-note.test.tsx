/**
 * The note on the card (issue 26), keyboard first: N opens the editor,
 * Esc cancels without writing, Ctrl+Enter saves; a note changed elsewhere
 * comes back as both versions for the user to choose, never overwritten.
 * The save function here is a recorder of what the card asked for, with the
 * answers the store gives (tests/unit/notes.test.ts covers the store).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card } from '../../components/card/Card';
import { tagCompletions } from '../../components/card/NoteEditor';
import type { NoteApi } from '../../components/card/PersonNote';
import type { NoteSaved } from '../../messaging/messages';
import type { Mine, Profile } from '../../people/schema';
import { person } from './fixtures';

const flush = () => act(async () => await new Promise((done) => setTimeout(done, 0)));

/**
 * A key as the user presses it: the browser marks its events trusted. happy-dom
 * has no `isTrusted` (a script's own events are untrusted in a browser), so the
 * tests say which one they mean.
 */
const userKey = (key: string, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, ...init });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
};

function mount(profile: Profile, answers: NoteSaved[] = []) {
  const calls: { mine: Mine | undefined; seen: Mine | undefined }[] = [];
  const api: NoteApi = {
    shortcut: 'card',
    save: async (mine, seen) => {
      calls.push({ mine, seen });
      return answers.shift() ?? { ok: true, mine: mine ?? null };
    },
    knownTags: async () => ['kubecon', 'hiring'],
  };
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Card profile={profile} idPrefix="t" note={api} />, root));
  const card = root.querySelector('article') as HTMLElement;
  const key = (target: Element, key: string, init: KeyboardEventInit = {}) =>
    act(() => {
      target.dispatchEvent(userKey(key, init));
    });
  const type = (selector: string, value: string) =>
    act(() => {
      const field = root.querySelector(selector) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const rerender = (next: Profile) =>
    act(() => render(<Card profile={next} idPrefix="t" note={api} />, root));
  return { root, card, calls, key, type, rerender };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the note on the card', () => {
  it('shows the note under the person’s text, marked as the user’s', () => {
    const { root } = mount(
      person('a', {
        mine: { note: 'Owes me the link', tags: ['kubecon'], contacted: '2026-05-31' },
      }),
    );
    const note = root.querySelector('.pc-note') as HTMLElement;
    expect(note.textContent).toContain('Your note');
    expect(note.textContent).toContain('Owes me the link');
    expect(note.textContent).toContain('#kubecon');
    expect(note.textContent).toMatch(/Last contacted .*2026/);
    // After the bio: the person's own text comes first.
    const bio = root.querySelector('.pc-bio-wrap') as HTMLElement;
    expect(bio.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('a card that cannot save shows no control, and nothing without a note', () => {
    const root = document.createElement('div');
    act(() => render(<Card profile={person('a')} idPrefix="t" />, root));
    expect(root.querySelector('.pc-note')).toBeNull();
  });

  it('N pressed in the frame the card appeared in still opens the editor', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const api: NoteApi = {
      shortcut: 'card',
      save: async (mine) => ({ ok: true, mine: mine ?? null }),
    };
    // Synchronous render, no act(): layout effects have run, passive ones (after paint) not yet.
    render(<Card profile={person('a')} idPrefix="t" note={api} />, root);
    const card = root.querySelector('article') as HTMLElement;
    card.dispatchEvent(userKey('n'));
    await flush();
    expect(root.querySelector('textarea')).not.toBeNull();
  });

  it('an N a script dispatched opens nothing; the same N from the user does', () => {
    const { root, card, key } = mount(person('a'));
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
      const untrusted = new KeyboardEvent('keydown', { key: 'N', bubbles: true });
      Object.defineProperty(untrusted, 'isTrusted', { value: false });
      card.dispatchEvent(untrusted);
    });
    expect(root.querySelector('textarea')).toBeNull();
    key(card, 'n');
    expect(root.querySelector('textarea')).not.toBeNull();
  });

  it('N opens the editor, Esc cancels writing nothing, Ctrl+Enter saves', async () => {
    const { root, card, calls, key, type } = mount(person('a'));
    key(card, 'n');
    const text = root.querySelector('textarea') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(text);
    // Typing N in the note is a letter, not the shortcut again.
    key(text, 'n');
    expect(root.querySelectorAll('textarea')).toHaveLength(1);
    key(text, 'Escape');
    expect(root.querySelector('textarea')).toBeNull();
    expect(calls).toEqual([]);

    key(card, 'n');
    type('textarea', 'Met at KubeCon');
    type('input[type=text]', '#KubeCon hiring');
    key(root.querySelector('textarea') as Element, 'Enter', { ctrlKey: true });
    await flush();
    expect(calls).toEqual([
      { mine: { note: 'Met at KubeCon', tags: ['kubecon', 'hiring'] }, seen: undefined },
    ]);
    expect(root.querySelector('textarea')).toBeNull();
    expect(root.querySelector('.pc-note-text')?.textContent).toBe('Met at KubeCon');
    expect(root.textContent).toContain('Note saved');
  });

  it('a note changed elsewhere: both shown, the user picks, then it saves over what they saw', async () => {
    const { root, card, calls, key, type } = mount(person('a', { mine: { note: 'old' } }), [
      { ok: false, theirs: { note: 'from the other tab' } },
    ]);
    key(card, 'n');
    type('textarea', 'mine');
    key(root.querySelector('textarea') as Element, 'Enter', { ctrlKey: true });
    await flush();
    const alert = root.querySelector('[role=alert]') as HTMLElement;
    expect(alert.textContent).toContain('changed in another tab');
    expect(alert.textContent).toContain('from the other tab');
    const mineButton = [...alert.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Save mine'),
    ) as HTMLButtonElement;
    act(() => mineButton.click());
    await flush();
    expect(calls).toEqual([
      { mine: { note: 'mine' }, seen: { note: 'old' } },
      { mine: { note: 'mine' }, seen: { note: 'from the other tab' } },
    ]);
    expect(root.querySelector('.pc-note-text')?.textContent).toBe('mine');
  });

  it('a change arriving while the editor is open is still the precondition it saw', async () => {
    const { root, card, calls, key, type, rerender } = mount(
      person('a', { mine: { note: 'old' } }),
      [{ ok: false, theirs: { note: 'from the other tab' } }],
    );
    key(card, 'n');
    type('textarea', 'mine');
    // The store's change feed redraws the card with the other tab's note meanwhile.
    rerender(person('a', { mine: { note: 'from the other tab' } }));
    expect((root.querySelector('textarea') as HTMLTextAreaElement).value).toBe('mine');
    key(root.querySelector('textarea') as Element, 'Enter', { ctrlKey: true });
    await flush();
    // Saved against what the editor opened on, so the store refuses it and both are shown.
    expect(calls).toEqual([{ mine: { note: 'mine' }, seen: { note: 'old' } }]);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('from the other tab');
  });

  it('says why a note was not saved', async () => {
    const { root, card, key, type } = mount(person('a'), [
      { ok: false, error: 'Not saved: too long' },
    ]);
    key(card, 'n');
    type('textarea', 'x');
    key(root.querySelector('textarea') as Element, 'Enter', { ctrlKey: true });
    await flush();
    expect(root.textContent).toContain('The note was not saved: Not saved: too long');
    // The draft is still there to fix.
    expect((root.querySelector('textarea') as HTMLTextAreaElement).value).toBe('x');
  });

  it('completes the tag being typed from the tags in use', () => {
    expect(tagCompletions('#kubecon #hi', ['kubecon', 'hiring', 'hidden'])).toEqual([
      '#kubecon #hiring ',
      '#kubecon #hidden ',
    ]);
    expect(tagCompletions('', ['kubecon'])).toEqual(['#kubecon ']);
  });
});
