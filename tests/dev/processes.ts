/**
 * The processes one `npm run dev` started, read from Linux's /proc, so the
 * dev-command test can tell *its own* browser from the others running on a
 * shared machine (other checkouts' tests start Chromium and Firefox too).
 * A process counts if it descends from that npm or carries the marker
 * variable its environment was given: Chromium's launcher starts the browser
 * in a process group of its own, and its crash handler leaves the tree
 * (its parent becomes init), but both inherit the environment. Each is
 * remembered with its start time, so a pid the kernel reuses later is not
 * mistaken for a survivor.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Proc {
  pid: number;
  ppid: number;
  /** Clock ticks after boot (field 22 of /proc/<pid>/stat). */
  started: string;
  command: string;
}

function read(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces or ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid: Number(fields[1]), started: fields[19] ?? '', command };
  } catch {
    return undefined; // it exited while we looked
  }
}

export function allProcesses(): Proc[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => read(Number(name)) ?? []);
}

/** Processes whose environment holds `name=value`. */
export function marked(name: string, value: string, table = allProcesses()): Proc[] {
  const needle = `${name}=${value}`;
  return table.filter((proc) => {
    try {
      return readFileSync(`/proc/${proc.pid}/environ`, 'utf8').split('\0').includes(needle);
    } catch {
      return false;
    }
  });
}

/** Every process whose chain of parents reaches `root` (not `root` itself). */
export function descendants(root: number, table = allProcesses()): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const proc of table) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  const found: Proc[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Those of `procs` still running: the same pid with the same start time. */
export function stillRunning(procs: Proc[]): Proc[] {
  return procs.filter((proc) => {
    const now = read(proc.pid);
    return now !== undefined && now.started === proc.started && !isZombie(proc.pid);
  });
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
