/**
 * contact/ — how a person is shown and reached, in every format we hand out.
 *
 *   Profile ─▶ links.ts      website, GitHub, LinkedIn, other links (one order for all below)
 *          ├─▶ plain-text.ts  what "Copy text" puts on the clipboard
 *          ├─▶ vcard.ts       vCard 4.0 (RFC 6350) for "Copy vCard" / "Download .vcf": the whole person;
 *          │                  3.0 for "Export all" (toVCards), what Apple and Google Contacts import
 *          ├─▶ mailto.ts      a mailto: link only for a bare address
 *          └─▶ initials.ts    the avatar's letters (no remote images)
 *   .vcf ─▶ vcard-lines.ts (syntax: 2.1–4.0, folding, quoted-printable)
 *        ─▶ vcard-read.ts (fields each card carries) ─▶ profiles/import.ts merges them
 */
export { initials } from './initials';
export type { LinkKind, ProfileLink } from './links';
export { githubProfileUrl, linkedinProfileUrl, profileLinks, projectUrl } from './links';
export { mailtoUrl } from './mailto';
export { toPlainText } from './plain-text';
export { toVCard, vcardFileName } from './vcard';
export { readVCards } from './vcard-read';
