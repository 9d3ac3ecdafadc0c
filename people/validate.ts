/**
 * Turning zod's verdicts into sentences a person can act on, naming each
 * field as the form does (./field-words.ts): `Email is not an email`,
 * `Project 3 URL must be an http(s) URL`, never a schema path.
 * Used at every edge that validates: the build, imports, storage reads.
 *
 * Each verdict is also kept as a field path and what is wrong with it
 * (`{ path: ['contact', 'email'], message: 'is not an email' }`), so the edit
 * form can name the field by its label ("Email is not an email") and mark it.
 */
import type { z } from 'zod';
import { type MessageKey, t } from '../i18n/t.ts';
import { fieldWords } from './field-words.ts';
import { type Profile, profileSchema } from './schema.ts';

/** One thing wrong with one field; `path` [] is the profile as a whole. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

export type Validation<T> =
  | { ok: true; value: T }
  | { ok: false; errors: string[]; issues: Issue[] };

/** `contact.links.0.url` → "Link 1 URL"; the document itself is "the profile". */
export function formatPath(path: ReadonlyArray<PropertyKey>, document?: unknown): string {
  return fieldWords(path, document);
}

/** `Email is not an email` (`E-Mail: ist keine E-Mail-Adresse`); `document` names handles. */
export function describe(issue: Issue, document?: unknown): string {
  return t('issue_line', formatPath(issue.path, document), issue.message);
}

const TYPES: Record<string, MessageKey> = {
  array: 'v_type_array',
  object: 'v_type_object',
  string: 'v_type_string',
};
/** "must be a list", for the type zod expected. */
function mustBe(expected: string): string {
  const key = TYPES[expected];
  return key ? t(key) : t('v_type_named', expected);
}

/** zod's issue → ours: one per unknown key, "is required" for a missing field. */
export function issuesOf(issue: z.core.$ZodIssue): Issue[] {
  const path = [...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: t('v_unknown_field') }));
    case 'invalid_type':
      return [
        {
          path,
          message: issue.input === undefined ? t('v_required') : mustBe(issue.expected),
        },
      ];
    case 'too_big':
      if (issue.origin === 'array')
        return [{ path, message: t('v_at_most_entries', Number(issue.maximum)) }];
      return [{ path, message: issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** The sentence for one zod issue (several for unknown keys, joined). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return issuesOf(issue).map(describe).join('; ');
}

export function validateProfile(value: unknown): Validation<Profile> {
  const result = profileSchema().safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  // A value can fail two checks that say the same thing (a URL's pattern and
  // its parse); say it once.
  const issues = new Map<string, Issue>();
  for (const issue of result.error.issues.flatMap(issuesOf))
    issues.set(describe(issue, value), issue);
  return { ok: false, errors: [...issues.keys()], issues: [...issues.values()] };
}
