/**
 * schema.org `Person` objects from a page's JSON-LD
 * (https://json-ld.org/spec/latest/json-ld/ and https://schema.org/Person).
 * Personal sites (Jekyll's SEO plugin, Hugo themes) and LinkedIn's public
 * profiles carry one; it is the most structured thing a page says about a
 * person. Read-only and bounded: a few scripts, a few hundred kilobytes, a
 * capped walk, because the page decides what is in them. A block over the
 * limit, or a person listing more links than anyone has, is not read half-way
 * and passed off as the page's word: it throws `TooLarge`, which the reader
 * turns into "too large" for the user (read-page.ts). The length is known
 * before anything is parsed, so the answer comes at once.
 */
import { formatBytes } from '../i18n/format';
import { t } from '../i18n/t';
import { MAX_TEXT } from './dom';

const MAX_SCRIPTS = 20;
export const MAX_SCRIPT_CHARS = 500_000;
/** All blocks together. */
const MAX_TOTAL_CHARS = 2_000_000;
const MAX_NODES = 5000;
/** Far above anyone's `sameAs`; a list longer than this is not a person's own. */
export const MAX_LIST = 1000;

/** The page holds more than the reader reads; its message says how much, in words. */
export class TooLarge extends Error {
  override name = 'TooLarge';
}

export type LdNode = Record<string, unknown>;

function isNode(value: unknown): value is LdNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a node's `@type` names schema.org's Person, in any of its spellings. */
export function isPerson(node: LdNode): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some(
    (type) =>
      typeof type === 'string' && /^(?:(?:https?:\/\/)?schema\.org\/|schema:)?Person$/.test(type),
  );
}

/**
 * Every object in the page's JSON-LD, top-level and nested (`@graph`,
 * `mainEntity`, `author`…), in document order, at most MAX_NODES.
 */
export function jsonLdNodes(doc: Document): LdNode[] {
  const nodes: LdNode[] = [];
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')].slice(
    0,
    MAX_SCRIPTS,
  );
  let total = 0;
  for (const script of scripts) {
    const text = script.textContent ?? '';
    total += text.length;
    if (text.length > MAX_SCRIPT_CHARS || total > MAX_TOTAL_CHARS) {
      throw new TooLarge(
        t(
          'capture_too_large',
          formatBytes(Math.max(text.length, total)),
          formatBytes(MAX_SCRIPT_CHARS),
        ),
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue; // a broken block says nothing; the others may still
    }
    // Breadth first, with a capped queue: top-level things before what they nest.
    const queue: unknown[] = [parsed];
    for (let next = 0; next < queue.length && nodes.length < MAX_NODES; next++) {
      const value = queue[next];
      const children = Array.isArray(value) ? value : isNode(value) ? Object.values(value) : [];
      if (isNode(value)) nodes.push(value);
      for (const child of children) {
        if (queue.length >= MAX_NODES * 4) break;
        if (child !== null && typeof child === 'object') queue.push(child);
      }
    }
  }
  return nodes;
}

/** A property as text: a string, the first of a list, a `{ "@value" }` or a thing's `name`. */
export function ldText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value.slice(0, MAX_TEXT).trim() || undefined;
  if (depth > 3) return undefined;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 60)) {
      const text = ldText(item, depth + 1);
      if (text) return text;
    }
    return undefined;
  }
  if (isNode(value)) return ldText(value['@value'], depth + 1) ?? ldText(value.name, depth + 1);
  return undefined;
}

/** A property as a list of URLs: strings, or things with a `url` or `@id`. */
export function ldUrls(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.length > MAX_LIST)
    throw new TooLarge(t('capture_too_many_links', items.length, MAX_LIST));
  const urls: string[] = [];
  for (const item of items.slice(0, 60)) {
    if (typeof item === 'string') urls.push(item.trim());
    else if (isNode(item)) {
      const url = ldText(item.url) ?? ldText(item['@id']);
      if (url) urls.push(url);
    }
  }
  return urls.filter((url) => url !== '');
}
