/**
 * The profiles that ship with the extension, one JSON file per person in
 * `./profiles/`. Each file passes through vite-plugin-validate-profiles, which
 * fails the build on an invalid file and hands over the schema's output, so
 * the runtime takes them as they are, without zod.
 */
import type { Profile } from './schema';

const files = import.meta.glob<Profile>('../data/profiles/*.json', {
  eager: true,
  import: 'default',
});

export const bundledProfiles: readonly Profile[] = Object.keys(files)
  .sort()
  .map((file) => files[file] as Profile);
