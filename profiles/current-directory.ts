/**
 * The background's directory: bundled profiles plus the user's, rebuilt only
 * when the store's revision changes. One small storage read per question
 * tells whether the cached directory is still current, so a content script
 * asking right after an import never gets a stale answer.
 */
import { bundledProfiles } from './bundled';
import { buildDirectory, type Directory } from './directory';
import { readRevision, readStore } from './store';

let cached: { revision: number; directory: Promise<Directory> } | undefined;

export async function currentDirectory(): Promise<Directory> {
  const revision = await readRevision();
  if (cached?.revision !== revision) {
    cached = {
      revision,
      directory: readStore().then(({ store }) =>
        buildDirectory({ bundled: bundledProfiles, user: store.profiles, hidden: store.hidden }),
      ),
    };
  }
  return cached.directory;
}
