/**
 * Profile ids made from names: "Deniz Altınbüken" → `deniz-altinbuken`.
 * Folded the same way search folds (text/fold.ts), so "Łukasz Żółw" becomes
 * `lukasz-zolw`, never `ukasz-w`. People never type an id: the edit form
 * and imports derive one with `uniqueId`, numbered when the name is taken
 * (`ada-lovelace-2`).
 */
import { fold } from '../text/fold';

const MAX = 64;

export function slugify(name: string): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
  return slug || 'person';
}

/** The `n`th id for a slug: `ada`, `ada-2`, `ada-3`…, within 64 characters. */
export function numberedId(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** The id for `name` that is not in `taken`: its slug, else numbered from 2. */
export function uniqueId(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const id = numberedId(base, n);
    if (!taken.has(id)) return id;
  }
}
