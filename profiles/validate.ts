/**
 * Turning zod's verdicts into sentences a person can act on:
 * `contact.email is not an email`, `projects.2.url must be an http(s) URL`.
 * Used at every edge that validates: the build, imports, storage reads.
 */
import type { z } from 'zod';
import { type Profile, profileSchema } from './schema.ts';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** `contact.links.0.url`; the document itself is "the profile". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? 'the profile' : path.map(String).join('.');
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => `${where === 'the profile' ? key : `${where}.${key}`} is not a known field`)
        .join('; ');
    case 'invalid_type':
      return issue.input === undefined
        ? `${where} is required`
        : `${where} must be ${article(issue.expected)}`;
    case 'too_big':
      if (issue.origin === 'array') return `${where} must have at most ${issue.maximum} entries`;
      return `${where} ${issue.message}`;
    default:
      return `${where} ${issue.message}`;
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'an object';
  return `a ${expected}`;
}

export function validateProfile(value: unknown): Validation<Profile> {
  const result = profileSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  // A value can fail two checks that say the same thing (a URL's pattern and
  // its parse); say it once.
  return { ok: false, errors: [...new Set(result.error.issues.map(describeIssue))] };
}
