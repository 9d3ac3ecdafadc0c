/**
 * One card of an address book → the person lookups show, with the vCard
 * reader the importer uses (formats/vcard-lines.ts for the syntax,
 * formats/vcard-read.ts for the fields: FN, TITLE, NOTE, EMAIL, ADR, URL,
 * X-SOCIALPROFILE, Apple's labelled itemN.URL) and the profile schema's
 * checks (people/validate.ts). IMPP values that are GitHub or LinkedIn
 * profile URLs count as URLs too.
 *
 * A person is never refused whole for one unusable field: a field the
 * schema refuses is left out and the card read again, so a contact with a
 * 2,000-character note still shows their GitHub handle. Only a card with no
 * usable name, or that is not a vCard, is refused (and counted).
 *
 * The id is made from the card's href (`card-` + a 64-bit FNV-1a hash),
 * so the same card keeps its id across renames and refreshes.
 */
import { readVCardLines } from '../formats/vcard-lines';
import { interpretCard } from '../formats/vcard-read';
import { t } from '../i18n/t';
import type { Profile } from '../people/schema';
import { validateProfile } from '../people/validate';
import { cardId } from '../store/carddav';

/** A card's id from its href: defined with the stored records (store/carddav.ts). */
export { cardId };

export type CardRead =
  | {
      ok: true;
      profile: Profile;
      dropped: string[];
      /** The X-PROFILE-CARD-ID of a card Profile Card wrote: the kept person it is. */
      ownId?: string;
    }
  | { ok: false; error: string };

/**
 * Leaves out what a schema issue points at: the list entry it is in (one
 * link, one handle), else the field (at most two levels down). Never the
 * id or the name. False when there is nothing to leave out.
 */
function dropAt(document: Record<string, unknown>, path: readonly PropertyKey[]): boolean {
  const [first] = path;
  if (first === undefined || first === 'id' || first === 'name') return false;
  let index = -1;
  path.forEach((key, at) => {
    if (typeof key === 'number' && index === -1) index = at;
  });
  const depth = index >= 0 ? index : Math.min(path.length - 1, 1);
  let container: unknown = document;
  for (const key of path.slice(0, depth))
    container = (container as Record<PropertyKey, unknown> | undefined)?.[key];
  const key = path[depth] as PropertyKey;
  if (Array.isArray(container) && typeof key === 'number' && key < container.length) {
    container.splice(key, 1);
    return true;
  }
  if (!container || typeof container !== 'object' || !(key in container)) return false;
  const record = container as Record<PropertyKey, unknown>;
  if (first === 'identities' || key === 'contact') record[key] = key === 'contact' ? {} : [];
  else delete record[key];
  return true;
}

export function readCard(vcard: string, href: string): CardRead {
  const lines = readVCardLines(vcard.slice(0, 1_000_000));
  if (!lines.ok) return { ok: false, error: lines.error };
  const [raw] = lines.cards;
  if (!raw) return { ok: false, error: t('read_no_cards') };
  // IMPP:https://github.com/ada (some apps keep social profiles there): read as a URL.
  const properties = raw.properties.map((property) =>
    property.name === 'IMPP' && /^https?:\/\//i.test(property.value)
      ? { ...property, name: 'URL' }
      : property,
  );
  const entry = interpretCard({ ...raw, properties });
  const ownId = typeof entry.profile.id === 'string' ? entry.profile.id : undefined;
  const document: Record<string, unknown> = {
    ...entry.profile,
    id: cardId(href),
    projects: [],
  };
  const dropped: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const checked = validateProfile(document);
    if (checked.ok) {
      const { $schema: _hint, ...profile } = checked.value;
      return { ok: true, profile, dropped, ...(ownId && { ownId }) };
    }
    const issue = checked.issues[0];
    if (!issue || !dropAt(document, issue.path))
      return { ok: false, error: checked.errors[0] ?? '' };
    dropped.push(checked.errors[0] ?? '');
  }
  return { ok: false, error: t('cdav_card_unusable') };
}
