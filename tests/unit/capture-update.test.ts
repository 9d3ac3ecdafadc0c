/** "Update from page" (capture/update.ts): someone kept, a fresh draft, and what would change. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CaptureResult, capturePerson } from '../../capture';
import { updateFromDraft } from '../../capture/update';
import type { Profile } from '../../people/schema';

const dir = join(import.meta.dirname, 'fixtures/capture');
const capture = (file: string, url: string) => {
  const result: CaptureResult = capturePerson(
    new DOMParser().parseFromString(readFileSync(join(dir, file), 'utf8'), 'text/html'),
    url,
  );
  if (!result.ok) throw new Error(result.message);
  return result;
};
const fromLinkedin = capture(
  'linkedin-signed-out.html',
  'https://hr.linkedin.com/in/mira-kova%C4%8Devi%C4%87-4821',
);
const fromGithub = capture('github-profile.html', 'https://github.com/mirak');

describe('updateFromDraft', () => {
  const kept: Profile = { ...fromLinkedin.draft, id: 'mira', highlights: ['Kept by hand'] };
  const update = updateFromDraft(kept, fromGithub.draft, fromGithub.notes);
  if (!update.ok) throw new Error(update.message);

  it('adds what the page shows, keeps the id, highlights and identities', () => {
    expect(update.after).toMatchObject({
      id: 'mira',
      highlights: ['Kept by hand'],
      identities: { github: ['mirak'], linkedin: ['mira-kovačević-4821'] },
      contact: { email: 'mira@kovacevic.example', website: 'https://kovacevic.example/' },
    });
    expect(update.after.projects).toHaveLength(4);
  });

  it('never lets a filled-in value overwrite what was stored', () => {
    // The GitHub draft's headline is only its bio's first sentence, noted as filled.
    expect(fromGithub.notes.map((note) => note.field)).toContain('headline');
    expect(update.after.headline).toBe('Distributed systems engineer at Ferrous Labs');
    // Positive control: without the notes, the page's value would win.
    const blind = updateFromDraft(kept, fromGithub.draft);
    expect(blind.ok && blind.after.headline).toBe(
      'Distributed systems, storage engines, and the occasional compiler.',
    );
  });

  it('lists each changed field with its before and after', () => {
    expect(update.changes.map((change) => change.field)).toEqual([
      'bio',
      'location',
      'contact.email',
      'contact.website',
      'contact.links',
      'identities.github',
      'projects',
    ]);
    expect(update.changes.find((change) => change.field === 'location')).toEqual({
      field: 'location',
      before: 'Zagreb',
      after: 'Zagreb, Croatia',
    });
  });

  it('changes nothing when the page says what is stored', () => {
    const again = updateFromDraft(update.after, fromGithub.draft, fromGithub.notes);
    expect(again).toEqual({ ok: true, after: update.after, changes: [] });
  });

  it("takes a known project's new description from the page, and keeps the user's projects", () => {
    const mine: Profile = {
      ...kept,
      projects: [
        { name: 'tidewater', description: 'Old words', repo: 'mirak/tidewater' },
        { name: 'Side thing', description: 'Not on GitHub' },
      ],
    };
    const result = updateFromDraft(mine, fromGithub.draft, fromGithub.notes);
    if (!result.ok) throw new Error(result.message);
    expect(result.after.projects.map((project) => [project.name, project.description])).toEqual([
      ['tidewater', 'A log-structured storage engine with crash-consistent snapshots.'],
      ['Side thing', 'Not on GitHub'],
      ['sable', 'Raft, but boring on purpose.'],
      ['crdt-playground', undefined],
      ['fsync-notes.md', 'What fsync does and does not promise, per file system.'],
    ]);
  });

  it("keeps a project's description when the page shows none (issue 24)", () => {
    const mine: Profile = {
      ...kept,
      projects: [
        { name: 'crdt-playground', description: 'Learning CRDTs', repo: 'mirak/crdt-playground' },
      ],
    };
    const result = updateFromDraft(mine, fromGithub.draft, fromGithub.notes);
    if (!result.ok) throw new Error(result.message);
    expect(result.after.projects[0]?.description).toBe('Learning CRDTs');
    // Positive control: a page that shows one gives it.
    const tide: Profile = {
      ...kept,
      projects: [{ name: 'tidewater', description: 'Old words', repo: 'mirak/tidewater' }],
    };
    const taken = updateFromDraft(tide, fromGithub.draft, fromGithub.notes);
    expect(taken.ok && taken.after.projects[0]?.description).toBe(
      'A log-structured storage engine with crash-consistent snapshots.',
    );
  });

  it('keeps the stored name when the page spells it with look-alike letters', () => {
    const lookalike = { ...fromGithub.draft, name: 'Mіra Kovačević' }; // Cyrillic і
    const result = updateFromDraft(kept, lookalike, fromGithub.notes);
    if (!result.ok) throw new Error(result.message);
    expect(result.after.name).toBe('Mira Kovačević');
    expect(result.changes.map((change) => change.field)).not.toContain('name');
    // Positive control: a name that reads differently is the page's to give.
    const renamed = updateFromDraft(kept, { ...fromGithub.draft, name: 'Mira K.' });
    expect(renamed.ok && renamed.after.name).toBe('Mira K.');
  });
});
