/**
 * In a page, the card's text is painted from attributes as CSS generated
 * content instead of living in text nodes. A closed shadow root keeps page
 * scripts out of the card's DOM, but not out of what is painted: Chromium's
 * `window.find()` searches closed roots too and selects what it finds, so a
 * page could confirm any guess ("…@gmail.com") and then extend the selection
 * to read whole lines, and `getSelection()` would hand it whatever the user
 * selected in the card. Generated content is neither searchable nor
 * selectable, yet it is painted like text and is part of the accessible name
 * of what holds it, so screen readers read it
 * (https://www.w3.org/TR/accname-1.2/#comp_name_from_content, CSS generated
 * content). The copy buttons remain the way to take text away.
 *
 * Done once for the whole UI bundle through Preact's `options.vnode` hook
 * (https://preactjs.com/guide/v10/options/), so components stay ordinary
 * (the popup renders the same Card with plain text) and no string can slip
 * through as a text node: every non-blank string child of an element becomes
 * `<span data-text="…">`, drawn by the `TEXT_CSS` rule.
 *
 * `dir="auto"` (and `<bdi>`) decide direction from text nodes, which are
 * gone: such an element gets the direction of its text written out
 * (text/direction.ts), so an Arabic or Hebrew name still runs right to left.
 */
import { type ComponentChildren, createElement, options, type VNode } from 'preact';
import { textDirection } from '../../text/direction';

export const TEXT_CSS = '[data-text]::before{content:attr(data-text)}';

function paint(children: ComponentChildren): ComponentChildren {
  if (Array.isArray(children)) return children.map(paint);
  if ((typeof children === 'string' && children.trim() !== '') || typeof children === 'number')
    return createElement('span', { 'data-text': String(children) });
  return children;
}

/** The strings among an element's children (not its elements'), as the browser would read them first. */
function textOf(children: ComponentChildren): string {
  if (Array.isArray(children)) return children.map(textOf).join('');
  return typeof children === 'string' || typeof children === 'number' ? String(children) : '';
}

let installed = false;

/** Installs the hook in this bundle's copy of Preact (the page UI's only). */
export function paintTextFromAttributes(): void {
  if (installed) return;
  installed = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as { children?: ComponentChildren; dir?: string };
    if (typeof vnode.type === 'string' && props.children !== undefined) {
      if (props.dir === 'auto' || (vnode.type === 'bdi' && props.dir === undefined))
        props.dir = textDirection(textOf(props.children)) ?? 'ltr';
      props.children = paint(props.children);
    }
    previous?.(vnode);
  };
}
