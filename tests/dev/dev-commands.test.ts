/**
 * `npm run dev` and `npm run dev:firefox` on a machine without a display, as
 * root (this project's CI machine): each must open its browser with the
 * extension loaded, and leave no process behind when stopped — by Ctrl+C
 * (SIGINT to the whole process group, as a terminal sends it) or by a
 * SIGTERM to npm alone (an editor's stop button, `timeout`, a process
 * manager) — and remove the throwaway browser profile web-ext made in /tmp. web-ext.config.ts makes the browsers start headless here;
 * build/stop-dev-on-signal.ts closes them when WXT is told to stop.
 *
 * "Loaded" is WXT's "Opened browser" line: web-ext prints nothing for it, and
 * WXT logs it only after web-ext has loaded the extension (Chromium:
 * `Extensions.loadUnpacked` over the DevTools pipe; Firefox: a temporary
 * add-on over its remote protocol), each of which fails the command if the
 * extension does not load.
 *
 * Part of `npm test` (`npm run test:dev`, ~30 s for the four runs). Linux
 * only: it reads /proc. The dev server takes a free port from WXT's
 * 3000–3010, so it runs beside a developer's own `npm run dev`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { allProcesses, descendants, marked, type Proc, stillRunning } from './processes';

const root = join(import.meta.dirname, '../..');

const MARKER = 'PROFILE_CARD_DEV_RUN';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Everything this run started that is running now. */
  processes: () => Proc[];
}

function start(script: string): Run {
  const id = randomUUID();
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', [MARKER]: id };
  // What a machine without a display looks like, even where this runs on a desktop.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // What a developer's shell looks like: WXT's logger stays quiet under a test
  // runner (it checks NODE_ENV=test, TEST, VITEST*), and its lines are the signal here.
  for (const name of Object.keys(env)) if (/^(VITEST|TEST$|NODE_ENV$)/.test(name)) delete env[name];
  const child = spawn('npm', ['run', script], {
    cwd: root,
    env,
    // Its own process group, so "Ctrl+C" can be sent to the group as a terminal does.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const processes = () => {
    const table = allProcesses();
    const found = new Map<number, Proc>();
    for (const proc of [...descendants(child.pid as number, table), ...marked(MARKER, id, table)])
      found.set(proc.pid, proc);
    return stillRunning([...found.values()]);
  };
  return { child, output: () => output, exited, processes };
}

async function until<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const describeProcs = (procs: Proc[]) =>
  procs.map((proc) => `${proc.pid} ${proc.command.slice(0, 120)}`);

const BROWSERS = {
  dev: /(^|\/)(chromium|chrome)( |$)/,
  'dev:firefox': /(^|\/)firefox(-esr|-bin)?( |$)/,
} as const;

describe.each(Object.keys(BROWSERS) as (keyof typeof BROWSERS)[])('npm run %s', (script) => {
  it.each([
    ['Ctrl+C (SIGINT to the process group)', 'group'],
    ['SIGTERM to npm alone', 'npm'],
  ] as const)(
    'opens its browser headless with the extension, and %s leaves nothing running',
    async (_name, how) => {
      const run = start(script);
      let tree: Proc[] = [];
      let profiles: string[] = [];
      try {
        await Promise.race([
          until(
            'the browser to open',
            () => /Opened browser in/.test(run.output()) || undefined,
            150_000,
          ).catch((error: Error) => {
            throw new Error(`${error.message}; it printed:\n${run.output()}`);
          }),
          run.exited.then((code) => {
            throw new Error(
              `npm run ${script} exited (${code}) before the browser opened:\n${run.output()}`,
            );
          }),
        ]);
        // Positive control: the browser is there, under this npm, before the stop.
        tree = run.processes();
        expect(
          describeProcs(tree.filter((proc) => BROWSERS[script].test(proc.command))),
        ).not.toEqual([]);
        expect(run.output()).not.toMatch(/ERROR|ECONNRESET|ECONNREFUSED/);
        // The throwaway browser profile web-ext made for this run.
        profiles = [
          ...new Set(
            tree.flatMap((proc) =>
              [...proc.command.matchAll(/(?:--user-data-dir=| -profile )(\/tmp\/\S+)/g)].map(
                (match) => match[1] as string,
              ),
            ),
          ),
        ];
        expect(profiles).toHaveLength(1);
        expect(profiles.filter(existsSync)).toEqual(profiles);

        if (how === 'group') process.kill(-(run.child.pid as number), 'SIGINT');
        else run.child.kill('SIGTERM');
        await Promise.race([
          run.exited,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('npm did not exit')), 30_000),
          ),
        ]);
        // Everything the run started exits; give a browser a few seconds to shut down.
        const left = () => [
          ...new Map([...stillRunning(tree), ...run.processes()].map((p) => [p.pid, p])).values(),
        ];
        await until(
          'its processes to exit',
          () => (left().length === 0 ? true : undefined),
          20_000,
        ).catch(() => undefined);
        expect(describeProcs(left())).toEqual([]);
        // …and its profile directory is removed with it.
        expect(profiles.filter(existsSync)).toEqual([]);
      } finally {
        // Whatever happened, leave nothing of this run behind on the shared machine.
        for (const proc of [...stillRunning(tree), ...run.processes()])
          try {
            process.kill(proc.pid, 'SIGKILL');
          } catch {}
        try {
          process.kill(-(run.child.pid as number), 'SIGKILL');
        } catch {}
        for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
