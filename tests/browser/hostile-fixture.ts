/**
 * A hostile GitHub or LinkedIn page: its own inline script runs before the
 * extension's content script (which starts at document_idle) and does what
 * issue 10 says a page would do to read the card or learn whom the user
 * keeps cards for. Everything it learns is kept on `window.__probe`; the
 * tests call the functions on `window.__attack` from the page's own world
 * (Playwright's `page.evaluate` runs there), so every observation is one the
 * page itself could make.
 *
 * Attacks set up before our script runs:
 * - `customElements.define` of our old host's name whose constructor calls
 *   `attachInternals()` (internals.shadowRoot reads even a closed root), and
 *   a customised built-in `div`;
 * - `Element.prototype.attachShadow` patched to force `mode: 'open'` and keep
 *   every root; `Node.prototype.getRootNode` patched to keep any shadow root
 *   it returns;
 * - a MutationObserver recording every change to the document;
 * - window-capture listeners collecting every node any event's
 *   `composedPath()`/`relatedTarget`/`target` exposes, and a document
 *   `mouseover` listener counting calls (a swallowed event is not counted);
 * - on GitHub, a decoy `div.Popover.js-hovercard-content` whose style
 *   changes are recorded.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Observation {
  /** What the page's MutationObserver saw, described without our text. */
  records: string[];
  /** Elements in <html> besides <head> and <body>. */
  extraElements: number;
  altUpPrevented: boolean;
  mouseoverPrevented: boolean;
  pointeroverPrevented: boolean;
  /** The page's own document `mouseover` listener ran for each dispatched mouseover. */
  mouseoversHeard: number;
  activeElement: string;
  decoyStyle: string | null;
}

/** The page's script, as a string to inline into the fixture's <head>. */
export const HOSTILE_SCRIPT = `
(() => {
  const P = (window.__probe = {
    internals: [], roots: [], errors: [], records: [], heard: new Set(), mouseovers: 0, started: 0,
  });
  // 0. Listen for WXT's start-up announcement (its name holds the extension id,
  //    which a page knows from the store listing).
  if (window.__extensionId) {
    document.addEventListener(window.__extensionId + ':content:wxt:content-script-started', () => { P.started++; });
  }
  // 1. Own the names before any script of ours could: an autonomous custom
  //    element with our old host's name, and a customised built-in div.
  const grabber = (Base) => class extends Base {
    constructor() {
      super();
      try { P.internals.push(this.attachInternals()); } catch (error) { P.errors.push(String(error)); }
    }
  };
  P.define = (name) => {
    try { customElements.define(name, grabber(HTMLElement)); return true; }
    catch (error) { P.errors.push(String(error)); return false; }
  };
  P.define('profile-card');
  try { customElements.define('grab-div', grabber(HTMLDivElement), { extends: 'div' }); }
  catch (error) { P.errors.push(String(error)); }
  // 2. Patch the prototypes our code would call.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, { ...init, mode: 'open' });
    P.roots.push(root);
    return root;
  };
  const getRootNode = Node.prototype.getRootNode;
  Node.prototype.getRootNode = function (...args) {
    const root = getRootNode.apply(this, args);
    if (root instanceof ShadowRoot) P.roots.push(root);
    return root;
  };
  // 3. Watch everything.
  const describe = (record) => {
    const node = record.target;
    const name = node === document.documentElement ? 'html'
      : node.nodeType === 1 ? node.localName + (node.className ? '.' + String(node.className).split(' ')[0] : '') : node.nodeName;
    const added = [...record.addedNodes].map((n) => n.nodeName).join(',');
    const removed = [...record.removedNodes].map((n) => n.nodeName).join(',');
    return record.type + ' ' + name + (record.attributeName ? ' @' + record.attributeName : '') +
      (added ? ' +' + added : '') + (removed ? ' -' + removed : '');
  };
  P.observer = new MutationObserver((list) => { for (const record of list) P.records.push(describe(record)); });
  P.observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // Parsing is over: what changes from here on, the page did not write in its HTML.
  // The parser's last insertions (the text after the last script) can still be
  // queued for the observer when Chromium fires DOMContentLoaded in the same
  // task: take them first, so they count as parsing, not as a change after it.
  document.addEventListener('DOMContentLoaded', () => {
    for (const record of P.observer.takeRecords()) P.records.push(describe(record));
    P.records.push('DOMContentLoaded');
  });
  // 4. Collect every node events expose, and count mouseovers heard.
  const types = ['pointerover', 'pointerout', 'pointerdown', 'pointerup', 'mouseover', 'mouseout',
    'mousemove', 'click', 'focusin', 'focusout', 'focus', 'blur', 'keydown', 'keyup', 'copy',
    'selectstart', 'selectionchange', 'animationstart', 'transitionrun'];
  for (const type of types) {
    window.addEventListener(type, (event) => {
      for (const node of event.composedPath()) P.heard.add(node);
      if (event.target) P.heard.add(event.target);
      if (event.relatedTarget) P.heard.add(event.relatedTarget);
    }, true);
  }
  document.addEventListener('mouseover', () => { P.mouseovers++; });
  // 5. Issue 21's font probe: a face per family name and per codepoint, each
  //    from its own URL, so the page's server learns which characters were
  //    drawn in which family. FontFace is document-wide: closed shadow roots
  //    and generated content use it too.
  const fonts = window.__fontProbe;
  if (fonts) {
    P.faces = 0;
    fonts.families.forEach((family, f) => {
      for (const cp of fonts.codepoints) {
        const hex = cp.toString(16).toUpperCase();
        try {
          document.fonts.add(new FontFace(family, 'url(/__font/' + fonts.tag + '/' + f + '/' + hex + '.woff2)', { unicodeRange: 'U+' + hex }));
          P.faces++;
        } catch (error) { P.errors.push(family + ': ' + error); }
      }
    });
  }
})();
`;

