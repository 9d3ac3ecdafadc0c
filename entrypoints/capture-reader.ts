/**
 * The in-page half of "Keep this person": run by the popup with
 * `scripting.executeScript({ files: ['/capture-reader.js'] })` in the tab the
 * user opened it on (the toolbar click grants `activeTab`; no host
 * permission beyond the manifest's, no new permission). It reads the page
 * and returns plain data (capture/reading.ts) as the script's result; it
 * changes nothing in the page, listens to nothing and stays nowhere. Never
 * listed as web-accessible, so pages cannot load or probe it.
 *
 * Real URLs: https://github.com/torvalds, https://www.linkedin.com/in/williamhgates/,
 * https://tantek.com/ (an h-card with rel="me" links).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage } from '../capture/read-page';

export default defineUnlistedScript(() => readPage(document, location.href));
