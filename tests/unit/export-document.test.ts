/**
 * Export's text (formats/export.ts): indented while it stays within 1 MB,
 * compact past it — the same bytes whichever text is made first.
 */
import { EXPORT_FORMAT_VERSION, exportDocument } from '../../formats/export';
import type { Profile } from '../../people/schema';

const people = (count: number, bio = ''): Profile[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    name: `Person ${index}`,
    projects: [],
    contact: {},
    identities: { github: [`p${index}`], linkedin: [] },
    ...(bio && { bio }),
  }));

const LIMIT = 1024 * 1024;

describe('exportDocument', () => {
  it('is indented while the indented text is within 1 MB', () => {
    const profiles = people(3);
    const document = { version: EXPORT_FORMAT_VERSION, profiles };
    expect(exportDocument(profiles)).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('is compact when only the indented text would pass 1 MB', () => {
    // Compact under the limit, indented over it: the case between the two.
    const profiles = people(8000);
    const document = { version: EXPORT_FORMAT_VERSION, profiles };
    expect(JSON.stringify(document).length).toBeLessThanOrEqual(LIMIT);
    expect(JSON.stringify(document, null, 2).length).toBeGreaterThan(LIMIT);
    expect(exportDocument(profiles)).toBe(`${JSON.stringify(document)}\n`);
  });

  it('is compact past 1 MB', () => {
    const profiles = people(20, 'x'.repeat(60_000));
    const document = { version: EXPORT_FORMAT_VERSION, profiles };
    expect(exportDocument(profiles)).toBe(`${JSON.stringify(document)}\n`);
  });
});
