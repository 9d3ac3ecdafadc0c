/** Small builders shared by unit tests. */
import type { Profile } from '../../people/schema';

export function person(id: string, overrides: Partial<Profile> = {}): Profile {
  return {
    id,
    name: `Person ${id}`,
    headline: 'Engineer',
    bio: 'Builds things.',
    projects: [],
    contact: {},
    identities: { github: [`gh-${id}`], linkedin: [] },
    ...overrides,
  };
}
