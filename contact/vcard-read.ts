/**
 * vCard (3.0 or 4.0) → profile-shaped objects, for the importer to validate
 * like any other entry. Parsing is ical.js's (a real RFC 6350 parser, loaded
 * only by the options page). What is recognised:
 *   FN → name · TITLE (else ORG) → headline · NOTE → bio (else the headline)
 *   EMAIL → contact.email · URL: GitHub and LinkedIn profile URLs become
 *   identities, the first other URL the website, the rest links
 *   X-PROFILE-CARD-ID (written by our own export) → id, else one made from FN.
 */
import ICAL from 'ical.js';
import { parseIdentityUrl } from '../identity/parse';
import { slugify } from '../profiles/ids';

export type VCardRead = { ok: true; profiles: unknown[] } | { ok: false; error: string };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);

function toProfile(card: ICAL.Component): Record<string, unknown> {
  const name = text(card.getFirstPropertyValue('fn')) ?? '';
  const org = card.getFirstPropertyValue('org');
  const headline =
    text(card.getFirstPropertyValue('title')) ?? text(Array.isArray(org) ? org[0] : org) ?? '';
  const bio = text(card.getFirstPropertyValue('note')) || headline;
  const github: string[] = [];
  const linkedin: string[] = [];
  const others: string[] = [];
  for (const property of card.getAllProperties('url')) {
    const url = text(property.getFirstValue());
    if (!url) continue;
    const identity = parseIdentityUrl(url);
    if (identity?.kind === 'profile' && identity.site === 'github') github.push(identity.handle);
    else if (identity?.kind === 'profile' && identity.site === 'linkedin')
      linkedin.push(identity.handle);
    else others.push(url);
  }
  const [website, ...rest] = others;
  const email = text(card.getFirstPropertyValue('email'))?.replace(/^mailto:/i, '');
  const contact: Record<string, unknown> = {};
  if (email) contact.email = email;
  if (website) contact.website = website;
  if (rest.length > 0) {
    contact.links = rest.map((url) => {
      let label = 'Link';
      try {
        label = new URL(url).hostname.replace(/^www\./, '').slice(0, 40);
      } catch {
        // the schema will say what is wrong with the URL
      }
      return { label, url };
    });
  }
  return {
    id: text(card.getFirstPropertyValue('x-profile-card-id')) ?? slugify(name),
    name,
    headline,
    bio,
    contact,
    identities: { github, linkedin },
  };
}

export function readVCards(source: string): VCardRead {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(source);
  } catch (error) {
    return { ok: false, error: `This is not a valid vCard: ${(error as Error).message}` };
  }
  const jcards = (
    Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]
  ) as unknown[];
  const profiles: unknown[] = [];
  for (const jcard of jcards) {
    const card = new ICAL.Component(jcard as never);
    if (card.name !== 'vcard')
      return { ok: false, error: 'This file holds something other than vCards.' };
    profiles.push(toProfile(card));
  }
  return { ok: true, profiles };
}
