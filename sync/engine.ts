/**
 * Browser sync, carried out: the background runs a pass (./reconcile.ts
 * plans it) whenever something may have changed — an item arrived in
 * `storage.sync` (its `onChanged` wakes a sleeping MV3 service worker), the
 * people store or a setting changed here, the browser started — and one
 * pass at a time.
 *
 *   storage.sync.get(null) ─▶ ./items.ts (checked: zod, the profile schema)
 *   people store, syncBase ─▶ ./reconcile.ts planPass ─▶ plan
 *   plan ─▶ changes here through the people store (store/store.ts:
 *           importPeople at the store version read, deletePerson at the
 *           record's version; the same preconditions as every other write)
 *        ─▶ one storage.sync.set, one remove (within ./rate.ts's limits)
 *        ─▶ syncBase := what both sides now agree on (only where both landed)
 *        ─▶ a status in storage.session for the options page
 *
 * Every failure is caught and said in the status; a pass that could not
 * finish leaves what it had not done for the next one, which redoes it:
 * a pass is safe to repeat and to stop anywhere (the service worker may be
 * stopped mid-pass).
 */

import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { type IdentityKey, profileKeys } from '../identity/keys';
import { bundledProfiles } from '../people/bundled';
import { bundledHolding, ownerOf } from '../people/claims';
import type { Profile } from '../people/schema';
import {
  readSettings,
  SETTING_KEYS,
  saveSetting,
  settingFieldOf,
  settingsSchema,
  settingValues,
} from '../settings/items';
import { openPeopleDb, recordProblem } from '../store/db';
import { addPerson, deletePerson, importPeople, setHidden, updatePerson } from '../store/store';
import { clearSyncBase, putSyncBase, type SyncBaseOp, writeSyncBase } from '../store/sync-base';
import { conflictsOf, type Entry, stampKey, winnerOf } from './entry';
import {
  DEVICE,
  decodeItems,
  encodeEntry,
  FORMAT,
  FORMAT_KEY,
  type RemoteState,
  SETTINGS_KEY,
} from './items';
import { SYNC_ON_KEY } from './keys';
import { localWrite } from './merge';
import { fitMessage, MAX_ITEMS, QUOTA_BYTES, RESERVED_BYTES, RESERVED_ITEMS } from './quota';
import { recentWrites, waitBeforeWriting } from './rate';
import { type LocalPerson, planPass, samePerson } from './reconcile';
import { planSettings, SETTINGS_BASE_ID, type SettingStamps, type SettingValue } from './settings';

/** storage.local: whether sync is on in this browser (./keys.ts), and this install's device id. */
export { SYNC_ON_KEY };
export const DEVICE_KEY = 'sync.device';
/** storage.session: the last pass's status, and when sync was last written. */
export const SYNC_STATUS_KEY = 'sync.status';
const WRITES_KEY = 'sync.writes';

export interface SyncConflict {
  id: string;
  /** What cards show now: the person's name, or undefined when the newer version deleted them. */
  shown: string | undefined;
  /** Versions it replaced without having seen them, newest first. */
  kept: { stamp: string; at: number; name: string }[];
}

export interface SyncStatus {
  /** When the pass ran. */
  at: number;
  /** Your people in this browser, and how many of them sync holds. */
  total: number;
  synced: number;
  /** "187 of 240 people sync; …", when not all fit. */
  fit?: string;
  /** What sync holds, as its quotas count it. */
  bytes: number;
  items: number;
  /** Items that could not be read (skipped, never applied), with why. */
  unreadable: { key: string; problem: string }[];
  /** Big people whose parts have not all arrived yet. */
  waiting: number;
  /** People from sync not put here, and why (a handle someone here has). */
  notApplied: { id: string; name: string; reason: string }[];
  /** People whose latest change does not fit in sync. */
  tooBig: string[];
  conflicts: SyncConflict[];
  /** Sync holds a newer format: nothing was read or written. */
  newer?: string;
  /** The last write's failure, in words. */
  error?: string;
}

const HIDDEN_PREFIX = 'hidden:';
const bundledIds = new Set(bundledProfiles.map((profile) => profile.id));

export async function isSyncOn(): Promise<boolean> {
  return (await browser.storage.local.get(SYNC_ON_KEY))[SYNC_ON_KEY] === true;
}

