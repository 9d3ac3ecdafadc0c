/**
 * Handles that a subscribed directory's person shares with someone the user
 * keeps (or a bundled person): cards show the user's (people/precedence.ts
 * rule 4), and the options page lists each clash so it is never silent.
 * Takes the database, so the options page's worker (../jobs/jobs.ts `scan`) can
 * look while it reads everyone, without the page holding 100,000 profiles.
 */
import { type IdentityKey, profileKeys } from '../identity/keys';
import type { Profile } from '../people/schema';
import type { Db } from './db';

/** A handle that a directory's person has, and someone the user keeps (or a bundled person) too. */
export interface DirectoryClash {
  key: IdentityKey;
  /** Who cards show: yours or bundled. */
  shown: { id: string; name: string };
  /**
   * Who they do not: the directory's people (`dir` is their directory's id;
   * `book` when the directory is an address book, whose contacts the user can
   * link to theirs). A contact the user linked to `shown` is no clash: the
   * two show as one (../people/precedence.ts rule 5), and are not listed.
   */
  hidden: {
    id: string;
    name: string;
    directory: string;
    dir: string;
    book?: boolean;
  }[];
}

/**
 * Every handle of `people` (the user's, and the visible bundled ones) that
 * a directory's person also has: one index read per handle, all in one
 * transaction. At most `limit` are listed.
 */
export async function findDirectoryClashes(
  db: Db,
  people: readonly Profile[],
  limit = 200,
): Promise<DirectoryClash[]> {
  const tx = db.transaction(['directories', 'directoryPeople']);
  const directories = new Map(
    (await tx.objectStore('directories').getAll()).map((directory) => [directory.id, directory]),
  );
  if (directories.size === 0) return [];
  const index = tx.objectStore('directoryPeople').index('keys');
  const asked = people.flatMap((profile) =>
    [...new Set(profileKeys(profile.identities))].map((key) => ({ key, profile })),
  );
  const found = await Promise.all(asked.map(({ key }) => index.getAll(key)));
  const clashes: DirectoryClash[] = [];
  found.forEach((records, at) => {
    const { key, profile } = asked[at] as (typeof asked)[number];
    const hidden = records.flatMap((record) => {
      const directory = directories.get(record.dir);
      return directory &&
        directory.gen === record.gen &&
        directory.links?.[profile.id] !== record.id
        ? [
            {
              id: record.id,
              name: record.profile.name,
              directory: directory.name,
              dir: directory.id,
              ...('carddav' in directory && { book: true }),
            },
          ]
        : [];
    });
    if (hidden.length > 0 && clashes.length < limit)
      clashes.push({ key, shown: { id: profile.id, name: profile.name }, hidden });
  });
  return clashes;
}
