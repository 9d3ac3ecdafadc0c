/**
 * The JSON Schema that editors use to validate profile files, generated from
 * the zod schema (https://zod.dev/json-schema). It describes the file as
 * written (`io: 'input'`), so fields with defaults are optional. Written to
 * `profile.schema.json` by `npm run schema`; tests/unit/json-schema.test.ts
 * fails when the committed file drifts from this.
 */
import { z } from 'zod';
import { profileSchema } from '../people/schema';

export function profileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(profileSchema(), { io: 'input', target: 'draft-2020-12' }),
    // i18n-ignore-start: the JSON Schema's own title and description, read by editors
    title: 'Profile Card profile',
    description:
      'One person as Profile Card shows them. Generated from people/schema.ts by `npm run schema`; do not edit by hand.',
    // i18n-ignore-end
  };
}