/**
 * Every font family named anywhere in the built UI's CSS (the stylesheets
 * and the card's inlined CSS), and the usual system ones: issue 21's font
 * probe defines a face for each. Generic keywords are in the list too, to
 * show a page's face named like one is not used for it.
 */
export function uiFontFamilies(dir: string): string[] {
  const found = new Set<string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(css|js|html)$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8').replaceAll('\\"', '"');
        for (const [, kind, value] of text.matchAll(/\bfont(-family)?:([^;}{]+)/g)) {
          const items = (value ?? '').split(',').map((item) => item.trim());
          if (!kind) {
            // The shorthand: the family follows the size (and line height).
            const first = (items[0] ?? '').replace(/^.*?\d[\w%.]*(\s*\/\s*[\d.]+\w*)?\s+/, '');
            if (first === items[0]) continue; // font: inherit, or not CSS
            items[0] = first;
          }
          for (const item of items) {
            const name = item.replace(/^["']|["']$/g, '');
            if (/^[\w -]+$/.test(name) && !/^(inherit|initial|unset|revert)$/.test(name))
              found.add(name);
          }
        }
      }
    }
  };
  walk(dir);
  return [...found];
}

export const SYSTEM_FAMILIES = [
  '-apple-system',
  'BlinkMacSystemFont',
  'Segoe UI',
  'Noto Sans',
  'Roboto',
  'Helvetica',
  'Helvetica Neue',
  'Arial',
  'Ubuntu',
  'Cantarell',
  'DejaVu Sans',
  'Liberation Sans',
  'system-ui',
  'sans-serif',
  'serif',
  'monospace',
  'ui-sans-serif',
  'ui-monospace',
];

/** Printable ASCII and every other character the cards here draw. */
export const PROBED_CODEPOINTS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...new Set([...'ıİüöçşğčćžšđÜÖÇŞĞČ–—…·•’“”×✓↗'].map((c) => c.codePointAt(0) as number)),
];

/** The families and codepoints issue 21's font probe defines faces for. */
export interface FontProbe {
  /** In every font URL: which page asked. */
  tag: string;
  families: string[];
  codepoints: number[];
}

/** What a page's server learned from font requests: `[family, character]` pairs. */
export function fontsFetched(requests: readonly string[], probe: FontProbe): [string, string][] {
  const out: [string, string][] = [];
  for (const href of requests) {
    const match = /\/__font\/([\w-]+)\/(\d+)\/([0-9A-F]+)\.woff2$/.exec(href);
    if (match?.[1] !== probe.tag) continue;
    out.push([
      probe.families[Number(match[2])] ?? '?',
      String.fromCodePoint(parseInt(match[3] ?? '', 16)),
    ]);
  }
  return out;
}

