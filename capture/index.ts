/**
 * capture/ — keep the person whose page this is, from what the page shows.
 * Pure: a parsed `Document` and its URL in, a draft out; nothing is saved
 * here and nothing is fetched.
 *
 *   in the page (scripting.executeScript on the user's click; tiny, no zod, reads only)
 *   ┌───────────────────────────────────────────────────────────────────────┐
 *   │ read-page.ts  URL (identity/parse.ts) picks the reader                │
 *   │   github.com/<login> ─▶ github-profile.ts   microdata, bio, pinned    │
 *   │   linkedin.com/in/…  ─▶ linkedin-profile.ts title, h1, JSON-LD, og:,  │
 *   │                         linkedin-embedded.ts (member id), contact info│
 *   │   any other site     ─▶ personal-site.ts    json-ld.ts, h-card.ts,    │
 *   │                                             rel="me", then            │
 *   │                          plain-page.ts       <h1>, <title>, og:, the   │
 *   │                                             paragraph under the name, │
 *   │                                             account links (social.ts) │
 *   │   one person? many (team page)? a post by someone? too large?         │
 *   └──────────────────────────── PageReading (reading.ts, plain data) ─────┘
 *                                        │
 *                                        ▼  in the popup
 *   draft.ts  clean (people/clean.ts) ─▶ identities from links ─▶ id from the name
 *             ─▶ validateProfile ─▶ { draft, sources, notes } or { reason, message }
 *                                        │ someone already kept? or looks like them?
 *                                        ▼
 *   update.ts  kept + draft ─▶ updated profile and a field-by-field list of changes
 *   look-alike.ts  homoglyphs, invisibles, case ─▶ "looks like <them>"
 */
import type { CaptureResult, DraftOptions } from './draft';
import { draftFromReading } from './draft';
import { readPage } from './read-page';

export type { CaptureResult, DraftOptions, Note } from './draft';
export { draftFromReading } from './draft';
export { readPage } from './read-page';
export type { PageReading, PersonReading, RefusalReason, Source } from './reading';
export type { FieldChange, UpdateResult } from './update';
export { updateFromDraft } from './update';

/**
 * Both halves at once, for code that already holds the document (tests, or
 * a page parsed in the extension). The popup runs `readPage` in the tab and
 * `draftFromReading` on what comes back.
 */
export function capturePerson(
  doc: Document,
  href: string,
  options: DraftOptions = {},
): CaptureResult {
  return draftFromReading(readPage(doc, href), options);
}
