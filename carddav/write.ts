/**
 * Writing a kept person to an address book, when the user turned it on for
 * that book (carddav/service.ts `writePerson`). Two cases:
 *
 *   no card of theirs in the book ─▶ formats/vcard.ts toVCard + UID
 *        ─▶ PUT <book>/<uuid>.vcf  If-None-Match: *   (never replaces a card)
 *   a card of theirs (the contact the user linked them to; one written by us:
 *   X-PROFILE-CARD-ID; or the phone's card with the same GitHub/LinkedIn handle)
 *        ─▶ GET it: its ETag must still be the one read ── no ─▶ conflict
 *        ─▶ patchCard: only the lines whose value we change are rewritten;
 *           every other line (PHOTO, TEL, ADR, groups, X-…) stays byte for byte,
 *           with the card's own line ends
 *        ─▶ PUT If-Match: that ETag ── 412 ─▶ conflict (changed meanwhile)
 *
 * A conflict is never overwritten: it is kept in the book's record and
 * shown on the options page; the next refresh brings the phone's version,
 * and saving the person again writes over it knowingly.
 *
 * What is written (the fields the card shows; nothing is ever deleted from
 * a card): FN, TITLE, NOTE, EMAIL, the website (URL), a URL per GitHub and
 * LinkedIn profile the card does not have yet, and X-PROFILE-CARD-ID.
 */
import { githubProfileUrl, linkedinProfileUrl } from '../contact/links';
import { escapeText, foldLine, toVCard } from '../formats/vcard';
import { unescapeText } from '../formats/vcard-read';
import { parseIdentityUrl } from '../identity/parse';
import type { Profile } from '../people/schema';
import { type BookRecord, cardById, cardsOf } from '../store/carddav';
import type { DavAnswer, DavCall } from './http';
import { failure, statusProblem } from './problems';

interface Line {
  /** The line as written, folded continuation lines and line end included. */
  raw: string;
  group?: string;
  /** Upper case. */
  name: string;
  /** Unfolded value after the first unquoted colon, still escaped. */
  value: string;
}

/** Splits a card into its logical lines, each keeping its exact bytes. */
export function splitLines(text: string): Line[] {
  const physical = text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g)?.filter((line) => line !== '') ?? [];
  const logical: string[] = [];
  for (const line of physical) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && logical.length > 0)
      logical[logical.length - 1] += line;
    else logical.push(line);
  }
  return logical.map((raw) => {
    const unfolded = raw.replace(/(?:\r\n|\r|\n)[ \t]/g, '').replace(/(?:\r\n|\r|\n)$/, '');
    const head = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)/.exec(unfolded);
    let colon = -1;
    let quoted = false;
    for (let at = 0; at < unfolded.length; at++) {
      const char = unfolded[at];
      if (char === '"') quoted = !quoted;
      else if (char === ':' && !quoted) {
        colon = at;
        break;
      }
    }
    return {
      raw,
      ...(head?.[1] && { group: head[1] }),
      name: (head?.[2] ?? '').toUpperCase(),
      value: colon === -1 ? '' : unfolded.slice(colon + 1),
    };
  });
}

const lineEnd = (text: string) => (/\r\n/.test(text) ? '\r\n' : /\r/.test(text) ? '\r' : '\n');

/**
 * The card with the person's fields written in: a property whose value
 * differs is rewritten in place (its group and parameters kept), one the
 * card lacks is added before END:VCARD, and every other line is left as
 * it was, byte for byte. Returns the card unchanged when nothing differs.
 */