/** This install's id: random, made once, never derived from anything about the user. */
export async function deviceId(): Promise<string> {
  const stored = (await browser.storage.local.get(DEVICE_KEY))[DEVICE_KEY];
  if (typeof stored === 'string' && DEVICE.test(stored)) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const id = [...bytes].map((byte) => (byte % 36).toString(36)).join('');
  await browser.storage.local.set({ [DEVICE_KEY]: id });
  return id;
}

/** Quota and rate refusals in words; anything else as the browser said it. */
function plainSyncError(error: unknown): string {
  const text = String((error as Error)?.message ?? error);
  if (/QUOTA_BYTES|quota/i.test(text) && !/WRITE_OPERATIONS/.test(text)) return t('synce_full');
  if (/WRITE_OPERATIONS/.test(text)) return t('synce_rate');
  return t('synce_write', text);
}

interface LocalRead {
  people: Map<string, LocalPerson>;
  candidates: LocalPerson[];
  bases: Map<string, Entry>;
  settingsBase: SettingStamps | undefined;
  /** The store's version when read: the precondition of the import that applies sync's people. */
  basis: number;
  total: number;
  hidden: Set<string>;
  damaged: Set<string>;
  /** People here not looked at: sync has no item left for them. */
  outOfRoom: number;
}

/** What the pass needs from the database, in one read transaction. */
async function readLocal(remote: RemoteState, room: number): Promise<LocalRead> {
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'hidden', 'meta', 'syncBase']);
  const people = tx.objectStore('people');
  const [ids, baseRecords, hidden, basis] = await Promise.all([
    people.getAllKeys(),
    tx.objectStore('syncBase').getAll(),
    tx.objectStore('hidden').getAllKeys(),
    tx.objectStore('meta').get('rev'),
  ]);
  const bases = new Map<string, Entry>();
  let settingsBase: SettingStamps | undefined;
  for (const record of baseRecords) {
    if (record.id === SETTINGS_BASE_ID) settingsBase = record.settings;
    else if (record.entry) bases.set(record.id, record.entry);
  }
  const known = new Set([...bases.keys(), ...remote.people.keys()]);
  // Those sync already knows, and as many others (by id) as could take an item each.
  const others = ids.filter((id) => !known.has(id)).sort();
  const wanted = [...ids.filter((id) => known.has(id)), ...others.slice(0, Math.max(0, room))];
  const records = await Promise.all(wanted.map((id) => people.get(id)));
  await tx.done;
  const read: LocalRead = {
    people: new Map(),
    candidates: [],
    bases,
    settingsBase,
    basis: basis ?? 0,
    total: ids.length,
    hidden: new Set(hidden),
    damaged: new Set(),
    outOfRoom: others.length - Math.min(others.length, Math.max(0, room)),
  };
  records.forEach((record, index) => {
    const id = wanted[index] as string;
    if (!record || recordProblem(record)) {
      read.damaged.add(id);
      return;
    }
    const person = { profile: record.profile, rev: record.rev };
    if (known.has(id)) read.people.set(id, person);
    else read.candidates.push(person);
  });
  return read;
}

/**
 * The settings as sync carries them — each setting's value, and each
 * bundled person's hidden state — as they are here (`current`), and those
 * this browser stands for (`claimed`): set here by the user (stored under
 * their key, or hidden), or agreed with sync before. Defaults claim nothing.
 */
async function localSettings(
  hidden: Set<string>,
  base: SettingStamps | undefined,
): Promise<{ current: Record<string, SettingValue>; claimed: Record<string, SettingValue> }> {
  const current: Record<string, SettingValue> = settingValues((await readSettings()).value);
  for (const id of bundledIds) current[`${HIDDEN_PREFIX}${id}`] = hidden.has(id);
  const stored = await browser.storage.local.get([...SETTING_KEYS]);
  const claimed: Record<string, SettingValue> = {};
  for (const [key, value] of Object.entries(current)) {
    const setHere = key.startsWith(HIDDEN_PREFIX) ? value === true : key in stored;
    if (setHere || base?.[key]) claimed[key] = value;
  }
  return { current, claimed };
}

/** A value saveSetting takes (the hover delay's range; the switches' type is checked above). */
const takes = (key: string, value: unknown) =>
  settingFieldOf(key, value)?.key !== 'hoverDelayMs' ||
  settingsSchema().shape.hoverDelayMs.safeParse(value).success;

/**
 * Sync's settings item: the well-formed values of known keys (`stamps`), and
 * the entries this version cannot take (`kept`: a newer version's setting, a
 * value out of this version's range), which are reported, never applied
 * here, left out of this browser's say, and written back as they were, so
 * the browser that wrote them keeps them.
 */
