/**
 * The card's custom properties (`--pc-bg`, `--pc-hue`, …) under names no page
 * can know. Custom properties inherit into shadow trees and `all: initial`
 * does not reset them, and `CSS.registerProperty()` / `@property` are
 * document-wide: a page that registers `--pc-bg` with `syntax: '<image>'`
 * turns the card's colour into an invalid value, which then takes the
 * inherited one, a `url()` of the page's choosing, fetched when the card
 * paints (issue 21; https://drafts.css-houdini.org/css-properties-values-api/#calculation-of-computed-values).
 * So in a page, every `--pc-` name, in the stylesheet and in inline styles
 * (through Preact's `options.vnode`, like ./unfindable-text.ts), gets a
 * random part chosen when the UI starts. The popup is not a page's and keeps
 * the plain names.
 */
import { options, type VNode } from 'preact';

const PREFIX = '--pc-';

/** `--pc-` followed by a random part, new for each UI bundle that runs. */
const privatePrefix = `--pc${crypto.getRandomValues(new Uint32Array(2)).join('')}-`;

/** The stylesheet with every `--pc-` name made private. */
export function privateProperties(css: string): string {
  return css.replaceAll(PREFIX, privatePrefix);
}

let installed = false;

/** Renames `--pc-` keys of inline styles in this bundle's copy of Preact. */
export function renameInlineProperties(): void {
  if (installed) return;
  installed = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as { style?: unknown };
    if (typeof vnode.type === 'string' && props.style && typeof props.style === 'object') {
      const style: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(props.style))
        style[key.startsWith(PREFIX) ? privatePrefix + key.slice(PREFIX.length) : key] = value;
      props.style = style;
    }
    previous?.(vnode);
  };
}
