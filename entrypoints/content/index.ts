/**
 * The startup content script, on every GitHub and LinkedIn page: small, and
 * idle until a URL names a known person. It reacts only to the user: page
 * scripts' events, focus() calls and pushState()s change nothing a page can
 * observe (see docs/design.md#privacy).
 *
 *   page load, ./navigation.ts (Navigation API, else polling; Turbo, popstate)
 *     └─▶ ./in-page-card.ts   the page's own person, if the user came here ─┐
 *   ./user-input.ts  the user's own clicks and navigation keys ─┘            │
 *   document listeners (one delegated set, trusted input only)               │
 *     └─▶ ./hovercards.ts     a link's person? ─────────────────────────────┤
 *                                                                            ▼
 *   ./lookup-cache.ts  one `lookup` per identity ─▶ background (messaging/handler.ts)
 *                      known + no UI yet ─▶ the background injects card-ui.js first
 *   ./card-ui-loader.ts  the injected UI's factory (closed shadow root, Preact)
 *   ./stored-changes.ts  the background says stored data changed ─▶ forget answers, look again
 *                        (listening from the page's first question on: ./ask.ts)
 *   ./context.ts         the script's one AbortSignal (in place of WXT's context,
 *                        which announces itself to the page)
 *
 * Everything registers on the context and goes with it.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCH_PATTERNS } from '../../identity/hosts';
import { startHovercards } from './hovercards';
import { startInPageCard } from './in-page-card';
import { onUrlChange } from './navigation';
import { onStoredDataChange } from './stored-changes';
import { watchUserInput } from './user-input';

export default defineContentScript({
  matches: [...MATCH_PATTERNS],
  runAt: 'document_idle',
  // WXT's legacy window.postMessage announcement would be visible to page scripts.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const inPage = startInPageCard(ctx, watchUserInput(ctx));
    const hovercards = startHovercards(ctx, { expandedInPage: inPage.expandedProfileId });
    inPage.update({ kind: 'load' });
    onUrlChange(ctx, (change) => {
      hovercards.close();
      inPage.update({ kind: 'url', ...change });
    });
    onStoredDataChange(ctx, () => {
      hovercards.storedChanged();
      inPage.update({ kind: 'stored' });
    });
  },
});
