/**
 * Build-time gate for the bundled profiles: every `data/profiles/*.json` that
 * the build pulls in is validated against the schema before Vite turns it into
 * a module. An invalid file fails the build with its name and the field path,
 * e.g. `data/profiles/tyler-neely.json: contact.website must be an http(s) URL`.
 * What the module then holds is the schema's output (defaults applied, text
 * trimmed, `$schema` dropped), so the runtime takes bundled data as it is,
 * without shipping zod.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { catalogLookup } from '../i18n/catalog.ts';
import { setLookup } from '../i18n/t.ts';
import type { Profile } from '../people/schema.ts';
import { validateProfile } from '../people/validate.ts';

// The build speaks English: there is no browser.i18n in Node (i18n/t.ts).
setLookup(
  catalogLookup(
    JSON.parse(
      readFileSync(join(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8'),
    ),
  ),
  'en',
);

const PROFILE_FILE = /[\\/]data[\\/]profiles[\\/][^\\/]+\.json$/;

export function checkBundledProfile(
  file: string,
  source: string,
): { ok: true; value: Profile } | { ok: false; errors: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [`${file}: is not valid JSON (${(error as Error).message})`] };
  }
  const result = validateProfile(value);
  if (!result.ok)
    return { ok: false, errors: result.errors.map((message) => `${file}: ${message}`) };
  // A note is the user's own (issue 26): bundled data never carries one.
  if (result.value.mine !== undefined)
    return { ok: false, errors: [`${file}: "mine" is the user's own note and never bundled`] };
  const expected = basename(file, '.json');
  if (result.value.id !== expected) {
    return {
      ok: false,
      errors: [`${file}: id "${result.value.id}" must match the file name ("${expected}")`],
    };
  }
  const { $schema: _editorHint, ...profile } = result.value;
  return { ok: true, value: profile };
}

export function validateProfilesPlugin(root = process.cwd()): Plugin {
  return {
    name: 'profile-card:validate-profiles',
    enforce: 'pre',
    transform(source, id) {
      if (!PROFILE_FILE.test(id)) return null;
      const result = checkBundledProfile(relative(root, id), source);
      if (!result.ok) this.error(`Invalid bundled profile\n  ${result.errors.join('\n  ')}`);
      return { code: JSON.stringify(result.value), map: null };
    },
  };
}
