/**
 * Entries as `storage.sync` items, and back. One item per person,
 * `p:<id>` → `{ x: [versions] }` with each person in compact form
 * (./compact.ts); a person too big for one item (8 KB) becomes a head
 * `p:<id>` → `{ h: hash, n: count }` and `n` string chunks
 * `p:<id>:<hash>:<i>`. The hash in the chunk keys means a head never pairs
 * with another write's chunks: chunks that arrive before their head, or a
 * head before its chunks, read as "not complete yet", never as a person.
 *
 *   fmt      1: the format; a newer one is read as "update the extension"
 *   set      the settings and hidden bundled people (./settings.ts)
 *   p:<id>   a person
 *
 * Reading is the edge where another browser's data (or anything else that
 * wrote into sync) comes in: every item is checked with zod, every person
 * with the profile schema; an item that fails is reported with its key and
 * the reason, and skipped.
 */

import { z } from 'zod';
import { t } from '../i18n/t';
import { lazy } from '../people/lazy-schema';
import { profileId } from '../people/schema';
import { validateProfile } from '../people/validate';
import { splitByBytes } from '../text/pieces';
import { type Compact, compact, expand } from './compact';
import { canonicalJson, compareVersions, type Entry, type Version } from './entry';
import { itemBytes, QUOTA_BYTES_PER_ITEM } from './quota';

export const FORMAT = 1;
export const FORMAT_KEY = 'fmt';
export const SETTINGS_KEY = 'set';
export const personKey = (id: string) => `p:${id}`;

const HEAD = /^p:([a-z0-9][a-z0-9-]{0,63})$/;
const CHUNK = /^p:([a-z0-9][a-z0-9-]{0,63}):([a-z0-9]{1,13}):(\d{1,3})$/;

export const DEVICE = /^[a-z0-9]{4,16}$/;
// Built on first use (people/lazy-schema.ts).
const device = lazy(() => z.string().regex(DEVICE));
const count = lazy(() => z.number().int().min(1).max(Number.MAX_SAFE_INTEGER));
const short = (max: number) => z.string().max(max);
const row = lazy(() => z.array(z.union([short(2048), z.literal(0)])).max(4));
const compactSchema = lazy(
  (): z.ZodType<Compact> =>
    z.strictObject({
      n: short(200),
      h: short(400).optional(),
      b: short(3000).optional(),
      o: short(200).optional(),
      i: z.array(short(600)).max(8).optional(),
      j: z.array(row()).max(40).optional(),
      e: short(254).optional(),
      w: short(2048).optional(),
      k: z
        .array(z.tuple([short(100), short(2048)]))
        .max(12)
        .optional(),
      g: z.array(short(39)).max(16).optional(),
      l: z.array(short(100)).max(16).optional(),
      m: z
        .strictObject({
          n: short(2000).optional(),
          t: z.array(short(40)).max(24).optional(),
          d: short(10).optional(),
        })
        .optional(),
    }) as z.ZodType<Compact>,
);
const versionSchema = lazy(() =>
  z
    .strictObject({
      v: z.record(device(), count()),
      c: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      d: device(),
      p: compactSchema().optional(),
    })
    .refine((version) => (version.v[version.d] ?? 0) >= 1, {
      error: () => t('synci_writer_missing'),
    })
    .refine((version) => Object.keys(version.v).length <= 64, {
      error: () => t('synci_too_many_devices'),
    }),
);
const inlineSchema = lazy(() => z.strictObject({ x: z.array(versionSchema()).min(1).max(16) }));
const headSchema = lazy(() =>
  z.strictObject({
    h: z.string().regex(/^[a-z0-9]{1,13}$/),
    n: z.number().int().min(2).max(64),
  }),
);

/** FNV-1a, 32 bits, base 36: tells one write's chunks from another's (not a security check). */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

const inlineOf = (entry: Entry) => ({
  x: entry.versions.map((version) => ({
    v: version.v,
    c: version.c,
    d: version.d,
    ...(version.p && { p: compact(version.p) }),
  })),
});

/** The bytes a character costs inside a JSON string. */
const costOf = (character: string) =>
  new TextEncoder().encode(JSON.stringify(character)).length - 2;

/** Splits `text` into pieces that each fit an item under `key(i)`, never inside a character. */
const split = (text: string, key: (index: number) => string): string[] =>
  splitByBytes(
    text,
    (index) => QUOTA_BYTES_PER_ITEM - new TextEncoder().encode(key(index)).length - 2,
    costOf,
  );

/** The items that hold one person's entry: one, or a head and its chunks. */
export function encodeEntry(id: string, entry: Entry): Record<string, unknown> {
  const key = personKey(id);
  const inline = inlineOf(entry);
  if (itemBytes(key, inline) <= QUOTA_BYTES_PER_ITEM) return { [key]: inline };
  const text = JSON.stringify(inline);
  const h = hashText(text);
  const pieces = split(text, (index) => `${key}:${h}:${index}`);
  return {
    [key]: { h, n: pieces.length },
    ...Object.fromEntries(pieces.map((piece, index) => [`${key}:${h}:${index}`, piece])),
  };
}

