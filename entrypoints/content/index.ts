import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInPageCard } from './in-page-card';

// The startup script: small, and idle until the URL names a known person.
// The card's UI (Preact, styles) is injected only then; see ./in-page-card.ts.
export default defineContentScript({
  matches: ['https://github.com/*', 'https://gist.github.com/*', 'https://*.linkedin.com/*'],
  runAt: 'document_idle',
  // WXT's legacy window.postMessage announcement would be visible to page scripts.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startInPageCard(ctx);
  },
});
