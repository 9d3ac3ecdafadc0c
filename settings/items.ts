/**
 * Settings and session card states in extension storage, one key per value,
 * so no write ever reads, changes and rewrites a shared object: two options
 * tabs switching different settings at the same moment, or two tabs
 * collapsing two cards, each write their own key and both changes stay.
 *
 *   local:setting.github.inPage, ….hovercards, ….notes, local:setting.linkedin.…,
 *   local:setting.hoverDelayMs     one value each, validated on read
 *   local:settings                 the object 0.1.0 wrote: read as a fallback
 *                                  for fields not yet saved per key, never written
 *   session:cardState:<profile id> how the user left that person's in-page card
 *                                  this browser session; gone when it closes
 *
 * Every read is validated: a corrupted value falls back to the default for
 * this run and is reported, never silently overwritten.
 */

import { browser } from 'wxt/browser';
import { z } from 'zod';
import { t } from '../i18n/t';
import type { Site } from '../identity/keys';
import { lazy } from '../people/lazy-schema';
import { DEFAULT_SETTINGS, HOVER_DELAY_MAX_MS, type Settings, type SiteSettings } from './defaults';

// Built on first use (people/lazy-schema.ts).
const siteSettingsSchema = lazy(() =>
  z.strictObject({
    inPage: z.boolean(),
    hovercards: z.boolean(),
    // 0.1.0's object predates notes (issue 26).
    notes: z.boolean().default(true),
  }),
);
const hoverDelaySchema = lazy(() => z.number().int().min(0).max(HOVER_DELAY_MAX_MS));
export const settingsSchema = lazy(() =>
  z.strictObject({
    sites: z.strictObject({ github: siteSettingsSchema(), linkedin: siteSettingsSchema() }),
    hoverDelayMs: hoverDelaySchema(),
  }),
);

/** One setting: a site switch, or the hover delay. */
export type SettingField =
  | { site: Site; key: keyof SiteSettings; value: boolean }
  | { key: 'hoverDelayMs'; value: number };

const SITES: Site[] = ['github', 'linkedin'];
const SWITCHES: (keyof SiteSettings)[] = ['inPage', 'hovercards', 'notes'];
const LEGACY_KEY = 'settings';

export const settingKey = (
  field: { site: Site; key: keyof SiteSettings } | { key: 'hoverDelayMs' },
): string => ('site' in field ? `setting.${field.site}.${field.key}` : `setting.${field.key}`);

const ALL_KEYS = [
  ...SITES.flatMap((site) => SWITCHES.map((key) => settingKey({ site, key }))),
  settingKey({ key: 'hoverDelayMs' }),
];
/** Every setting's storage key (browser sync carries them: sync/engine.ts). */
export const SETTING_KEYS: readonly string[] = ALL_KEYS;

/** The setting a storage key names, with a value (checked when saved), or undefined. */
export function settingFieldOf(key: string, value: unknown): SettingField | undefined {
  if (key === settingKey({ key: 'hoverDelayMs' }))
    return typeof value === 'number' ? { key: 'hoverDelayMs', value } : undefined;
  for (const site of SITES)
    for (const name of SWITCHES)
      if (key === settingKey({ site, key: name }))
        return typeof value === 'boolean' ? { site, key: name, value } : undefined;
  return undefined;
}

/** A setting's value as stored now, by key, from settings as read. */
export function settingValues(settings: Settings): Record<string, boolean | number> {
  const values: Record<string, boolean | number> = {
    [settingKey({ key: 'hoverDelayMs' })]: settings.hoverDelayMs,
  };
  for (const site of SITES)
    for (const name of SWITCHES)
      values[settingKey({ site, key: name })] = settings.sites[site][name];
  return values;
}

export type Read<T> = { value: T; problem?: string };

/** Settings from one read of their keys; pure over what was read, for tests. */
export function settingsFrom(stored: Record<string, unknown>): Read<Settings> {
  const problems: string[] = [];
  const legacy = stored[LEGACY_KEY];
  const legacyRead = legacy === undefined ? undefined : settingsSchema().safeParse(legacy);
  if (legacyRead && !legacyRead.success) problems.push('settings');
  const base = legacyRead?.success ? legacyRead.data : DEFAULT_SETTINGS;
  const pick = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    if (!(key in stored)) return fallback;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) return parsed.data;
    problems.push(key);
    return fallback;
  };
  const value: Settings = {
    sites: {
      github: { ...DEFAULT_SETTINGS.sites.github },
      linkedin: { ...DEFAULT_SETTINGS.sites.linkedin },
    },
    hoverDelayMs: pick(settingKey({ key: 'hoverDelayMs' }), hoverDelaySchema(), base.hoverDelayMs),
  };
  for (const site of SITES)
    for (const key of SWITCHES)
      value.sites[site][key] = pick(settingKey({ site, key }), z.boolean(), base.sites[site][key]);
  if (problems.length === 0) return { value };
  return {
    value,
    problem: t('settings_unreadable', problems.join(', ')),
  };
}

/** Every key `readSettings` reads: a change to any other key changes no setting. */
export const SETTINGS_READ_KEYS: readonly string[] = [...ALL_KEYS, LEGACY_KEY];

export async function readSettings(): Promise<Read<Settings>> {
  return settingsFrom(await browser.storage.local.get([...SETTINGS_READ_KEYS]));
}

/** Saves one setting under its own key: nothing else is read or rewritten. */
export async function saveSetting(field: SettingField): Promise<void> {
  const schema = field.key === 'hoverDelayMs' ? hoverDelaySchema() : z.boolean();
  const parsed = schema.safeParse(field.value);
  if (!parsed.success) throw new Error(t('settings_out_of_range', settingKey(field)));
  await browser.storage.local.set({ [settingKey(field)]: parsed.data });
}

/** How the user left a person's in-page card, for this browser session. */
export type CardState = 'expanded' | 'collapsed' | 'dismissed';

const cardStateSchema = lazy(() => z.enum(['expanded', 'collapsed', 'dismissed']));
export const cardStateKey = (profileId: string) => `cardState:${profileId}`;

export async function readCardState(profileId: string): Promise<CardState | undefined> {
  const key = cardStateKey(profileId);
  const parsed = cardStateSchema().safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : undefined;
}

/** One key per person: two tabs setting two people's states at once keep both. */
export async function writeCardState(profileId: string, state: CardState): Promise<void> {
  await browser.storage.session.set({ [cardStateKey(profileId)]: state });
}
