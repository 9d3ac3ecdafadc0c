/**
 * The card's text bounds, apart from ./schema.ts so that code in a page
 * (the card UI's note, ./notes.ts) can use them without loading zod, whose
 * start-up probes `new Function`.
 */
/** Text bounds keep a card compact; they are limits, not targets. */
export const LIMITS = {
  id: 64,
  name: 80,
  headline: 160,
  bio: 1200,
  highlight: 240,
  highlights: 8,
  projectName: 80,
  projectDescription: 240,
  projects: 40,
  url: 2048,
  linkLabel: 40,
  links: 12,
  identities: 16,
  location: 80,
  email: 254,
  slug: 100,
  note: 2000,
  tag: 40,
  tags: 24,
} as const;

/**
 * "This project has no description", where a format has no way to leave it
 * out that builds before issue 24 read: a sync item (sync/compact.ts) and
 * our vCard property (formats/vcard.ts). Those builds required a
 * description; an empty one made the whole person unreadable to them, and
 * sync writes over what it cannot read. They show this dash instead, keep
 * it as it is, and this build reads it back as no description.
 */
export const NO_DESCRIPTION = '—';
