/**
 * A person is never refused whole for one unusable field. An entry that
 * fails validation only in fields a person can do without (an email, a
 * website, a link, a project's URL, one handle, a headline…) comes back
 * without those fields, with a sentence for each saying which field and why,
 * in the form's words (../people/field-words.ts):
 *
 *   { name: "Søren", contact: { email: "not an email" } }
 *     ─▶ { name: "Søren", contact: {} }
 *        + `Email "not an email" is not an email, so it was left out`
 *
 * The id and the name are what a person is: a problem there still refuses
 * the entry (import.ts says why). Pure; the schema has the last word.
 */
import { t } from '../i18n/t.ts';
import { fieldWords } from '../people/field-words.ts';
import { profileSchema } from '../people/schema.ts';
import { type Issue, issuesOf } from '../people/validate.ts';
import { clip, defang } from '../text/characters.ts';

export type Salvaged =
  | {
      ok: true;
      document: Record<string, unknown>;
      leftOut: string[];
      /** The same, by field, for a form to mark (it must never drop what a person typed). */
      issues: Issue[];
    }
  | { ok: false };

/** Removing an unusable field rarely uncovers another; stop after this many passes. */
const ROUNDS = 3;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The field to take out for an issue at `path`, or undefined when no person is left without it. */
export function removablePath(path: readonly PropertyKey[]): PropertyKey[] | undefined {
  const [first, second, third] = path;
  if (first === undefined || first === 'id' || first === 'name') return undefined;
  if (first === 'identities') {
    // The lists themselves are required; one handle in them is not.
    if ((second === 'github' || second === 'linkedin') && typeof third === 'number')
      return path.slice(0, 3);
    return second === undefined ? undefined : path.slice(0, 2);
  }
  if (first === 'projects' && typeof second === 'number') {
    // A project without a usable description, URL or repo is still a project; without a name it is none.
    return third === 'description' || third === 'url' || third === 'repo'
      ? path.slice(0, 3)
      : path.slice(0, 2);
  }
  // A link is its URL and label together: one unusable, the link goes.
  if (first === 'contact' && second === 'links' && typeof third === 'number')
    return path.slice(0, 3);
  if (first === 'contact') return second === undefined ? ['contact'] : path.slice(0, 2);
  if (first === 'highlights' && typeof second === 'number') return path.slice(0, 2);
  return path.slice(0, 1);
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isRecord(value)) value = value[String(part)];
    else return undefined;
  }
  return value;
}

/** A deep copy of the plain JSON-like value (entries come from JSON or our readers). */
const copy = <T>(value: T): T => structuredClone(value);

/** Takes out every path, array items from the last, so earlier indexes stay right. */
function remove(document: Record<string, unknown>, paths: PropertyKey[][]): void {
  const sorted = [...paths].sort((a, b) => {
    const last = (path: PropertyKey[]) => path.at(-1);
    const x = last(a);
    const y = last(b);
    return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
  });
  for (const path of sorted) {
    const parent = valueAt(document, path.slice(0, -1));
    const key = path.at(-1);
    if (Array.isArray(parent) && typeof key === 'number') {
      parent.splice(key, 1);
      // An optional list left empty goes too: a person has no links, not an empty list of them.
      const field = path.slice(0, -1);
      const owner = valueAt(document, field.slice(0, -1));
      const name = field.at(-1);
      if (parent.length === 0 && isRecord(owner) && (name === 'links' || name === 'highlights'))
        delete owner[String(name)];
    } else if (isRecord(parent) && key !== undefined) delete parent[String(key)];
  }
}

/** The value being left out, quoted briefly, for the sentence; nothing for lists and objects. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? ` ${JSON.stringify(clip(defang(value), 60))}` : '';
}

function sentence(issue: Issue, document: unknown): string {
  const path = removablePath(issue.path) ?? issue.path;
  const words = fieldWords(path, document);
  // An identity's words already name its handle.
  const value = path[0] === 'identities' ? '' : quoted(valueAt(document, issue.path));
  return t('import_left_out', `${words}${value}`, issue.message);
}

/**
 * `document` without the fields it cannot keep, or `{ ok: false }` when what
 * is wrong is the id, the name, or the entry as a whole.
 * `ignore` skips issues at paths the caller settles itself (a vCard's
 * entry has its id only once it is placed).
 */
export function salvage(
  document: unknown,
  ignore: (path: readonly PropertyKey[]) => boolean = () => false,
): Salvaged {
  if (!isRecord(document)) return { ok: false };
  let current = document;
  const leftOut: string[] = [];
  const found: Issue[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = profileSchema().safeParse(current, { reportInput: true });
    const issues = result.success
      ? []
      : result.error.issues.flatMap(issuesOf).filter((issue) => !ignore(issue.path));
    if (issues.length === 0) return { ok: true, document: current, leftOut, issues: found };
    const paths: PropertyKey[][] = [];
    const seen = new Set<string>();
    for (const issue of issues) {
      const path = removablePath(issue.path);
      if (!path) return { ok: false };
      const key = JSON.stringify(path);
      if (seen.has(key)) continue;
      seen.add(key);
      paths.push(path);
      leftOut.push(sentence(issue, current));
      found.push(issue);
    }
    if (current === document) current = copy(document);
    remove(current, paths);
  }
  return { ok: false };
}
