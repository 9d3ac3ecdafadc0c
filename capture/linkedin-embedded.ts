/**
 * The profile's own record in LinkedIn's embedded JSON, and its member id.
 * Runs in the page.
 *
 * Signed-in LinkedIn pages carry their data as JSON inside hidden `<code>`
 * elements; each person on the page (the profile's owner, the viewer, "people
 * also viewed") is an object with a `publicIdentifier` (the vanity slug) and
 * URNs such as `urn:li:fsd_profile:ACoAA…` (docs/pages.md). Many member ids
 * appear on one page, so an id is taken only when it is tied to this
 * profile's slug: from the object whose `publicIdentifier` is the slug, or
 * from a link to `/in/<slug>?miniProfileUrn=…ACoAA…`. A wrong id would make a
 * stranger's card appear, so no match means no id.
 *
 * Real URLs:
 * https://www.linkedin.com/in/denizalti/
 * https://www.linkedin.com/in/denizalti?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAAB
 */
import { isLinkedinMemberId, linkedinKey } from '../identity/keys';
import { parseIdentityUrl } from '../identity/parse';
import { MAX_TEXT } from './dom';

const MAX_BLOCKS = 200;
const MAX_BLOCK_CHARS = 3_000_000;
const MAX_NODES = 200_000;
const PROFILE_URN =
  /urn:li:(?:fsd_profile|fs_miniProfile|fs_profile|fsd_miniProfile):(ACoAA[A-Za-z0-9_-]{10,})/;

export interface MemberRecord {
  slug?: string;
  memberId?: string;
  firstName?: string;
  lastName?: string;
  headline?: string;
  summary?: string;
  location?: string;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, MAX_TEXT) : undefined;

/** The member id an object names in its own URN fields (entityUrn first). */
function memberIdOf(node: Node): string | undefined {
  const urns = [node.entityUrn, node.dashEntityUrn, node['*miniProfile'], node.objectUrn];
  for (const urn of [...urns, ...Object.values(node)]) {
    const match = typeof urn === 'string' ? PROFILE_URN.exec(urn) : null;
    if (match) return match[1];
  }
  return undefined;
}

/** Whether the object is this profile's: same slug, or (for `/in/ACoAA…` URLs) same id. */
function isOwnRecord(node: Node, handle: string): boolean {
  const slug = str(node.publicIdentifier);
  if (!slug) return false;
  if (isLinkedinMemberId(handle)) return memberIdOf(node) === handle;
  return linkedinKey(slug) === linkedinKey(handle);
}

/** Every JSON object inside the page's embedded `<code>` blocks, breadth first, capped. */
function* embeddedObjects(doc: Document): Generator<Node> {
  let seen = 0;
  for (const block of [...doc.querySelectorAll('code')].slice(0, MAX_BLOCKS)) {
    const text = (block.textContent ?? '').trim();
    if (!text.startsWith('{') || text.length > MAX_BLOCK_CHARS) continue;
    if (!text.includes('publicIdentifier')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const queue: unknown[] = [parsed];
    for (let next = 0; next < queue.length && seen < MAX_NODES; next++) {
      const value = queue[next];
      const children = Array.isArray(value) ? value : isNode(value) ? Object.values(value) : [];
      if (isNode(value)) {
        seen++;
        yield value;
      }
      for (const child of children)
        if (child !== null && typeof child === 'object' && queue.length < MAX_NODES)
          queue.push(child);
    }
  }
}

/** The member id from a link to this profile that carries `miniProfileUrn`. */
function memberIdFromLinks(doc: Document, handle: string, base: string): string | undefined {
  const key = linkedinKey(handle);
  for (const anchor of [...doc.querySelectorAll('a[href*="miniProfileUrn"]')].slice(0, 2000)) {
    const href = anchor.getAttribute('href') ?? '';
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (parseIdentityUrl(url)?.key !== key) continue;
    const match = PROFILE_URN.exec(url.searchParams.get('miniProfileUrn') ?? '');
    if (match) return match[1];
  }
  return undefined;
}

/**
 * What the page's embedded data says about the profile at `handle` (a slug,
 * or a member id when the URL is `/in/ACoAA…`). Empty when nothing matches.
 */
export function readMemberRecord(doc: Document, handle: string, base: string): MemberRecord {
  const record: MemberRecord = {};
  // The same person can appear as several objects (a full profile, a mini
  // profile); each may hold a different part, so fill in from all of them.
  for (const node of embeddedObjects(doc)) {
    if (!isOwnRecord(node, handle)) continue;
    record.slug ??= str(node.publicIdentifier);
    record.memberId ??= memberIdOf(node);
    record.firstName ??= str(node.firstName);
    record.lastName ??= str(node.lastName);
    record.headline ??= str(node.headline);
    record.summary ??= str(node.summary);
    record.location ??= str(node.locationName) ?? str(node.geoLocationName);
  }
  if (!record.memberId && !isLinkedinMemberId(handle))
    record.memberId = memberIdFromLinks(doc, handle, base);
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as MemberRecord;
}