function remoteSettings(
  value: unknown,
  problems: RemoteState['stray'],
): { stamps: SettingStamps | undefined; kept: Record<string, unknown> } {
  if (value === undefined) return { stamps: undefined, kept: {} };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ key: SETTINGS_KEY, problem: t('synce_not_object') });
    return { stamps: undefined, kept: {} };
  }
  const out: SettingStamps = {};
  const kept: Record<string, unknown> = {};
  for (const [key, stamped] of Object.entries(value)) {
    const [setting, clock, device] = Array.isArray(stamped) ? stamped : [];
    if (SETTING_KEYS.includes(key) && settingFieldOf(key, setting) && !takes(key, setting)) {
      problems.push({ key: `${SETTINGS_KEY}.${key}`, problem: t('synce_cannot_take') });
      kept[key] = stamped;
      continue;
    }
    const known =
      (SETTING_KEYS.includes(key) && settingFieldOf(key, setting) !== undefined) ||
      (key.startsWith(HIDDEN_PREFIX) &&
        bundledIds.has(key.slice(HIDDEN_PREFIX.length)) &&
        typeof setting === 'boolean');
    if (
      !known ||
      !Number.isSafeInteger(clock) ||
      (clock as number) < 0 ||
      typeof device !== 'string' ||
      !DEVICE.test(device)
    ) {
      problems.push({ key: `${SETTINGS_KEY}.${key}`, problem: t('synce_unknown_setting') });
      kept[key] = stamped;
      continue;
    }
    out[key] = [setting as SettingValue, clock as number, device];
  }
  return { stamps: out, kept };
}

/**
 * Someone here who owns one of `profile`'s handles (people/claims.ts), the
 * people being changed counted as they will be: their new handles, and a
 * bundled id being changed is being replaced.
 */
async function claimed(
  profile: Profile,
  changing: ReadonlyMap<string, Profile | undefined>,
): Promise<string | undefined> {
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'hidden']);
  const index = tx.objectStore('people').index('keys');
  for (const key of new Set(profileKeys(profile.identities))) {
    const user = (await index.getAll(key as IdentityKey)).flatMap((record) => {
      const next = changing.has(record.id) ? changing.get(record.id) : record.profile;
      return next ? [{ ...record.profile, identities: next.identities }] : [];
    });
    const bundled = bundledHolding(bundledProfiles, key);
    const out = new Set<string>();
    for (const other of bundled) {
      const [hidden, replaced] = await Promise.all([
        tx.objectStore('hidden').getKey(other.id),
        tx.objectStore('people').getKey(other.id),
      ]);
      if (changing.has(other.id) || hidden !== undefined || replaced !== undefined)
        out.add(other.id);
    }
    const owner = ownerOf(key, profile.id, { user, bundled }, (id) => out.has(id))?.profile;
    if (owner) return `${key} ${t('import_claimed_here', owner.name, owner.id)}`;
  }
  return undefined;
}

function conflictList(bases: ReadonlyMap<string, Entry>): SyncConflict[] {
  const out: SyncConflict[] = [];
  for (const [id, entry] of bases) {
    const kept = conflictsOf(entry, samePerson);
    if (kept.length === 0) continue;
    out.push({
      id,
      shown: winnerOf(entry).p?.name,
      kept: kept.map((version) => ({
        stamp: stampKey(version),
        at: version.c,
        name: version.p?.name ?? id,
      })),
    });
  }
  return out.slice(0, 100);
}

export type PassOutcome = { status: SyncStatus; retryInMs?: number } | { off: true };

