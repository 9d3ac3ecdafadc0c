/**
 * Small, read-only DOM helpers for the in-page reader. They only ever read
 * (`textContent`, attributes, `querySelector`), never write, so reading a
 * page leaves it exactly as it was. Every string is capped, so a hostile
 * page cannot make the reader hand back megabytes.
 */
import type { Source, Sourced } from './reading';

/** Far above any profile limit (bio: 1,200); draft.ts trims to the schema. */
export const MAX_TEXT = 4000;
/** Lists (links, projects) are capped well above the schema's 40 and 12. */
export const MAX_ITEMS = 60;

/** Text with runs of white space collapsed to one space, capped. */
export function oneLine(text: string | null | undefined): string {
  return (text ?? '')
    .slice(0, MAX_TEXT * 2)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

/** Text keeping its line breaks (a bio), capped. */
export function multiLine(text: string | null | undefined): string {
  return (text ?? '')
    .slice(0, MAX_TEXT * 2)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_TEXT);
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
]);

/**
 * An element's text as it reads on screen: source line breaks are spaces,
 * `<br>` is a line break and paragraphs are separated by a blank line
 * (`textContent` would run "…power cuts.Before that…" together).
 */
export function blockText(element: Element | null | undefined): string {
  if (!element) return '';
  let out = '';
  const walk = (node: Node, depth: number) => {
    if (out.length > MAX_TEXT * 2 || depth > 40) return;
    if (node.nodeType === 3) out += (node.textContent ?? '').replace(/\s+/g, ' ');
    else if (node.nodeName === 'BR') out += '\n';
    else if (node.nodeType === 1 && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.nodeName)) {
      const block = BLOCKS.has(node.nodeName);
      if (block) out += '\n\n';
      for (const child of node.childNodes) walk(child, depth + 1);
      if (block) out += '\n\n';
    }
  };
  walk(element, 0);
  return multiLine(out);
}

export function textOf(root: ParentNode, selector: string): string {
  return oneLine(root.querySelector(selector)?.textContent);
}

export function metaContent(doc: Document, key: string): string {
  const meta = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return oneLine(meta?.getAttribute('content'));
}

/** `{ value, source }` when there is a value, else undefined. */
export function sourced(value: string | undefined, source: Source): Sourced | undefined {
  return value ? { value, source } : undefined;
}

/** An `href` resolved against the page, or undefined when it is not a URL. */
export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** The address in a `mailto:` link, without the scheme and any `?subject=…`. */
export function mailtoAddress(href: string | null | undefined): string | undefined {
  if (!href || !/^mailto:/i.test(href.trim())) return undefined;
  const address = href.trim().slice(7).split('?')[0] ?? '';
  try {
    return decodeURIComponent(address).trim() || undefined;
  } catch {
    return address.trim() || undefined;
  }
}

/** The first of several candidates that holds a value. */
export function firstOf(...candidates: (Sourced | undefined)[]): Sourced | undefined {
  return candidates.find((candidate) => candidate !== undefined);
}
