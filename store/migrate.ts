/**
 * Moving an earlier version's people into the database, once, in one go.
 *
 * Up to 0.1.0 the user's profiles were one `storage.local` value:
 *
 *   profiles          { profiles: Profile[], hidden: string[] }
 *   profiles$         { v: 1 }   WXT's item metadata (https://wxt.dev/storage#versioning-with-migrations)
 *   profilesRevision  a number
 *
 * The move: read those keys; refuse data from a newer version (`v` > 1) with
 * a warning; validate every profile (the edge: the schema, once); write all
 * of them in ONE transaction (adding what is absent, leaving what is already
 * there with the same content, refusing when an id holds something else);
 * read them back and compare count and content; only then remove the old
 * keys, and only if they still hold what was moved. Any failure leaves the
 * old value exactly as it was and says why. Two contexts moving at once
 * (the background and an options tab) is safe: the second finds the same
 * content already stored.
 *
 * WXT's own migration runner is not used: it builds an array as long as the
 * version gap, so a stored `v` of -100,000,000 froze every page that read
 * the item.
 */

import { browser } from 'wxt/browser';
import { z } from 'zod';
import { t, tn } from '../i18n/t';
import { lazy } from '../people/lazy-schema';
import type { Profile } from '../people/schema';
import { validateProfile } from '../people/validate';
import { announcePeopleChange } from './change-feed';
import { nextRev, openPeopleDb, recordOf } from './db';
import { plainStorageError } from './storage-errors';

export const LEGACY_KEYS = ['profiles', 'profiles$', 'profilesRevision'] as const;

export type MigrationOutcome =
  | { kind: 'none' }
  | { kind: 'moved'; count: number }
  /** Written by a newer version: left alone, writes blocked. */
  | { kind: 'future'; version: number; message: string }
  /** Some of it does not validate: left alone until the user decides. */
  | { kind: 'damaged'; message: string; raw: unknown; readable: number }
  /** The move itself failed (a clash, the disk): left alone; `raw` is the old value, if read. */
  | { kind: 'failed'; message: string; raw?: unknown };

export const isBlocking = (
  outcome: MigrationOutcome,
): outcome is Extract<MigrationOutcome, { message: string }> => 'message' in outcome;

/** 0.1.0's stored value around the people (built on first use: people/lazy-schema.ts). */
const envelope = lazy(() =>
  z.strictObject({
    profiles: z.array(z.unknown()),
    hidden: z.array(z.string().max(64)).max(1000),
  }),
);

export interface LegacyRead {
  profiles: Profile[];
  hidden: string[];
  damage?: string;
}

/** Validates the old value; pure, so tests can feed it anything. */
export function readLegacy(raw: unknown): LegacyRead {
  const shape = envelope().safeParse(raw);
  if (!shape.success) {
    return {
      profiles: [],
      hidden: [],
      damage: t('mig_bad_shape'),
    };
  }
  const profiles: Profile[] = [];
  const problems: string[] = [];
  shape.data.profiles.forEach((entry, index) => {
    const result = validateProfile(entry);
    if (result.ok) {
      const { $schema: _hint, ...profile } = result.value;
      profiles.push(profile);
    } else problems.push(t('mig_entry', String(index + 1), result.errors[0] ?? ''));
  });
  const read: LegacyRead = { profiles, hidden: shape.data.hidden };
  if (problems.length > 0) {
    read.damage = tn(
      'mig_damaged',
      problems.length,
      `${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`,
    );
  }
  return read;
}

/** Key order does not make two profiles different. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

const HIDDEN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

async function moveOnce(skipDamaged: boolean): Promise<MigrationOutcome> {
  const stored = await browser.storage.local.get([...LEGACY_KEYS]);
  if (stored.profiles === undefined) {
    if (stored.profiles$ !== undefined || stored.profilesRevision !== undefined)
      await browser.storage.local.remove(['profiles$', 'profilesRevision']);
    return { kind: 'none' };
  }
  const version = (stored.profiles$ as { v?: unknown } | undefined)?.v;
  if (typeof version === 'number' && version > 1) {
    return {
      kind: 'future',
      version,
      message: t('mig_newer', String(version)),
    };
  }
  const legacy = readLegacy(stored.profiles);
  if (legacy.damage && !skipDamaged) {
    return {
      kind: 'damaged',
      message: legacy.damage,
      raw: stored.profiles,
      readable: legacy.profiles.length,
    };
  }

  const db = await openPeopleDb();
  const seen = new Set<string>();
  try {
    const tx = db.transaction(['people', 'hidden', 'meta'], 'readwrite');
    const people = tx.objectStore('people');
    for (const profile of legacy.profiles) {
      if (seen.has(profile.id)) continue; // the old store let a duplicate id through; the first won
      seen.add(profile.id);
      const existing = await people.get(profile.id);
      if (!existing) await people.add(recordOf(profile, 1));
      else if (canonical(existing.profile) !== canonical(profile)) {
        tx.abort();
        await tx.done.catch(() => undefined);
        return {
          kind: 'failed',
          message: t('mig_clash', profile.id),
          raw: stored.profiles,
        };
      }
    }
    for (const id of legacy.hidden)
      if (HIDDEN_ID.test(id)) await tx.objectStore('hidden').put({ id });
    const meta = tx.objectStore('meta');
    await meta.put(nextRev((await meta.get('rev')) ?? 0), 'rev');
    await tx.done;

    // Verify by count and content before the old value goes.
    const check = db.transaction(['people', 'hidden']);
    const count = await check.objectStore('people').count();
    const moved = new Map<string, Profile>();
    for (const profile of legacy.profiles)
      if (!moved.has(profile.id)) moved.set(profile.id, profile);
    for (const [id, profile] of moved) {
      const record = await check.objectStore('people').get(id);
      if (!record || canonical(record.profile) !== canonical(profile))
        throw new Error(t('migrate_differs', id));
    }
    for (const id of legacy.hidden)
      if (HIDDEN_ID.test(id) && (await check.objectStore('hidden').getKey(id)) === undefined)
        throw new Error(t('migrate_hidden_missing', id));
    if (count < seen.size) throw new Error(t('migrate_count', count, seen.size));
    await check.done;
  } catch (error) {
    return {
      kind: 'failed',
      message: t('mig_failed', plainStorageError(error).message),
      raw: stored.profiles,
    };
  }

  // Remove the old keys only if they still hold what was moved.
  const again = await browser.storage.local.get(['profiles']);
  if (canonical(again.profiles) === canonical(stored.profiles))
    await browser.storage.local.remove([...LEGACY_KEYS]);
  await announcePeopleChange();
  return { kind: 'moved', count: seen.size };
}

let moving: Promise<MigrationOutcome> | undefined;

/**
 * Moves legacy data if there is any (one move at a time per context; a new
 * call after one finished checks again). `skipDamaged`: the user chose to
 * keep only the readable profiles, after being offered the raw value.
 */
export function ensureMigrated({ skipDamaged = false } = {}): Promise<MigrationOutcome> {
  if (skipDamaged) return moveOnce(true);
  if (!moving) {
    moving = moveOnce(false).finally(() => {
      moving = undefined;
    });
  }
  return moving;
}

/**
 * The user chose to keep only what the database holds, after being offered
 * the old value to download: removes the old keys, if they still hold
 * `raw` (what the user was shown).
 */
export async function discardLegacy(raw: unknown): Promise<boolean> {
  const stored = await browser.storage.local.get(['profiles']);
  if (canonical(stored.profiles) !== canonical(raw)) return false;
  await browser.storage.local.remove([...LEGACY_KEYS]);
  return true;
}
