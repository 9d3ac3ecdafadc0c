/**
 * The options page's worker: runs profiles/jobs.ts (import previews and
 * writes, the damaged-record scan, the full export) away from the page's
 * thread, with its own connection to the people database. It has no
 * extension APIs; the page announces on the change feed what it wrote.
 * Started by ./main.tsx, one worker per job, ended with it.
 */
import { bundledProfiles } from '../../profiles/bundled';
import { openPeopleDb } from '../../profiles/db';
import { createJobRunner, type JobEvent, type JobRequest } from '../../profiles/jobs';

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
