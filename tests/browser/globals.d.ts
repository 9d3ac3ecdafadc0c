// Functions passed to `worker.evaluate()` run in the extension's service
// worker, where the `chrome` global exists; this types it for tsc.
declare const chrome: import('wxt/browser').Browser;
