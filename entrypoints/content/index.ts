/**
 * The startup content script, on every GitHub and LinkedIn page: small, and
 * idle until a URL names a known person.
 *
 *   page load, ./navigation.ts (Turbo, soft-nav, Navigation API, popstate)
 *     └─▶ ./in-page-card.ts   the page's own person? ─┐
 *   document listeners (one delegated set)             │
 *     └─▶ ./hovercards.ts     a link's person? ───────┤
 *         ./github-takeover.ts  GitHub's card aside    │
 *                                                      ▼
 *   ./lookup-cache.ts  one `lookup` per identity ─▶ background (messaging/handler.ts)
 *                      known + no UI yet ─▶ the background injects card-ui.js first
 *   ./card-ui-loader.ts  the injected UI's factory (closed shadow root, Preact)
 *   ./stored-changes.ts  settings or profiles changed ─▶ forget answers, look again
 *
 * Everything registers on WXT's context and goes with it.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_PATTERNS } from '../../identity/hosts';
import { startHovercards } from './hovercards';
import { startInPageCard } from './in-page-card';
import { onUrlChange } from './navigation';
import { onStoredDataChange } from './stored-changes';

export default defineContentScript({
  matches: [...MATCH_PATTERNS],
  runAt: 'document_idle',
  // WXT's legacy window.postMessage announcement would be visible to page scripts.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const updateInPage = startInPageCard(ctx);
    const closeHovercard = startHovercards(ctx);
    onUrlChange(ctx, () => {
      closeHovercard();
      updateInPage();
    });
    onStoredDataChange(ctx, () => {
      closeHovercard();
      updateInPage(true);
    });
  },
});