/** One pass. Returns when to try again, if something is left for later. */
export async function runPass(now = Date.now()): Promise<PassOutcome> {
  if (!(await isSyncOn())) return { off: true };
  const device = await deviceId();
  const remote = decodeItems(await browser.storage.sync.get(null));
  const status: SyncStatus = {
    at: now,
    total: 0,
    synced: 0,
    bytes: remote.bytes,
    items: remote.items,
    unreadable: [...remote.stray],
    waiting: 0,
    notApplied: [],
    tooBig: [],
    conflicts: [],
  };
  const format = remote.format;
  if (typeof format === 'number' && format > FORMAT) {
    status.newer = t('synce_newer', format, FORMAT);
    return { status: await saveStatus(status) };
  }
  if (format !== undefined && format !== FORMAT)
    status.unreadable.push({ key: FORMAT_KEY, problem: t('synce_not_format') });

  const limit = { bytes: QUOTA_BYTES - RESERVED_BYTES, items: MAX_ITEMS - RESERVED_ITEMS };
  const local = await readLocal(remote, limit.items - remote.items);
  const remotePeople = new Map(remote.people);
  for (const id of local.damaged) {
    remotePeople.delete(id);
    local.bases.delete(id);
  }
  const plan = planPass({
    device,
    now,
    local: local.people,
    candidates: local.candidates,
    bases: local.bases,
    remote: remotePeople,
    used: { bytes: remote.bytes, items: remote.items },
    limit,
  });
  const settingsHere = await localSettings(local.hidden, local.settingsBase);
  const settingsThere = remoteSettings(remote.settings, status.unreadable);
  // What sync holds that this version cannot take is not this browser's to apply or outvote.
  for (const key of Object.keys(settingsThere.kept)) {
    delete settingsHere.claimed[key];
    delete settingsHere.current[key];
  }
  const settingsPlan = planSettings(
    settingsHere.claimed,
    settingsHere.current,
    local.settingsBase,
    settingsThere.stamps,
    device,
    now,
  );

  const items: Record<string, unknown> = {};
  const removals = new Set<string>();
  for (const [id, entry] of plan.put) {
    const encoded = encodeEntry(id, entry);
    Object.assign(items, encoded);
    for (const key of remote.people.get(id)?.keys ?? []) if (!(key in encoded)) removals.add(key);
  }
  for (const id of plan.drop)
    for (const key of remote.people.get(id)?.keys ?? []) removals.add(key);
  if (settingsPlan.write) items[SETTINGS_KEY] = { ...settingsThere.kept, ...settingsPlan.merged };
  if (format !== FORMAT && Object.keys(items).length > 0) items[FORMAT_KEY] = FORMAT;
  const writes = (Object.keys(items).length > 0 ? 1 : 0) + (removals.size > 0 ? 1 : 0);

  // Within the write limits, or not at all: the whole pass waits, nothing half-done.
  const log = recentWrites(
    ((await browser.storage.session.get(WRITES_KEY))[WRITES_KEY] as number[] | undefined) ?? [],
    now,
  );
  if (writes > 0) {
    const wait = waitBeforeWriting(log, now, writes);
    if (wait > 0) return { status: (await readStatus()) ?? status, retryInMs: wait };
  }

  // Changes here first, through the people store.
  const landed = new Set<string>();
  const changing = new Map(plan.apply.map((change) => [change.id, change.profile] as const));
  const puts: { profile: Profile; rev?: number }[] = [];
  for (const change of plan.apply) {
    if (!change.profile) continue;
    const reason = await claimed(change.profile, changing);
    if (reason) status.notApplied.push({ id: change.id, name: change.profile.name, reason });
    else
      puts.push({ profile: change.profile, ...(change.rev !== undefined && { rev: change.rev }) });
  }
  let retry = false;
  if (puts.length > 0) {
    const result = await importPeople(puts, local.basis).catch((error: Error) => {
      status.error = error.message;
      return { ok: false as const };
    });
    if (result.ok) for (const { profile } of puts) landed.add(profile.id);
    else retry = true; // something changed here meanwhile: the next pass sees it
  }
  for (const change of plan.apply) {
    if (change.profile || change.rev === undefined) continue;
    const result = await deletePerson(change.id, change.rev).catch(() => undefined);
    if (result?.ok) landed.add(change.id);
    else retry = true;
  }
  const settingsLanded = await applySettings(settingsPlan.apply).catch((error: Error) => {
    status.error = error.message;
    return false;
  });

  // Then sync, in one set and one remove.
  let written = writes === 0;
  if (writes > 0) {
    try {
      if (Object.keys(items).length > 0) await browser.storage.sync.set(items);
      if (removals.size > 0) await browser.storage.sync.remove([...removals]);
      written = true;
    } catch (error) {
      status.error = plainSyncError(error);
      retry = true;
    } finally {
      await browser.storage.session.set({ [WRITES_KEY]: [...log, ...Array(writes).fill(now)] });
    }
  }

  // What both sides now agree on, where both landed.
  const bases = new Map(local.bases);
  const ops: SyncBaseOp[] = [];
  for (const [id, entry] of plan.bases) {
    const applyNeeded = plan.apply.some((change) => change.id === id);
    if ((applyNeeded && !landed.has(id)) || (plan.put.has(id) && !written)) continue;
    if (entry) {
      bases.set(id, entry);
      ops.push({ put: { id, entry } });
    } else {
      bases.delete(id);
      ops.push({ delete: id });
    }
  }
  if (settingsLanded && (written || !settingsPlan.write))
    ops.push({ put: { id: SETTINGS_BASE_ID, settings: settingsPlan.merged } });
  // One transaction, in store/sync-base.ts.
  await writeSyncBase(ops);

  for (const id of plan.replaced) {
    const there = remote.people.get(id);
    if (there?.kind === 'unreadable')
      status.unreadable.push({
        key: there.keys[0] ?? `p:${id}`,
        problem: t('synce_replaced', there.problem),
      });
  }
  for (const skip of plan.skipped) {
    const there = remote.people.get(skip.id);
    if (skip.why === 'unreadable' && there?.kind === 'unreadable')
      status.unreadable.push({ key: there.keys[0] ?? `p:${skip.id}`, problem: there.problem });
    else if (skip.why === 'incomplete') status.waiting += 1;
    else if (skip.why === 'no-room') status.tooBig.push(skip.id);
  }
  const added = plan.apply.filter((c) => c.profile && c.rev === undefined && landed.has(c.id));
  const removed = plan.apply.filter((c) => !c.profile && landed.has(c.id));
  status.total = local.total + added.length - removed.length;
  const here = (id: string) =>
    (local.people.has(id) || local.candidates.some((c) => c.profile.id === id) || landed.has(id)) &&
    !local.damaged.has(id);
  status.synced = [...plan.synced].filter(here).length;
  // The quota is named only when it is why someone here is left out.
  status.fit =
    plan.noRoom + local.outOfRoom > 0
      ? fitMessage(Math.min(status.synced, status.total), status.total)
      : undefined;
  status.bytes = written ? plan.used.bytes : remote.bytes;
  status.items = written ? plan.used.items : remote.items;
  status.conflicts = conflictList(bases);
  return { status: await saveStatus(status), ...(retry && { retryInMs: 60_000 }) };
}

