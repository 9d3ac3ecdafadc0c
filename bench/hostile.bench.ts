/**
 * Worst cases for the import checks (issue 17, bug 10), measured rather than
 * asserted: `npx vitest bench --run bench/hostile.bench.ts`. Each case is
 * built to make a backtracking pattern work hardest: long runs that fail at
 * their very end, `<` after `<` with no `>`, nesting that never closes, and
 * the largest file the importer accepts (5 MB) filled with such values.
 * The unit tests check the structure (length before any pattern, no
 * recursion); this says how long the worst of it takes.
 */
import { bench, describe } from 'vitest';
import { MAX_IMPORT_BYTES, previewImport } from '../formats/import';
import { toVCard } from '../formats/vcard';
import { bundledProfiles } from '../people/bundled';
import type { Profile } from '../people/schema';
import { validateProfile } from '../people/validate';

const context = { existing: [], bundled: bundledProfiles };
const base = { id: 'ada', name: 'Ada', identities: { github: ['ada'] } };

/** The longest URL the schema allows, failing at its last character. */
const urlAtLimit = `https://${'a'.repeat(2048 - 9)}<`;
/** A 1,200-character bio of `<x ` openings: every `<` starts an attribute scan. */
const bioOpenings = '<x '.repeat(400);
const bioHyphens = `<a${'-a'.repeat(598)}<`;
const bioEquals = `<x ${'a='.repeat(597)}<`;

const freezeFile = JSON.stringify({
  ...base,
  contact: { website: `https://${'a'.repeat(391_000)}<` },
});
const deepFile = '['.repeat(20_000);

/** As many profiles as fit in 5 MB, each with the worst values within the limits. */
const worstProfile = (index: number) => ({
  id: `p${index}`,
  name: 'Ada <x '.repeat(11),
  headline: '<x '.repeat(53),
  bio: bioOpenings,
  location: 'x<y '.repeat(20),
  projects: [{ name: 'Vec<T>', description: '<a-'.repeat(80), url: urlAtLimit.slice(0, 2048) }],
  contact: { website: `https://${'a'.repeat(2000)}/`, email: `${'a.'.repeat(30)}@x` },
  identities: { github: [`gh${index}`], linkedin: [`аda-${'a'.repeat(90)}`] },
});
const one = JSON.stringify(worstProfile(0)).length;
const fullFile = JSON.stringify(
  Array.from({ length: Math.floor((MAX_IMPORT_BYTES - 1000) / (one + 10)) }, (_, index) =>
    worstProfile(index),
  ),
);

const cards = Array.from({ length: 5000 }, (_, index) =>
  toVCard({
    id: `p${index}`,
    name: `Person ${index}`,
    projects: [],
    contact: { email: `p${index}@example.com` },
    identities: { github: [], linkedin: [] },
  } as Profile),
).join('');

/** 5 MB of entries that are not profiles: the import stops after 1,000 refusals. */
const junkJson = `[${Array(1_700_000).fill('{}').join(',')}]`;
const emptyCard = 'BEGIN:VCARD\r\nEND:VCARD\r\n';
const emptyCards = emptyCard.repeat(Math.floor(MAX_IMPORT_BYTES / emptyCard.length));

/** 5 MB of the smallest cards, all with one name: each needs the next free id. */
const tinyCard = 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n';
const tinyCards = tinyCard.repeat(Math.floor(MAX_IMPORT_BYTES / tinyCard.length));

describe('one value at the limits', () => {
  bench('URL of 2,048 characters failing at the end', () => {
    validateProfile({ ...base, contact: { website: urlAtLimit } });
  });
  bench('bio of 400 "<x " openings', () => {
    validateProfile({ ...base, bio: bioOpenings });
  });
  bench('bio "<a-a-a…" of 1,200', () => {
    validateProfile({ ...base, bio: bioHyphens });
  });
  bench('bio "<x a=a=a=…" of 1,200', () => {
    validateProfile({ ...base, bio: bioEquals });
  });
  bench('URL of 1 MB (refused by length)', () => {
    validateProfile({ ...base, contact: { website: `https://${'a'.repeat(1024 * 1024)}<` } });
  });
});

describe('whole files', () => {
  bench('the 391 KB file that froze the page for 73 s', () => {
    previewImport('freeze.json', freezeFile, context);
  });
  bench('20,000 unclosed [', () => {
    previewImport('deep.json', deepFile, context);
  });
  bench(
    '5 MB of [{},{},…] (1.7 million entries)',
    () => {
      previewImport('junk.json', junkJson, context);
    },
    { iterations: 5, time: 0 },
  );
  bench(
    `5 MB of empty vCards (${emptyCards.length / emptyCard.length})`,
    () => {
      previewImport('empty.vcf', emptyCards, context);
    },
    { iterations: 5, time: 0 },
  );
  bench(
    `5 MB of worst-case profiles (${Math.round(fullFile.length / 1024)} KB)`,
    () => {
      previewImport('worst.json', fullFile, context);
    },
    { iterations: 3, time: 0 },
  );
  bench(
    '5,000 vCards',
    () => {
      previewImport('cards.vcf', cards, context);
    },
    { iterations: 3, time: 0 },
  );
  bench(
    `5 MB of one-line cards with one name (${tinyCards.length / tinyCard.length})`,
    () => {
      previewImport('tiny.vcf', tinyCards, context);
    },
    { iterations: 2, time: 0 },
  );
});
