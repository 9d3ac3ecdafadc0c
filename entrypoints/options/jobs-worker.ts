/**
 * The options page's worker: runs jobs/jobs.ts (import previews and
 * writes, the damaged-record scan, the full export) away from the page's
 * thread, with its own connection to the people database. It has no
 * extension APIs; the page announces on the change feed what it wrote.
 * Started by ./main.tsx, one worker per job, ended with it.
 */
import { type Catalog, catalogLookup } from '../../i18n/catalog';
import { setLookup } from '../../i18n/t';
import { createJobRunner, type JobEvent, type JobRequest } from '../../jobs/jobs';
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
const run = createJobRunner({
  openDb: openPeopleDb,
  bundled: bundledProfiles,
  post: (event) => scope.postMessage(event),
});
scope.onmessage = (event) => void run(event.data);