export function patchCard(text: string, profile: Profile): string {
  const eol = lineEnd(text);
  const lines = splitLines(text);
  const end = lines.findIndex((line) => line.name === 'END');
  if (end === -1) return text;
  const added: string[] = [];
  const make = (property: string, value: string) => `${foldLine(`${property}:${value}`)}${eol}`;

  /** Single-valued text fields: rewrite the first line of that name if it differs. */
  const setText = (name: string, value: string | undefined) => {
    if (value === undefined) return;
    const at = lines.findIndex((line) => line.name === name);
    const line = lines[at];
    if (!line) {
      added.push(make(name, escapeText(value)));
      return;
    }
    if (unescapeText(line.value).trim() === value.trim()) return;
    const unfolded = line.raw.replace(/(?:\r\n|\r|\n)[ \t]/g, '').replace(/(?:\r\n|\r|\n)$/, '');
    let prefix = unfolded.slice(0, unfolded.length - line.value.length - 1);
    // A 2.1 quoted-printable value is written back plain, so its encoding parameter goes.
    if (/QUOTED-PRINTABLE/i.test(prefix)) prefix = `${line.group ? `${line.group}.` : ''}${name}`;
    lines[at] = { ...line, raw: make(prefix, escapeText(value)), value: escapeText(value) };
  };

  setText('FN', profile.name);
  setText('TITLE', profile.headline);
  setText('NOTE', profile.bio);
  if (profile.contact.email) {
    const has = lines.some(
      (line) =>
        line.name === 'EMAIL' &&
        unescapeText(line.value)
          .trim()
          .replace(/^mailto:/i, '')
          .toLowerCase() === profile.contact.email?.toLowerCase(),
    );
    if (!has) setText('EMAIL', profile.contact.email);
  }

  const urls = lines
    .filter(
      (line) => line.name === 'URL' || line.name === 'X-SOCIALPROFILE' || line.name === 'IMPP',
    )
    .map((line) => line.value.replace(/\\(.)/g, '$1').trim());
  const handles = new Set(
    urls.flatMap((url) => {
      const identity = parseIdentityUrl(url);
      return identity && (!('kind' in identity) || identity.kind === 'profile')
        ? [`${identity.site}:${identity.handle.toLowerCase()}`]
        : [];
    }),
  );
  for (const login of profile.identities.github)
    if (!handles.has(`github:${login.toLowerCase()}`))
      added.push(make('URL', githubProfileUrl(login)));
  for (const slug of profile.identities.linkedin)
    if (!handles.has(`linkedin:${slug.toLowerCase()}`))
      added.push(make('URL', linkedinProfileUrl(slug)));
  if (profile.contact.website && !urls.includes(profile.contact.website))
    added.push(make('URL', profile.contact.website));
  if (!lines.some((line) => line.name === 'X-PROFILE-CARD-ID'))
    added.push(make('X-PROFILE-CARD-ID', profile.id));

  return [
    ...lines.slice(0, end).map((line) => line.raw),
    ...added,
    ...lines.slice(end).map((line) => line.raw),
  ].join('');
}

/** A new card for the person: our vCard 4.0, with the UID CardDAV requires (RFC 6352 §5.1). */
export function newCard(profile: Profile, uid: string): string {
  return toVCard(profile).replace('\r\nVERSION:4.0\r\n', `\r\nVERSION:4.0\r\nUID:${uid}\r\n`);
}

const VCARD = 'text/vcard; charset=utf-8';

/** One book: update the person's card if it has one (If-Match), else create one (If-None-Match: *). */
export async function writeTo(
  book: BookRecord,
  profile: Profile,
  ask: (call: DavCall) => Promise<DavAnswer>,
): Promise<'written' | 'conflict'> {
  const { origin } = book.carddav;
  // The contact the user linked this person to (docs/carddav.md#links), else one sharing a handle.
  const linked = book.links?.[profile.id];
  const card =
    (linked && (await cardById(book.id, linked))) || (await cardsOf(book.id, profile))[0];
  if (card) {
    const current = await ask({ method: 'GET', url: card.href });
    if (current.kind !== 'answer') throw failure(current, origin);
    if (current.status === 200) {
      // Changed on the phone since it was read: shown, never overwritten.
      if (current.etag !== card.etag) return 'conflict';
      const patched = patchCard(current.text, profile);
      if (patched === current.text) return 'written';
      const put = await ask({
        method: 'PUT',
        url: card.href,
        body: patched,
        contentType: VCARD,
        ifMatch: card.etag,
      });
      if (put.kind !== 'answer') throw failure(put, origin);
      if (put.status === 412) return 'conflict';
      if (put.status < 200 || put.status > 299) throw statusProblem(put.status, origin);
      return 'written';
    }
    if (current.status !== 404) throw statusProblem(current.status, origin);
  }
  const uid = crypto.randomUUID();
  const put = await ask({
    method: 'PUT',
    url: new URL(`${uid}.vcf`, book.url).href,
    body: newCard(profile, uid),
    contentType: VCARD,
    ifNoneMatch: '*',
  });
  if (put.kind !== 'answer') throw failure(put, origin);
  if (put.status === 412) return 'conflict';
  if (put.status < 200 || put.status > 299) throw statusProblem(put.status, origin);
  return 'written';
}
