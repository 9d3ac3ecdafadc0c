/**
 * A backup too large for one preview is previewed in slices
 * (formats/import-backup.ts) with who is known built once and grown by each
 * slice (issue 28); its verdict must be the one the same people give in a
 * file small enough for one preview: the same added, updated, unchanged and
 * refused, against people already kept, across slice boundaries.
 */
import { exportDocument } from '../../formats/export';
import { MAX_IMPORT_BYTES } from '../../formats/import';
import { previewFile } from '../../formats/import-backup';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import { person } from './fixtures';

/** The file's people; `pad` makes each bio long, so that many make a big file. */
function people(count: number, pad: number): { existing: Profile[]; file: Profile[] } {
  const bio = (id: string) => `Bio of ${id}${'x'.repeat(pad)}`;
  const kept = (id: string, overrides: Partial<Profile> = {}) =>
    person(id, { bio: bio(id), ...overrides });
  const existing = [
    kept('k-changed', { identities: { github: ['old-handle', 'kept-both'], linkedin: [] } }),
    kept('k-same'),
    kept('k-mine', { mine: { tags: ['friend'] } }),
  ];
  const file: Profile[] = [
    // An update that drops a handle, early; an unchanged person; one whose tags stay.
    kept('k-changed', { name: 'Changed', identities: { github: ['kept-both'], linkedin: [] } }),
    kept('k-same'),
    kept('k-mine'),
  ];
  for (let index = 0; index < count; index++)
    file.push(
      kept(`n${index}`, {
        // Some not ASCII: their bytes are not their characters.
        ...(index % 1000 === 0 && { name: `Jürgen Groß ${index}` }),
        identities: { github: [`h${index}`], linkedin: [] },
      }),
    );
  file.push(
    // Late: handles owned by a kept person, by an updated one (the dropped
    // one and the kept one), and by someone new from the first slice.
    kept('late-a', { identities: { github: ['gh-k-same'], linkedin: [] } }),
    kept('late-b', { identities: { github: ['old-handle'], linkedin: [] } }),
    kept('late-c', { identities: { github: ['kept-both'], linkedin: [] } }),
    kept('late-d', { identities: { github: ['h1'], linkedin: [] } }),
    // An id used earlier in the file, and a bundled person's id.
    kept('n2', { name: 'Again' }),
    kept(bundledProfiles[0]?.id ?? 'spacejam'),
    kept('late-ok'),
  );
  return { existing, file };
}

function verdict(count: number, pad: number) {
  const { existing, file } = people(count, pad);
  const text = exportDocument(file);
  const result = previewFile('backup.json', text, { existing, bundled: bundledProfiles });
  if (!result.ok) throw new Error(result.error);
  const { added, updated, unchanged, rejected } = result.preview;
  return {
    bytes: new TextEncoder().encode(text).length,
    added: added.map((profile) => profile.id),
    updated: updated.map(({ before, after }) => [before.name, after.name]),
    unchanged: unchanged.map((profile) => [profile.id, profile.mine]),
    rejected: rejected.map((entry) => [entry.index, entry.errors]),
  };
}

it('gives a sliced backup the verdict of one preview of the same people', () => {
  const count = 12_000;
  const small = verdict(count, 0);
  const big = verdict(count, 1000);
  // The big one is previewed in several slices, the small one in one.
  expect(small.bytes).toBeLessThan(MAX_IMPORT_BYTES);
  expect(big.bytes).toBeGreaterThan(MAX_IMPORT_BYTES * 2);
  expect(big.added).toEqual(small.added);
  expect(big.updated).toEqual(small.updated);
  expect(big.unchanged).toEqual(small.unchanged);
  expect(big.rejected).toEqual(small.rejected);
  // What the verdict is: the late claims and reused ids refused, the rest kept.
  expect(small.updated).toEqual([['Person k-changed', 'Changed']]);
  expect(small.unchanged).toEqual([
    ['k-same', undefined],
    ['k-mine', { tags: ['friend'] }],
  ]);
  expect(small.rejected.map(([index]) => index)).toEqual([
    count + 4,
    count + 5,
    count + 6,
    count + 7,
    count + 8,
    count + 9,
  ]);
  expect(small.added).toContain('late-ok');
}, 60_000);
