/**
 * The user's profiles in `storage.local`, defined once.
 *
 *   local:profiles          { profiles: Profile[], hidden: string[] }   (item version 1)
 *   local:profilesRevision  a number bumped by every write
 *
 * Both keys are written in one `storage.local.set` call
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-set),
 * so a write lands whole or not at all. The revision lets the background
 * notice a change with one tiny read instead of re-reading every profile.
 *
 * Every read is validated. A damaged value is never overwritten behind the
 * user's back: reads return what still validates plus a `damage` report, and
 * `writeStore` refuses to replace a damaged value unless told the user chose
 * to (the options page offers to download the raw value first).
 *
 * To change the shape: bump `version`, add a migration under `migrations`
 * (https://wxt.dev/storage#versioning-with-migrations), and a test for it.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { Profile } from './schema';
import { validateProfile } from './validate';

export interface Store {
  profiles: Profile[];
  /** Ids of bundled profiles the user hid. */
  hidden: string[];
}

export interface Damage {
  message: string;
  /** The stored value as it was, for the user to download. */
  raw: unknown;
}

export type StoreRead = { store: Store; damage?: Damage };

const EMPTY: Store = { profiles: [], hidden: [] };

export const profilesItem = storage.defineItem<unknown>('local:profiles', {
  fallback: EMPTY,
  version: 1,
  migrations: {},
});
export const revisionItem = storage.defineItem<number>('local:profilesRevision', { fallback: 0 });

const envelope = z.strictObject({
  profiles: z.array(z.unknown()),
  hidden: z.array(z.string().max(64)).max(1000),
});

/** Validates a stored value; pure, so tests can feed it anything. */
export function checkStore(raw: unknown): StoreRead {
  const shape = envelope.safeParse(raw);
  if (!shape.success) {
    return {
      store: EMPTY,
      damage: { message: 'The stored profiles are not in a shape this version understands.', raw },
    };
  }
  const profiles: Profile[] = [];
  const problems: string[] = [];
  shape.data.profiles.forEach((entry, index) => {
    const result = validateProfile(entry);
    if (result.ok) profiles.push(result.value);
    else problems.push(`profile ${index + 1}: ${result.errors[0]}`);
  });
  const store = { profiles, hidden: shape.data.hidden };
  if (problems.length === 0) return { store };
  return {
    store,
    damage: {
      message: `${problems.length} stored ${problems.length === 1 ? 'profile is' : 'profiles are'} damaged (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}).`,
      raw,
    },
  };
}

export async function readStore(): Promise<StoreRead> {
  return checkStore(await profilesItem.getValue());
}

export async function readRevision(): Promise<number> {
  const value = await revisionItem.getValue();
  return typeof value === 'number' ? value : 0;
}

export class DamagedStoreError extends Error {}

/**
 * Replaces the store in one write and returns the new revision. Every
 * profile is validated again first: nothing invalid is ever stored. Refuses to overwrite a damaged value unless
 * `replaceDamaged` says the user chose to.
 */
export async function writeStore(next: Store, { replaceDamaged = false } = {}): Promise<number> {
  const current = await readStore();
  if (current.damage && !replaceDamaged) {
    throw new DamagedStoreError(
      'Your stored profiles are damaged; download them or choose to replace them before saving.',
    );
  }
  for (const profile of next.profiles) {
    const result = validateProfile(profile);
    if (!result.ok) throw new Error(`Not saved: ${profile.id}: ${result.errors[0]}`);
  }
  const revision = (await readRevision()) + 1;
  await storage.setItems([
    { item: profilesItem, value: { profiles: next.profiles, hidden: next.hidden } },
    { item: revisionItem, value: revision },
  ]);
  return revision;
}
