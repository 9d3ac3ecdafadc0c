/**
 * The user's own memory of a person (issue 26): a private note, tags and the
 * day they last spoke, kept in `profile.mine` (schema.ts `mineSchema`).
 *
 *   editor text ──parseTags / cleanMine──▶ Mine ──store.saveMine(id, mine, expect)──▶ IndexedDB
 *                                                   one transaction, preconditioned
 *   bundled data, a directory's people ──withoutMine──▶ never carry a note
 *
 * A note lives with the person in the user's store, so it travels where the
 * person does on the user's own say (JSON backup, vCard export, browser sync)
 * and nowhere else: no directory is ever sent anything, and a directory or
 * bundled file that claims to hold "your note" about someone is not believed.
 */
import { canonicalJson } from './canonical-json';
import { LIMITS } from './limits';
import type { Mine, Profile } from './schema';

/** `#Team Storage` → `team-storage`; undefined when nothing is left. */
export function normaliseTag(raw: string): string | undefined {
  const tag = raw
    .normalize('NFC')
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(/\s+/gu, '-')
    .replace(/[^\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}_-]/gu, '')
    .replace(/^[-\p{M}]+/u, '')
    .slice(0, LIMITS.tag);
  return tag === '' ? undefined : tag;
}

/** Tags as typed (`#kubecon, hiring #team-storage`): normalised, each once, in order. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(/[\s,;]+/u)) {
    const tag = normaliseTag(part);
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags.slice(0, LIMITS.tags);
}

/** Tags for an input field: `#kubecon #hiring`. */
export const tagsText = (tags: readonly string[] | undefined) =>
  (tags ?? []).map((tag) => `#${tag}`).join(' ');

/** Drops empty fields; undefined when nothing is left to remember. */
export function cleanMine(mine: Mine | undefined): Mine | undefined {
  if (!mine) return undefined;
  const out: Mine = {};
  const note = mine.note?.replace(/\r\n?/g, '\n').trim();
  if (note) out.note = note;
  if (mine.tags && mine.tags.length > 0) out.tags = [...mine.tags];
  if (mine.contacted) out.contacted = mine.contacted;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Same memory, whatever the key order or an empty field. */
export const sameMine = (a: Mine | undefined, b: Mine | undefined) =>
  canonicalJson(cleanMine(a) ?? null) === canonicalJson(cleanMine(b) ?? null);

/** `profile` with `mine` as its memory (none: the field is gone). */
export function withMine(profile: Profile, mine: Mine | undefined): Profile {
  const { mine: _old, ...rest } = profile;
  const clean = cleanMine(mine);
  return clean ? { ...rest, mine: clean } : rest;
}

/** What bundled data and directories may hold: never a note of the user's. */
export function withoutMine<T extends Profile>(profile: T): T {
  if (!('mine' in profile)) return profile;
  const { mine: _mine, ...rest } = profile;
  return rest as T;
}

/** The words search matches: the note, and every tag as `#tag` and `tag`. */
export function mineSearchText(mine: Mine | undefined): string {
  if (!mine) return '';
  return [mine.note ?? '', ...(mine.tags ?? []).map((tag) => `#${tag}`)].join(' ');
}

/** Does the query (`#hiring`, or a word) name one of `tags`? `#hir` matches a tag's start. */
export function matchesTag(tags: readonly string[] | undefined, query: string): boolean {
  const wanted = normaliseTag(query);
  return !!wanted && (tags ?? []).some((tag) => tag.startsWith(wanted));
}

/** Today in the user's time zone, as the date input wants it. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Every tag the user has used, most used first, for autocomplete. */
export function knownTags(people: readonly Pick<Profile, 'mine'>[]): string[] {
  const counts = new Map<string, number>();
  for (const person of people)
    for (const tag of person.mine?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag);
}
