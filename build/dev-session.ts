/**
 * What `npm run dev` starts, and how it is stopped without leaving anything
 * behind: no browser process, no throwaway browser profile.
 *
 * Processes. WXT 0.21 sets no signal handlers of its own, and the browser
 * web-ext starts is not killed with it: Chromium's launcher puts the browser
 * in a process group of its own, so Ctrl+C in a terminal never reaches it,
 * and a SIGTERM kills WXT's Node process outright. Only Chromium's launcher
 * catches SIGINT (and exits at once); Firefox, and every other signal, would
 * be left behind. So on SIGINT, SIGTERM or SIGHUP the dev server is stopped
 * the way WXT's own restart does it (`server.stop()`: close the browser
 * through web-ext, close the dev server), then the process exits with the
 * usual 128 + signal code. A second signal while stopping exits at once.
 * npm runs a script through `sh -c` and forwards SIGINT/SIGTERM only to that
 * shell, which does not pass them on, so the dev scripts `exec` WXT
 * (package.json).
 *
 * Profiles. web-ext gives Chromium a fresh profile in a temporary directory
 * and never removes it (2–4 MB per run, web-ext 10.7). Firefox's it removes.
 * So web-ext.config.ts names Chromium's profile directory itself, one per
 * dev server (`devChromiumProfile()`); it is made empty when the dev server
 * starts (before the browser opens) and removed as the process exits.
 * Not when web-ext.config.ts is read: every `wxt build` reads it too.
 *
 * tests/dev/dev-commands.test.ts checks both ways of stopping, in both browsers.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Chromium's profile for this dev server (the process that reads web-ext.config.ts). */
export const devChromiumProfile = (pid = process.pid): string =>
  join(tmpdir(), `profile-card-dev-chromium-${pid}`);

export interface Stoppable {
  stop(): Promise<void>;
}

/** What this needs of Node's `process`, for tests. */
export interface SignalTarget {
  once(event: NodeJS.Signals | 'exit', listener: () => void): unknown;
  exit(code: number): never | undefined;
}

const CODES = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
const watched = new WeakSet<Stoppable>();

/**
 * For WXT's `server:started` hook, which runs before the browser opens:
 * makes `profile` a fresh empty directory, removes it as the process exits
 * however it does (Chromium's launcher answers SIGINT itself with an
 * immediate `process.exit`), and stops `server` on SIGINT, SIGTERM or
 * SIGHUP, then exits. WXT calls the hook again after a config change
 * restarts the server; this runs once per server.
 */
export function startDevSession(
  server: Stoppable,
  {
    target = process as SignalTarget,
    profile = devChromiumProfile(),
    log = console.error,
  }: { target?: SignalTarget; profile?: string; log?: (message: string) => void } = {},
): void {
  if (watched.has(server)) return;
  watched.add(server);
  let stopping = false;
  // A dead run's directory, should its pid come round again, goes first.
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  target.once('exit', () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 }));
  for (const [signal, number] of Object.entries(CODES) as [keyof typeof CODES, number][]) {
    target.once(signal, () => {
      const code = 128 + number;
      if (stopping) {
        target.exit(code);
        return;
      }
      stopping = true;
      server.stop().then(
        () => target.exit(code),
        (error: unknown) => {
          log(`Profile Card: the dev server did not stop cleanly: ${String(error)}`);
          target.exit(code);
        },
      );
    });
  }
}
