/** Small builders shared by unit tests. */
import type { Profile } from '../../people/schema';
import {
  chunkOfRows,
  type PersonRow,
  rowsOfStored,
  type StoredRows,
} from '../../store/people-rows';

export function person(id: string, overrides: Partial<Profile> = {}): Profile {
  return {
    id,
    name: `Person ${id}`,
    headline: 'Engineer',
    bio: 'Builds things.',
    projects: [],
    contact: {},
    identities: { github: [`gh-${id}`], linkedin: [] },
    ...overrides,
  };
}

/**
 * The lists' summary as columns (what each row says, in order), for
 * comparing what was read with what the records say, whatever its chunks.
 */
export function rowsTable(stored: StoredRows) {
  const rows = rowsOfStored(stored);
  return {
    rev: stored.rev,
    ids: rows.map((row) => row.id),
    revs: rows.map((row) => row.rev),
    names: rows.map((row) => row.name),
    headlines: rows.map((row) => row.headline),
    handles: rows.map((row) => row.handles.join('\n')),
    texts: rows.map((row) => row.text),
    hidden: stored.hidden,
  };
}

/** A summary holding `rows` as read, in chunks of at most `size` rows. */
export function storedOf(rows: PersonRow[], rev: number, hidden: string[] = [], size = 2000) {
  const chunks = [];
  for (let from = 0; from < rows.length; from += size)
    chunks.push(chunkOfRows(rows.slice(from, from + size)));
  return { rev, chunks, hidden } satisfies StoredRows;
}
