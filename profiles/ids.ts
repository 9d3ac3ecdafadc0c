/**
 * Profile ids made from names: "Deniz Altınbüken" → `deniz-altinbuken`.
 * Folded the same way search folds (text/fold.ts), so "Łukasz Żółw" becomes
 * `lukasz-zolw`, never `ukasz-w`.
 */
import { fold } from '../text/fold';

export function slugify(name: string): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'person';
}