async function applySettings(apply: Record<string, SettingValue>): Promise<boolean> {
  for (const [key, value] of Object.entries(apply)) {
    if (key.startsWith(HIDDEN_PREFIX)) await setHidden(key.slice(HIDDEN_PREFIX.length), !!value);
    else {
      const field = settingFieldOf(key, value);
      if (field) await saveSetting(field);
    }
  }
  return true;
}

async function saveStatus(status: SyncStatus): Promise<SyncStatus> {
  await browser.storage.session.set({ [SYNC_STATUS_KEY]: status });
  return status;
}

export async function readStatus(): Promise<SyncStatus | undefined> {
  return (await browser.storage.session.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as
    | SyncStatus
    | undefined;
}

/**
 * The user's choice about a conflict: bring back the version kept beside
 * the newer one (`restore`), or let it go (`dismiss`). Either is a new
 * write here that has seen every version kept, so it supersedes them all,
 * here and, at the next pass, in every browser.
 */
export async function resolveConflict(
  id: string,
  stamp: string,
  action: 'restore' | 'dismiss',
  now = Date.now(),
): Promise<string> {
  const db = await openPeopleDb();
  const base = (await db.get('syncBase', id))?.entry;
  const version = base?.versions.find((candidate) => stampKey(candidate) === stamp);
  if (!base || !version) return t('synce_resolved');
  const keep = action === 'restore' ? version.p : winnerOf(base).p;
  if (action === 'restore' && keep) {
    const record = await db.get('people', id);
    const result =
      record && !recordProblem(record)
        ? await updatePerson(keep, record.rev)
        : await addPerson(keep);
    if (!result.ok) {
      const conflict = result.conflict;
      return conflict.kind === 'claimed'
        ? t('synce_claimed', conflict.key, conflict.owner.name, conflict.owner.id)
        : t('synce_changed');
    }
  }
  await putSyncBase({ id, entry: localWrite(base, keep, await deviceId(), now) });
  return action === 'restore' ? t('synce_restored', keep?.name ?? id) : t('synce_kept');
}

/** Turns sync on or off in this browser (what sync holds stays). */
export async function setSyncOn(on: boolean): Promise<void> {
  await browser.storage.local.set({ [SYNC_ON_KEY]: on });
  if (!on) await browser.storage.session.remove(SYNC_STATUS_KEY);
}

/**
 * Removes everything Profile Card put in browser sync, and turns sync off
 * here. Browsers where it is still on put their people back.
 */
export async function eraseSync(): Promise<void> {
  await setSyncOn(false);
  await browser.storage.sync.clear();
  await clearSyncBase();
}
