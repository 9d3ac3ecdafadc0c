import { defineContentScript } from 'wxt/utils/define-content-script';
import { startHovercards } from './hovercards';
import { startInPageCard } from './in-page-card';
import { onStoredDataChange } from './lookup';
import { onUrlChange } from './navigation';

// The startup script: small, and idle until a URL names a known person.
// The card's UI (Preact, styles) is injected only then; see ./ui.ts.
export default defineContentScript({
  matches: ['https://github.com/*', 'https://gist.github.com/*', 'https://*.linkedin.com/*'],
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
