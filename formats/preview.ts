/**
 * What an import preview is: the verdict on a file, before anything is
 * written — added / updated / unchanged / refused, and the people kept
 * without a field — and what every reader is given to reach it. Shared by
 * ./import.ts (JSON, vCard), ./connections-csv.ts and ./read-entries.ts,
 * which each read one kind of file; here so none of them imports another's
 * reader for a type.
 */
import type { Profile } from '../people/schema';
import type { Issue } from '../people/validate';

/** Checked before parsing, so a huge file never reaches JSON.parse. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface Rejected {
  /** 1-based position in the file. */
  index: number;
  label: string;
  /** Which entry, in words: `profile 3 ("Ada")`. */
  prefix: string;
  /** What is wrong with it, one sentence each: `Email is not an email`. */
  errors: string[];
  /** The same, by field, for a form to mark (`path` [] when no one field is at fault). */
  issues: Issue[];
}

/** `profile 3 ("Ada"): Email is not an email`, one line per error. */
export function rejectionLines(rejected: Rejected): string[] {
  return rejected.errors.map((error) => `${rejected.prefix}: ${error}`);
}

/** A person kept without some of their fields, and which, in words. */
export interface LeftOut {
  index: number;
  /** Which entry, in words: `vCard 17 ("Søren Groß")`. */
  prefix: string;
  /** One sentence per field: `Email "not an email" is not an email, so it was left out`. */
  fields: string[];
  /** The same, by field (the edit form shows them as problems: it never drops what was typed). */
  issues: Issue[];
}

/** `vCard 17 ("Søren Groß"): Email "…" is not an email, so it was left out`, one line per field. */
export function leftOutLines(left: LeftOut): string[] {
  return left.fields.map((field) => `${left.prefix}: ${field}`);
}

export interface Preview {
  added: Profile[];
  updated: { before: Profile; after: Profile }[];
  unchanged: Profile[];
  rejected: Rejected[];
  /** People kept without a field that could not be used (formats/salvage.ts). */
  leftOut?: LeftOut[];
  /** What the reader shortened, dropped or filled in (Connections.csv, JSON Resume), in words. */
  notes?: string[];
}

export type ImportResult = { ok: true; preview: Preview } | { ok: false; error: string };

export interface ImportContext {
  /** The user's profiles now. */
  existing: readonly Profile[];
  bundled: readonly Profile[];
  /** Ids of bundled people the user hid: they own no handle (people/claims.ts). */
  hidden?: Iterable<string>;
  /** Hears how many entries have been checked, of all, every few hundred (for a progress bar). */
  onProgress?: (checked: number, total: number) => void;
}
