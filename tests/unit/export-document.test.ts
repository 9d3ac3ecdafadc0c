/**
 * Export's text (formats/export.ts): indented while it stays within 1 MB,
 * compact past it — the same bytes whichever text is made first.
 */
import { EXPORT_FORMAT_VERSION, exportDocument, exportInParts } from '../../formats/export';
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

describe('exportInParts: exportDocument a slice at a time', () => {
  const inParts = (profiles: Profile[], slice: number) => {
    const writer = exportInParts();
    writer.add([]);
    for (let at = 0; at < profiles.length; at += slice) {
      writer.add(profiles.slice(at, at + slice));
      if (at === 0) writer.add([]);
    }
    return writer.finish().join('');
  };
  it.each([
    ['nobody', people(0)],
    ['indented (small)', people(3)],
    ['compact only where indented would pass 1 MB', people(8000)],
    ['compact past 1 MB', people(20, 'x'.repeat(60_000))],
    ['compact, many slices', people(30_000)],
  ])('gives the same text for %s, at any slice size', (_, profiles) => {
    const whole = exportDocument(profiles);
    for (const slice of [1, 7, 5000, 100_000]) {
      if (slice === 1 && profiles.length > 8000) continue;
      expect(inParts(profiles, slice)).toBe(whole);
    }
  });

  it('is compact exactly where exportDocument turns compact (on the limit and one past it)', () => {
    // Grow one bio until the compact text is LIMIT long, then one more character.
    const base = people(10, 'x');
    const over = LIMIT - JSON.stringify({ version: EXPORT_FORMAT_VERSION, profiles: base }).length;
    for (const extra of [over, over + 1]) {
      const profiles = people(10, 'x');
      (profiles[9] as Profile).bio = 'x'.repeat(1 + extra);
      const compact = JSON.stringify({ version: EXPORT_FORMAT_VERSION, profiles });
      expect(compact.length).toBe(LIMIT + extra - over);
      expect(inParts(profiles, 3)).toBe(exportDocument(profiles));
    }
  });
});
