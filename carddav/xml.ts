/**
 * A small XML reader for WebDAV answers, where there is no DOMParser (the
 * MV3 service worker has none). It reads what a multistatus needs and
 * nothing more: elements with namespaces (RFC 4918 uses prefixes freely:
 * `D:`, `d:`, none), text, CDATA, the five predefined entities and
 * character references. It refuses what a DAV answer never needs and an
 * attacker would: a DOCTYPE (so no entity expansion), nesting deeper than
 * MAX_DEPTH, more than MAX_ATTRIBUTES attributes on one element, an
 * unclosed or mismatched element. One pass, no recursion, no regex that can
 * backtrack over the whole text. Prefixes are looked up along a chain of the
 * declarations in scope (at most MAX_DEPTH links), never copied, so many
 * declarations cost what they weigh, not that times the elements below them.
 *
 *   text ─▶ tokens (<tag …>, </tag>, text, CDATA; comments and <?…?> skipped)
 *        ─▶ a stack of open elements, each with its own declarations ─▶ its parent's
 *        ─▶ XmlElement tree: { ns, name, children, text }
 *
 * XML 1.0: https://www.w3.org/TR/xml/ · Namespaces: https://www.w3.org/TR/xml-names/
 */
import { t } from '../i18n/t';

export interface XmlElement {
  /** The namespace URI (`DAV:`), or '' when none. */
  ns: string;
  /** The local name (`multistatus`). */
  name: string;
  children: XmlElement[];
  /** The element's own text (CDATA included), entities decoded; children's text not included. */
  text: string;
}

export class XmlError extends Error {}

export const MAX_DEPTH = 64;
/** Far above any DAV server's (Nextcloud's root declares about ten namespaces). */
export const MAX_ATTRIBUTES = 64;

/** The prefixes an element declares, then its parent's: looked up link by link. */
interface Scope {
  own: Map<string, string>;
  parent: Scope | undefined;
}

const ROOT_SCOPE: Scope = {
  own: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]),
  parent: undefined,
};

function lookup(scope: Scope | undefined, prefix: string): string | undefined {
  for (let at = scope; at; at = at.parent) {
    const ns = at.own.get(prefix);
    if (ns !== undefined) return ns;
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g,
    (whole, body: string) => {
      if (body[0] === '#') {
        const code =
          body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[body] ?? whole;
    },
  );
}

interface Open {
  element: XmlElement;
  /** The name as written, for the matching end tag. */
  qname: string;
  scope: Scope;
}

/** `a="1" b='2'` → pairs; throws on anything else. */
function readAttributes(source: string): [string, string][] {
  const pairs: [string, string][] = [];
  let at = 0;
  while (at < source.length) {
    while (at < source.length && /\s/.test(source[at] as string)) at++;
    if (at >= source.length) break;
    const equals = source.indexOf('=', at);
    if (equals === -1) throw new XmlError(t('cdav_xml_syntax'));
    const name = source.slice(at, equals).trim();
    let quoteAt = equals + 1;
    while (quoteAt < source.length && /\s/.test(source[quoteAt] as string)) quoteAt++;
    const quote = source[quoteAt];
    if (quote !== '"' && quote !== "'") throw new XmlError(t('cdav_xml_syntax'));
    const end = source.indexOf(quote, quoteAt + 1);
    if (end === -1) throw new XmlError(t('cdav_xml_syntax'));
    if (pairs.length >= MAX_ATTRIBUTES)
      throw new XmlError(t('cdav_xml_attributes', MAX_ATTRIBUTES));
    pairs.push([name, decodeEntities(source.slice(quoteAt + 1, end))]);
    at = end + 1;
  }
  return pairs;
}

function resolve(qname: string, scope: Scope): [string, string] {
  const colon = qname.indexOf(':');
  if (colon === -1) return [lookup(scope, '') ?? '', qname];
  const prefix = qname.slice(0, colon);
  const ns = lookup(scope, prefix);
  if (ns === undefined) throw new XmlError(t('cdav_xml_prefix', prefix.slice(0, 20)));
  return [ns, qname.slice(colon + 1)];
}

/** Reads one XML document; throws XmlError when it is not one this reader accepts. */
export function readXml(source: string): XmlElement {
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  const addText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.element.text += text;
    else if (text.trim()) throw new XmlError(t('cdav_xml_syntax'));
  };
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    if (lt === -1) {
      addText(decodeEntities(source.slice(at)));
      break;
    }
    if (lt > at) addText(decodeEntities(source.slice(at, lt)));
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlError(t('cdav_xml_syntax'));
      at = end + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlError(t('cdav_xml_syntax'));
      addText(source.slice(lt + 9, end));
      at = end + 3;
    } else if (source.startsWith('<?', lt)) {
      const end = source.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlError(t('cdav_xml_syntax'));
      at = end + 2;
    } else if (source.startsWith('<!', lt)) {
      throw new XmlError(t('cdav_xml_doctype'));
    } else {
      const end = source.indexOf('>', lt + 1);
      if (end === -1) throw new XmlError(t('cdav_xml_syntax'));
      const inner = source.slice(lt + 1, end);
      at = end + 1;
      if (inner.startsWith('/')) {
        const qname = inner.slice(1).trim();
        const open = stack.pop();
        if (!open || open.qname !== qname)
          throw new XmlError(t('cdav_xml_unexpected', qname.slice(0, 40)));
        continue;
      }
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const space = body.search(/\s/);
      const qname = space === -1 ? body : body.slice(0, space);
      if (!qname) throw new XmlError(t('cdav_xml_syntax'));
      const attributes = readAttributes(space === -1 ? '' : body.slice(space));
      const parentScope = stack.at(-1)?.scope ?? ROOT_SCOPE;
      let scope = parentScope;
      for (const [name, value] of attributes) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          if (scope === parentScope) scope = { own: new Map(), parent: parentScope };
          scope.own.set(name === 'xmlns' ? '' : name.slice(6), value);
        }
      }
      const [ns, name] = resolve(qname, scope);
      const element: XmlElement = { ns, name, children: [], text: '' };
      const parent = stack.at(-1);
      if (parent) parent.element.children.push(element);
      else if (root) throw new XmlError(t('cdav_xml_syntax'));
      else root = element;
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH) throw new XmlError(t('cdav_xml_depth', MAX_DEPTH));
        stack.push({ element, qname, scope });
      }
    }
  }
  if (stack.length > 0)
    throw new XmlError(t('cdav_xml_unclosed', stack.at(-1)?.qname.slice(0, 40) ?? ''));
  if (!root) throw new XmlError(t('cdav_xml_syntax'));
  return root;
}

/** The first child named `name` in `ns`. */
export const child = (element: XmlElement | undefined, ns: string, name: string) =>
  element?.children.find((each) => each.ns === ns && each.name === name);

/** Every child named `name` in `ns`. */
export const children = (element: XmlElement | undefined, ns: string, name: string) =>
  element?.children.filter((each) => each.ns === ns && each.name === name) ?? [];
