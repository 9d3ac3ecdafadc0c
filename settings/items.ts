/**
 * Storage items, defined once (https://wxt.dev/storage). Every read is
 * validated: a corrupted value falls back to defaults for this run and is
 * reported, never silently overwritten.
 *
 * - `local:settings` (v1): per-site switches and the hover delay.
 * - `session:cardStates`: how the user left each person's in-page card in this
 *   browser session (collapsed, dismissed); gone when the browser closes.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { CardState } from '../messaging/messages';
import { DEFAULT_SETTINGS, HOVER_DELAY_MAX_MS, type Settings } from './defaults';

const siteSettingsSchema = z.strictObject({ inPage: z.boolean(), hovercards: z.boolean() });
export const settingsSchema = z.strictObject({
  sites: z.strictObject({ github: siteSettingsSchema, linkedin: siteSettingsSchema }),
  hoverDelayMs: z.number().int().min(0).max(HOVER_DELAY_MAX_MS),
});

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export type Read<T> = { value: T; problem?: string };

export async function readSettings(): Promise<Read<Settings>> {
  const raw = await settingsItem.getValue();
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  return {
    value: DEFAULT_SETTINGS,
    problem: `Stored settings are unreadable (${parsed.error.issues[0]?.message ?? 'invalid'}); using defaults until you save new ones.`,
  };
}

const cardStateSchema = z.record(z.string(), z.enum(['expanded', 'collapsed', 'dismissed']));

export const cardStatesItem = storage.defineItem<unknown>('session:cardStates', {
  fallback: {},
});

export async function readCardStates(): Promise<Record<string, CardState>> {
  const parsed = cardStateSchema.safeParse(await cardStatesItem.getValue());
  return parsed.success ? parsed.data : {};
}
