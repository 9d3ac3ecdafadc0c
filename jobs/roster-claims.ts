/**
 * The stored people an edited or added person could clash with — one with
 * the same id, or one holding any of the same GitHub or LinkedIn handles —
 * found from the list's rows (./roster.ts) through an index from identity
 * key to row, built once per roster. The form then runs the import's own
 * checks (../formats/import.ts) against these few instead of against everyone, so
 * checking a form among 100,000 people costs what it does among 3, and no
 * page has to hold every profile. The profiles returned carry what those
 * checks read of an existing person: id, name, identities.
 */
import { type IdentityKey, profileKeys } from '../identity/keys';
import type { Profile } from '../people/schema';
import type { Roster } from './roster';

const indexes = new WeakMap<Roster, Map<IdentityKey, number[]>>();

/** `@login` and `in/slug` back into identities (identity/handles.ts writes them so). */
export function identitiesOfHandles(handles: readonly string[]): Profile['identities'] {
  return {
    github: handles.filter((handle) => handle.startsWith('@')).map((handle) => handle.slice(1)),
    linkedin: handles.filter((handle) => handle.startsWith('in/')).map((handle) => handle.slice(3)),
  };
}

function keyIndex(roster: Roster): Map<IdentityKey, number[]> {
  let index = indexes.get(roster);
  if (!index) {
    index = new Map();
    for (let row = 0; row < roster.userCount; row++) {
      for (const key of profileKeys(identitiesOfHandles(roster.handles(row)))) {
        const rows = index.get(key);
        if (rows) rows.push(row);
        else index.set(key, [row]);
      }
    }
    indexes.set(roster, index);
  }
  return index;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/** The user's row of `id`, found by halving (the user's rows are in id order). */
function userRow(roster: Roster, id: string): number | undefined {
  let low = 0;
  let high = roster.userCount - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = roster.id(middle);
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * The bundled people who own no handle now (people/claims.ts): those the
 * user hid, and those the user keeps someone under the id of.
 */
export function bundledOutOf(roster: Roster): string[] {
  const out: string[] = [];
  for (let row = roster.userCount; row < roster.size; row++) {
    const id = roster.id(row);
    if (roster.hidden(row) || userRow(roster, id) !== undefined) out.push(id);
  }
  return out;
}

/** The user's stored people (not `ownId`) that share `entry`'s id or any of its identities. */
export function claimantsOf(roster: Roster, entry: unknown, ownId?: string): Profile[] {
  const record = (entry ?? {}) as {
    id?: unknown;
    identities?: { github?: unknown; linkedin?: unknown };
  };
  const rows = new Set<number>();
  const keys = profileKeys({
    github: strings(record.identities?.github),
    linkedin: strings(record.identities?.linkedin),
  });
  const index = keyIndex(roster);
  for (const key of keys) for (const row of index.get(key) ?? []) rows.add(row);
  if (typeof record.id === 'string') {
    const row = userRow(roster, record.id);
    if (row !== undefined) rows.add(row);
  }
  return [...rows]
    .filter((row) => roster.id(row) !== ownId)
    .map((row) => ({
      id: roster.id(row),
      name: roster.name(row),
      projects: [],
      contact: {},
      identities: identitiesOfHandles(roster.handles(row)),
    }));
}
