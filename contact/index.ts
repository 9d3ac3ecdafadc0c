/**
 * contact/ — how a person is shown and reached on a card: display only.
 *
 *   Profile ─▶ links.ts      website, GitHub, LinkedIn, other links (one order for all below,
 *          │                 and for formats/vcard.ts)
 *          ├─▶ plain-text.ts  what "Copy text" puts on the clipboard
 *          ├─▶ mailto.ts      a mailto: link only for a bare address
 *          └─▶ initials.ts    the avatar's letters (no remote images)
 *
 * vCard in and out lives with the other file formats: formats/vcard.ts,
 * formats/vcard-read.ts, formats/vcard-lines.ts.
 */
export { initials } from './initials';
export type { LinkKind, ProfileLink } from './links';
export { githubProfileUrl, linkedinProfileUrl, profileLinks, projectUrl } from './links';
export { mailtoUrl } from './mailto';
export { toPlainText } from './plain-text';