/** Functions the tests call in the page's world (defined at the end of <body>). */
export const ATTACKS = `
(() => {
  const P = window.__probe;
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const probes = document.getElementById('probes');
  const decoy = document.querySelector('.js-hovercard-content');
  const extra = () => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);

  const link = (href, hovercard, spa) => {
    const a = document.createElement('a');
    a.href = href;
    if (spa) a.setAttribute('data-spa', '');
    a.textContent = 'probe ' + href;
    if (hovercard) a.setAttribute('data-hovercard-url', hovercard);
    probes.append(a, ' ');
    return a;
  };

  /** Every synthetic input from issue 10 on one link; what the page sees afterwards. */
  const attack = async (a) => {
    await sleep(50);
    P.records.length = 0;
    const heardBefore = P.mouseovers;
    const pointerover = new PointerEvent('pointerover', { bubbles: true, cancelable: true, composed: true, pointerType: 'mouse' });
    a.dispatchEvent(pointerover);
    const mouseover = new MouseEvent('mouseover', { bubbles: true, cancelable: true, composed: true });
    a.dispatchEvent(mouseover);
    a.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, pointerType: 'mouse' }));
    a.focus(); // focus events from focus() are trusted
    const altUp = new KeyboardEvent('keydown', { key: 'ArrowUp', code: 'ArrowUp', altKey: true, bubbles: true, cancelable: true, composed: true });
    a.dispatchEvent(altUp);
    await sleep(900); // past the hover delay, with time for lookups
    const observation = {
      records: P.records.slice(),
      extraElements: extra().length,
      altUpPrevented: altUp.defaultPrevented,
      mouseoverPrevented: mouseover.defaultPrevented,
      pointeroverPrevented: pointerover.defaultPrevented,
      mouseoversHeard: P.mouseovers - heardBefore,
      activeElement: document.activeElement === a ? 'the probe link' : document.activeElement.nodeName,
      decoyStyle: decoy ? decoy.getAttribute('style') : null,
    };
    a.blur();
    a.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse' }));
    a.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, composed: true }));
    await sleep(50);
    return observation;
  };

  /** Synthetic pointerover + mouseover on many links; how many mouseovers reached the page. */
  const guesses = async (hrefs) => {
    const links = hrefs.map((href) => link(href));
    for (const a of links) a.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
    await sleep(500);
    const before = P.mouseovers;
    const t0 = performance.now();
    for (const a of links) a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    const ms = performance.now() - t0;
    for (const a of links) a.remove();
    return { dispatched: links.length, heard: P.mouseovers - before, ms };
  };

  /** pushState through paths, as a page would to see whether a card appears. */
  const pushThrough = async (paths) => {
    const start = location.href;
    const seen = [];
    for (const path of paths) {
      P.records.length = 0;
      history.pushState({}, '', path);
      await sleep(700);
      seen.push({ path, extraElements: extra().length, records: P.records.slice() });
    }
    history.pushState({}, '', start);
    await sleep(300);
    return seen;
  };

  /** Did a card's host arrive since the records were cleared? The page takes it out again. */
  const hostArrived = () => {
    const seen = P.records.some((r) => r.startsWith('childList html +'));
    for (const element of extra()) element.remove();
    return seen;
  };

  /**
   * A link the page places at a fixed spot: 'visible' (an ordinary link),
   * 'transparent' (opacity 0.01, no background), 'covered' (under an opaque
   * box that lets the pointer through), 'offscreen' (left of the window).
   */
  const place = (href, kind, rect) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = kind === 'transparent' ? '' : 'Someone';
    a.style.cssText = 'position:fixed;display:block;z-index:10;background:#ddf;color:#000;' +
      'left:' + (kind === 'offscreen' ? -5000 : rect.x) + 'px;top:' + rect.y + 'px;width:' + rect.width + 'px;height:' + rect.height + 'px;' +
      (kind === 'transparent' ? 'opacity:0.01;' : '');
    document.body.append(a);
    if (kind === 'covered') {
      const cover = document.createElement('div');
      cover.style.cssText = 'position:fixed;z-index:11;pointer-events:none;background:#fff;' +
        'left:' + (rect.x - 20) + 'px;top:' + (rect.y - 20) + 'px;width:' + (rect.width + 40) + 'px;height:' + (rect.height + 40) + 'px;';
      a.__cover = cover;
      document.body.append(cover);
    }
    return a;
  };
  const unplace = (a) => { a.__cover?.remove(); a.remove(); };

  /**
   * Issue 21's resting-pointer attack: under a pointer that does not move,
   * one link after another (full-window and transparent, or an ordinary
   * link under the pointer), each for \`ms\`; which of them made a host
   * arrive. Returns the guesses and how long they took.
   */
  const swapUnder = async (hrefs, kind, point, ms) => {
    const t0 = performance.now();
    const arrived = [];
    for (const href of hrefs) {
      P.records.length = 0;
      const rect = kind === 'transparent'
        ? { x: 0, y: 0, width: innerWidth, height: innerHeight }
        : { x: point.x - 60, y: point.y - 12, width: 120, height: 24 };
      const a = place(href, kind, rect);
      await sleep(ms);
      unplace(a);
      arrived.push(hostArrived());
    }
    return { arrived, ms: performance.now() - t0 };
  };

  /**
   * Issue 21's one-click attack: on the user's next click (or Enter), push
   * through \`paths\`, one every \`stepMs\`, and note after each whether a
   * host arrived (taking it out again). The result lands in P.pushed.
   */
  const armPushes = (paths, stepMs, type) => {
    P.pushed = undefined;
    const start = location.href;
    window.addEventListener(type, (event) => {
      if (type === 'keydown' && event.key !== 'Enter') return;
      setTimeout(async () => {
        const arrived = [];
        const t0 = performance.now();
        for (const path of paths) {
          P.records.length = 0;
          history.pushState({}, '', path);
          await sleep(stepMs);
          arrived.push(hostArrived());
        }
        const ms = performance.now() - t0;
        history.pushState({}, '', start);
        await sleep(100);
        hostArrived();
        P.pushed = { arrived, ms };
      }, 0);
    }, { capture: true, once: type === 'click' });
  };

  /**
   * The card's box as a page measures it: elementFromPoint on a grid of
   * \`step\` px finds where the (bare) host is hit. Returns the box and how
   * long the scan took.
   */
  const measureHost = (step) => {
    const [host] = extra();
    const t0 = performance.now();
    let box = null;
    for (let x = 0; x < innerWidth; x += step) {
      for (let y = 0; y < innerHeight; y += step) {
        if (host && document.elementFromPoint(x, y) === host) {
          box = box
            ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
            : { left: x, top: y, right: x, bottom: y };
        }
      }
    }
    const size = box ? { width: box.right - box.left + step, height: box.bottom - box.top + step } : null;
    return { size, ms: performance.now() - t0 };
  };

  /** WXT's start-up announcement, forged: the event name holds the extension id. */
  const forgeStart = (extensionId) => {
    const name = extensionId + ':content:wxt:content-script-started';
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    window.postMessage({ type: name, contentScriptName: 'content', messageId: 'forged' }, '*');
  };

  /** Everywhere the page could read a card's text from; returns where any secret showed up. */
  const read = (secrets) => {
    const leaks = [];
    const check = (where, text) => {
      if (typeof text !== 'string') return;
      for (const secret of secrets) if (text.includes(secret)) leaks.push(where + ': ' + secret);
    };
    const textOf = (root) => root ? root.textContent + ' ' + ('innerHTML' in root ? root.innerHTML : '') : '';
    // Roots handed over by our old host's name, patched prototypes, or open mode.
    P.internals.forEach((internals, i) => {
      if (internals.shadowRoot) leaks.push('ElementInternals.shadowRoot #' + i);
      check('ElementInternals.shadowRoot', textOf(internals.shadowRoot));
    });
    for (const root of P.roots) if (root.host && root.host.parentNode === document.documentElement) leaks.push('a root of ours reached a patched prototype');
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) check('element.shadowRoot', textOf(element.shadowRoot));
    }
    // Late definition of any custom-element name in use (upgrades existing elements).
    for (const element of extra()) {
      if (element.localName.includes('-') && !customElements.get(element.localName)) P.define(element.localName);
      check('host attributes', [...element.attributes].map((a) => a.name + '=' + a.value).join(' '));
      check('host text', element.textContent + element.innerHTML);
      const style = getComputedStyle(element);
      check('host style', style.cssText + style.content);
      check('host ::before', getComputedStyle(element, '::before').content);
    }
    P.internals.forEach((internals) => check('late ElementInternals.shadowRoot', textOf(internals.shadowRoot)));
    check('outerHTML', document.documentElement.outerHTML);
    check('innerText', document.documentElement.innerText);
    // window.find searches what is painted, selecting what it finds.
    for (const secret of secrets) {
      getSelection().removeAllRanges();
      if (window.find(secret, false, false, true)) leaks.push('window.find: ' + secret);
    }
    getSelection().removeAllRanges();
    getSelection().selectAllChildren(document.documentElement);
    check('selection of everything', String(getSelection()));
    getSelection().removeAllRanges();
    check('selection', String(getSelection()));
    // Nodes events exposed; animations; what is under the card.
    for (const node of P.heard) {
      if (node === window || node === document) continue;
      if (node.getRootNode && node.getRootNode() instanceof ShadowRoot) leaks.push('an event exposed a node inside a shadow root');
      if (node.nodeType === 1 && node !== document.documentElement && node !== document.body) check('event node', node.textContent);
    }
    for (const animation of document.getAnimations()) {
      const target = animation.effect && animation.effect.target;
      if (target && target.getRootNode() instanceof ShadowRoot) leaks.push('document.getAnimations exposed a shadow node');
    }
    for (let x = 10; x < innerWidth; x += 60) {
      for (let y = 10; y < innerHeight; y += 60) {
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.getRootNode() instanceof ShadowRoot) leaks.push('elementFromPoint exposed a shadow node');
        const range = document.caretRangeFromPoint && document.caretRangeFromPoint(x, y);
        if (range && range.startContainer.getRootNode() instanceof ShadowRoot) leaks.push('caretRangeFromPoint exposed a shadow node');
      }
    }
    check('activeElement', document.activeElement && document.activeElement.textContent);
    return [...new Set(leaks)];
  };

  /**
   * Event-loop timing probe: synthetic input on a link, then how long the
   * dispatch took and the longest gap between 0 ms ticks over the next
   * 120 ms (work the extension did on the page's main thread shows as a gap).
   */
  const timing = async (a, plantMs = 0) => {
    // The test's control plants a known amount of work, to show the probe can see it.
    if (plantMs > 0) a.addEventListener('pointerover', () => {
      const end = performance.now() + plantMs;
      while (performance.now() < end);
    }, { once: true });
    const channel = new MessageChannel();
    const tick = () => new Promise((done) => { channel.port1.onmessage = () => done(); channel.port2.postMessage(0); });
    await sleep(30);
    const t0 = performance.now();
    a.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
    a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    a.focus();
    a.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true, cancelable: true, composed: true }));
    const dispatch = performance.now() - t0;
    let last = performance.now();
    let gap = 0;
    while (performance.now() - t0 < 120) {
      await tick();
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
    }
    a.blur();
    a.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse' }));
    await sleep(400);
    return { dispatch, gap };
  };

  /**
   * The control for the font probe: the page's own text, one line per family
   * (named as a string, so generic keywords are taken as plain names).
   */
  const ownFonts = (families, text) => {
    for (const family of families) {
      const line = document.createElement('p');
      line.style.fontFamily = JSON.stringify(family);
      line.textContent = text;
      probes.append(line);
    }
  };

  window.__attack = { link, attack, armPushes, measureHost, ownFonts, place, unplace, swapUnder, hostArrived, guesses, pushThrough, forgeStart, read, timing, extra };
})();
`;

