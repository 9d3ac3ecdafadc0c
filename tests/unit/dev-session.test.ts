/**
 * build/dev-session.ts with a stand-in for Node's `process`: which signal
 * stops the dev server, with which exit code, what a second signal does, and
 * that Chromium's dev profile directory is fresh at the start and gone at
 * exit. The real thing, with real browsers: tests/dev/dev-commands.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devChromiumProfile, type SignalTarget, startDevSession } from '../../build/dev-session';

function fakeProcess() {
  const listeners = new Map<string, (() => void)[]>();
  const exits: number[] = [];
  const target: SignalTarget = {
    once(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return target;
    },
    exit(code) {
      exits.push(code);
      for (const listener of listeners.get('exit') ?? []) listener();
      return undefined;
    },
  };
  const emit = (event: string) => {
    const current = listeners.get(event) ?? [];
    listeners.delete(event); // `once`
    for (const listener of current) listener();
  };
  return { target, emit, exits, events: () => [...listeners.keys()].sort() };
}

function fakeServer() {
  let finish: () => void = () => undefined;
  const server = {
    stops: 0,
    stop: () => {
      server.stops++;
      return new Promise<void>((resolve) => (finish = resolve));
    },
  };
  return { server, finish: () => finish() };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dev-session-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('startDevSession', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ])('on %s stops the server, then exits with %i', async (signal, code) => {
    const { target, emit, exits } = fakeProcess();
    const { server, finish } = fakeServer();
    startDevSession(server, { target, profile: join(dir, 'profile') });
    emit(signal);
    expect(server.stops).toBe(1);
    expect(exits).toEqual([]); // not before the browser has closed
    finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(exits).toEqual([code]);
  });

  it('exits at once on a second signal while stopping', () => {
    const { target, emit, exits } = fakeProcess();
    const { server } = fakeServer();
    startDevSession(server, { target, profile: join(dir, 'profile') });
    emit('SIGINT');
    expect(exits).toEqual([]);
    emit('SIGTERM');
    expect(exits).toEqual([143]);
    expect(server.stops).toBe(1);
  });

  it('exits even when the server fails to stop, and says so', async () => {
    const { target, emit, exits } = fakeProcess();
    const logged: string[] = [];
    const server = { stop: () => Promise.reject(new Error('web-ext hung')) };
    startDevSession(server, {
      target,
      profile: join(dir, 'profile'),
      log: (line) => logged.push(line),
    });
    emit('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(exits).toEqual([143]);
    expect(logged.join()).toMatch(/did not stop cleanly: Error: web-ext hung/);
  });

  it("makes Chromium's profile fresh at the start and removes it at exit", () => {
    const profile = join(dir, 'profile');
    mkdirSync(profile);
    writeFileSync(join(profile, 'Local State'), '{}'); // a dead run's
    const { target, exits } = fakeProcess();
    startDevSession(fakeServer().server, { target, profile });
    expect(existsSync(profile)).toBe(true);
    expect(existsSync(join(profile, 'Local State'))).toBe(false);
    writeFileSync(join(profile, 'Local State'), '{}'); // the browser ran
    target.exit(130); // as Chromium's launcher does on SIGINT, before our handler
    expect(exits).toEqual([130]);
    expect(existsSync(profile)).toBe(false);
  });

  it('sets its handlers once per server (WXT calls the hook again on restart)', () => {
    const { target, events } = fakeProcess();
    const { server } = fakeServer();
    startDevSession(server, { target, profile: join(dir, 'profile') });
    const once = events();
    startDevSession(server, { target, profile: join(dir, 'profile') });
    expect(events()).toEqual(once);
    expect(once).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM', 'exit']);
  });

  it('names one profile directory per dev server process', () => {
    expect(devChromiumProfile(41)).not.toBe(devChromiumProfile(42));
    expect(devChromiumProfile(41)).toBe(join(tmpdir(), 'profile-card-dev-chromium-41'));
  });
});
