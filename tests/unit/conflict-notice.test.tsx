/**
 * What the options page says when a change met another tab's: who, what
 * changed, and the two ways out — never a silent overwrite.
 */
import { render } from 'preact';
import {
  ConflictNotice,
  changedFields,
  type PendingConflict,
} from '../../components/parts/ConflictNotice';
import { recordOf } from '../../store/db';
import { person } from './fixtures';

function shown(pending: PendingConflict): { text: string; buttons: string[] } {
  const root = document.createElement('div');
  render(
    <ConflictNotice pending={pending} busy={false} onRetry={() => {}} onKeepTheirs={() => {}} />,
    root,
  );
  return {
    text: root.querySelector('p')?.textContent ?? '',
    buttons: [...root.querySelectorAll('button')].map((button) => button.textContent ?? ''),
  };
}

const base = person('ada', { name: 'Ada' });

describe('ConflictNotice', () => {
  it.each<[string, PendingConflict, string, string[]]>([
    [
      'an edit over an edit',
      {
        action: 'save',
        mine: { ...base, bio: 'mine' },
        base,
        conflict: { kind: 'changed', theirs: recordOf({ ...base, headline: 'theirs' }, 2) },
      },
      'Ada was changed in another tab (changed: headline). Nothing was written over it.',
      ['Save mine over theirs', 'Keep theirs'],
    ],
    [
      'a delete over an edit',
      {
        action: 'delete',
        mine: base,
        base,
        conflict: { kind: 'changed', theirs: recordOf({ ...base, name: 'Ada L.' }, 3) },
      },
      'Ada L. was changed in another tab (changed: name). Nothing was written over it.',
      ['Delete anyway', 'Keep theirs'],
    ],
    [
      'an add over an add',
      {
        action: 'add',
        mine: base,
        conflict: { kind: 'exists', theirs: recordOf({ ...base, name: 'Other Ada' }, 1) },
      },
      '"ada" was added in another tab (Other Ada) while you were typing. Nothing was written over it.',
      ['Replace theirs with mine', 'Keep theirs'],
    ],
    [
      'an edit of someone deleted',
      { action: 'save', mine: base, base, conflict: { kind: 'gone', id: 'ada' } },
      'Ada was deleted in another tab. Nothing was written over it.',
      ['Add mine back', 'Keep theirs'],
    ],
  ])('%s', (_label, pending, text, buttons) => {
    expect(shown(pending)).toEqual({ text, buttons });
  });

  it('lists changed fields in words', () => {
    expect(changedFields(base, { ...base, identities: { github: ['x'], linkedin: [] } })).toEqual([
      'handles',
    ]);
    expect(changedFields(base, base)).toEqual([]);
  });
});
