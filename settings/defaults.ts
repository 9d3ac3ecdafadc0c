/**
 * User settings, per site. Types and defaults only, so the content script can
 * import them; the storage item and its validation live in storage.ts
 * (background and extension pages).
 */
import type { Site } from '../identity/keys';

export interface SiteSettings {
  /** The floating card on a known person's own pages. */
  inPage: boolean;
  /** Cards on hover or focus of a known person's links. */
  hovercards: boolean;
  /** Your notes and tags about a person on their cards in pages (issue 26). */
  notes: boolean;
}

export interface Settings {
  sites: Record<Site, SiteSettings>;
  /** How long the pointer rests on a link before its card opens. */
  hoverDelayMs: number;
}

/**
 * The longest hover delay, in one place for the settings panel and the stored
 * settings' schema (settings/items.ts). 5 s rather than the panel's old 2 s,
 * so every value the schema has ever accepted stays readable.
 */
export const HOVER_DELAY_MAX_MS = 5000;

export const DEFAULT_SETTINGS: Settings = {
  sites: {
    github: { inPage: true, hovercards: true, notes: true },
    linkedin: { inPage: true, hovercards: true, notes: true },
  },
  hoverDelayMs: 300,
};
