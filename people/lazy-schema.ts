/**
 * A zod schema built on its first use, not when its module loads: building
 * the profile schema and the rest at load was about a third of the service
 * worker's start, which the first lookup after the worker woke waits for
 * (issue 28, bench/cold-lookup.ts). Every module-level schema is one of these:
 *
 *   export const linkSchema = lazy(() => z.strictObject({ … }));
 *   linkSchema().safeParse(value);            // built here, once, then kept
 *   type Link = z.output<ReturnType<typeof linkSchema>>;
 *
 * A schema made of others calls their getters inside its own builder, so
 * a part shared by two schemas is still one object, as before.
 */
import { z } from 'zod';

// zod 4 can compile validators with `new Function`; extension pages forbid
// eval (and web-ext lint flags it), so never try: https://zod.dev/packages/core#jitless
// Set here, where every schema is built from.
z.config({ jitless: true });

/** `build`'s schema, built on the first call and the same object on every call after. */
export function lazy<Schema extends z.core.$ZodType>(build: () => Schema): () => Schema {
  let built: Schema | undefined;
  return () => {
    built ??= build();
    return built;
  };
}
