/**
 * The options page's worker: runs jobs/jobs.ts (import previews and
 * writes, the damaged-record scan, the full export) away from the page's
 * thread, with its own connection to the people database. It has no
 * extension APIs; the page announces on the change feed what it wrote.
 * Started by ./main.tsx, one worker per job, ended with it. A JSON export
 * of many people starts a second worker from this same script for half of
 * them (jobs/jobs.ts `helper`): both cores read and check at once. It ends
 * with its part, or with this worker.
 */
import { type Catalog, catalogLookup } from '../../i18n/catalog';
import { setLookup } from '../../i18n/t';
import { createJobRunner, type JobDeps, type JobEvent, type JobRequest } from '../../jobs/jobs';
import { bundledProfiles } from '../../people/bundled';
import { openPeopleDb } from '../../store/db';

// A worker has no browser.i18n: the page names the locale it writes in as
// the worker's name (./main.tsx), and the worker reads that language's
// messages.json, bundled, the way the browser would (i18n/catalog.ts).
const catalogs = import.meta.glob<Catalog>('../../public/_locales/*/messages.json', {
  eager: true,
  import: 'default',
});
const shown = self.name || 'en';
const catalogOf = (code: string) => catalogs[`../../public/_locales/${code}/messages.json`];
const catalog =
  catalogOf(shown.replace('-', '_')) ?? catalogOf(shown.split(/[-_]/)[0] ?? '') ?? catalogOf('en');
if (catalog) setLookup(catalogLookup(catalog), shown);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(event: JobEvent): void;
};
/** A worker from this script for `request`, ended when it answers. */
const helper: JobDeps['helper'] = (request, onProgress) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(self.location.href, { type: 'module', name: self.name });
    worker.onmessage = ({ data }: MessageEvent<JobEvent>) => {
      if (data.type === 'progress') return onProgress(data.done);
      worker.terminate();
      if (data.type === 'part') resolve(data);
      else reject(new Error(data.type === 'error' ? data.message : data.type));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });

const run = createJobRunner({
  openDb: openPeopleDb,
  bundled: bundledProfiles,
  post: (event) => scope.postMessage(event),
  // Nested workers: Chromium 69+, Firefox; without them, one worker does it all.
  ...(typeof Worker === 'function' && { helper }),
});
scope.onmessage = (event) => void run(event.data);