export type RemotePerson =
  | { kind: 'entry'; entry: Entry; keys: string[]; bytes: number }
  | { kind: 'unreadable'; problem: string; keys: string[]; bytes: number }
  | { kind: 'incomplete'; keys: string[]; bytes: number };

export interface RemoteState {
  /** The format item's value (undefined: none yet). */
  format: unknown;
  settings: unknown;
  people: Map<string, RemotePerson>;
  /** Items that are no part of any format this version knows, with why. */
  stray: { key: string; problem: string }[];
  /** All items, bytes and count, as the quotas count them. */
  bytes: number;
  items: number;
}

const firstProblem = (error: z.ZodError) => {
  const [issue] = error.issues;
  return issue
    ? `${issue.path.join('.') || t('synci_the_item')}: ${issue.message}`
    : t('synci_not_readable');
};

function readVersions(id: string, value: unknown): { entry: Entry } | { problem: string } {
  const parsed = inlineSchema().safeParse(value);
  if (!parsed.success) return { problem: firstProblem(parsed.error) };
  const versions: Version[] = [];
  for (const raw of parsed.data.x) {
    const version: Version = { v: raw.v, c: raw.c, d: raw.d };
    if (raw.p) {
      const checked = validateProfile(expand(id, raw.p as Compact));
      if (!checked.ok) return { problem: checked.errors[0] ?? t('synci_not_person') };
      const { $schema: _hint, ...profile } = checked.value;
      version.p = profile;
    }
    versions.push(version);
  }
  return { entry: { versions: versions.sort(compareVersions) } };
}

/** Everything in `storage.sync`, read and checked. */
export function decodeItems(all: Record<string, unknown>): RemoteState {
  const state: RemoteState = {
    format: all[FORMAT_KEY],
    settings: all[SETTINGS_KEY],
    people: new Map(),
    stray: [],
    bytes: 0,
    items: 0,
  };
  const chunks = new Map<string, string[]>();
  for (const [key, value] of Object.entries(all)) {
    state.bytes += itemBytes(key, value);
    state.items += 1;
    if (key === FORMAT_KEY || key === SETTINGS_KEY || HEAD.test(key)) continue;
    const chunk = CHUNK.exec(key);
    if (chunk) {
      const list = chunks.get(chunk[1] as string) ?? [];
      list.push(key);
      chunks.set(chunk[1] as string, list);
    } else state.stray.push({ key, problem: t('synci_stray') });
  }
  for (const [key, value] of Object.entries(all)) {
    const head = HEAD.exec(key);
    if (!head) continue;
    const id = head[1] as string;
    const own = chunks.get(id) ?? [];
    chunks.delete(id);
    const bytes = [key, ...own].reduce((sum, item) => sum + itemBytes(item, all[item]), 0);
    const keys = [key, ...own];
    if (!profileId().safeParse(id).success) {
      state.people.set(id, { kind: 'unreadable', problem: t('synci_not_id'), keys, bytes });
      continue;
    }
    let inline: unknown = value;
    const chunked = headSchema().safeParse(value);
    if (chunked.success) {
      const parts: string[] = [];
      for (let index = 0; index < chunked.data.n; index++) {
        const part = all[`${key}:${chunked.data.h}:${index}`];
        if (typeof part === 'string') parts.push(part);
      }
      const text = parts.join('');
      if (parts.length < chunked.data.n || hashText(text) !== chunked.data.h) {
        state.people.set(id, { kind: 'incomplete', keys, bytes });
        continue;
      }
      try {
        inline = JSON.parse(text);
      } catch {
        state.people.set(id, {
          kind: 'unreadable',
          problem: t('synci_parts_not_json'),
          keys,
          bytes,
        });
        continue;
      }
    }
    const read = readVersions(id, inline);
    state.people.set(
      id,
      'entry' in read
        ? { kind: 'entry', entry: read.entry, keys, bytes }
        : { kind: 'unreadable', problem: read.problem, keys, bytes },
    );
  }
  // Chunks whose head has not arrived: a write still on its way.
  for (const [id, keys] of chunks) {
    const bytes = keys.reduce((sum, item) => sum + itemBytes(item, all[item]), 0);
    if (!state.people.has(id)) state.people.set(id, { kind: 'incomplete', keys, bytes });
  }
  return state;
}

/** What `encodeEntry` would cost. */
export function entryBytes(id: string, entry: Entry): { bytes: number; items: number } {
  const items = encodeEntry(id, entry);
  return {
    bytes: Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0),
    items: Object.keys(items).length,
  };
}

/** Two entries say the same thing (as items: the same versions, the same people). */
export const sameEntry = (a: Entry, b: Entry) =>
  JSON.stringify(canonicalInline(a)) === JSON.stringify(canonicalInline(b));
const canonicalInline = (entry: Entry) => JSON.parse(canonicalJson(inlineOf(entry)));