/** A page of the given site with the hostile script first and the attack functions last. */
export function hostilePage(
  site: 'github' | 'linkedin',
  title: string,
  extensionId: string,
  fonts?: FontProbe,
): string {
  const decoy =
    site === 'github'
      ? '<div class="Popover js-hovercard-content position-absolute" style="display: none"><div class="Popover-message">decoy</div></div>'
      : '';
  return `<!doctype html>
<html lang="en"${site === 'github' ? ' data-color-mode="light" data-light-theme="light" data-dark-theme="dark"' : ' class="theme theme--light"'}>
<head><meta charset="utf-8"><title>${title}</title>
<script>window.__extensionId = ${JSON.stringify(extensionId)};${fonts ? ` window.__fontProbe = ${JSON.stringify(fonts)};` : ''}</script>
<script>${HOSTILE_SCRIPT}</script>
<style>${
    fonts
      ? // The page's own text in a face of its own (an installed font), so it
        // never falls back to a default the probe could mistake for the card's.
        // Form controls take the system's font unless told to inherit.
        '@font-face { font-family: "The page’s own"; src: local("DejaVu Sans"), local("Liberation Sans"); } input { font: inherit; }'
      : ''
  }
body { margin: 0; font: 14px ${fonts ? '"The page’s own"' : 'system-ui, sans-serif'}; } main { padding: 24px; min-height: 1200px; } #probes a { display: inline-block; margin: 4px; }</style>
</head>
<body>
  <main><h1>${title}</h1><p>An ordinary page with links.</p><div id="probes"></div>
    <nav><a data-spa id="nowhere" href="/settings/profile">settings</a>
      <input id="search" type="search" aria-label="Search"></nav></main>
  ${decoy}
  <script>${ATTACKS}</script>
  <script>
    // The page's own client-side router, as GitHub's and LinkedIn's: a click
    // on a link pushes its URL instead of loading it.
    document.addEventListener('click', (event) => {
      const link = event.target.closest && event.target.closest('a[data-spa]');
      if (!link) return;
      event.preventDefault();
      history.pushState({}, '', link.href);
    });
  </script>
</body></html>`;
}
