/**
 * The one place that gives a new person an id: made from their name
 * (profiles/ids.ts `slugify`), and not one already taken ("ada", "ada-2", …).
 * Capturing from a page, LinkedIn's CSV and JSON Resume all call this, so
 * when ids.ts grows its own `uniqueId(name, taken)` only this body changes.
 */
import { slugify } from './ids';

export function newId(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
