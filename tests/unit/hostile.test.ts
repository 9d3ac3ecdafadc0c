/**
 * Every hostile payload in every field: the importer refuses what could run,
 * mislead or bloat, and whatever it accepts passes an independent safety
 * check (not the schema's own code).
 */
import { html, type Token, Tokenizer } from 'parse5';
import { leftOutLines, previewImport } from '../../formats/import';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import {
  DIRECTION_AND_CONTROL,
  HOSTILE,
  HUGE,
  LOOKS_DANGEROUS,
  MARKUP,
  URL_INVISIBLE,
  URL_SCHEMES,
} from './hostile';

const base = () => ({
  id: 'target',
  name: 'Target',
  headline: 'Headline',
  bio: 'Bio',
  location: 'Somewhere',
  highlights: ['One'],
  projects: [
    {
      name: 'Project',
      description: 'Does things',
      url: 'https://example.com/p',
      repo: 'owner/repo',
    },
  ],
  contact: {
    email: 'target@example.com',
    website: 'https://example.com/',
    links: [{ label: 'Blog', url: 'https://blog.example/' }],
  },
  identities: { github: ['target'], linkedin: ['target-person'] },
});

const TEXT_FIELDS = [
  'name',
  'headline',
  'bio',
  'location',
  'highlights.0',
  'projects.0.name',
  'projects.0.description',
  'contact.links.0.label',
];
const URL_FIELDS = ['projects.0.url', 'contact.website', 'contact.links.0.url'];
const HANDLE_FIELDS = [
  'id',
  'projects.0.repo',
  'contact.email',
  'identities.github.0',
  'identities.linkedin.0',
];
const FIELDS = [...TEXT_FIELDS, ...URL_FIELDS, ...HANDLE_FIELDS];

function withField(path: string, value: string): unknown {
  const document = base() as Record<string, unknown>;
  const keys = path.split('.');
  let node = document as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
  return document;
}

/**
 * Markup as a spec-following HTML tokenizer (parse5, not our code) sees it:
 * a comment, doctype or end tag; a start tag the parser knows, or a custom
 * element; or any tag carrying an attribute with a value.
 */
function tokenizerMarkup(text: string): string | undefined {
  let found: string | undefined;
  const startTag = (token: Token.TagToken) => {
    if (html.getTagID(token.tagName) !== html.TAG_ID.UNKNOWN) found ??= `<${token.tagName}>`;
    else if (token.tagName.includes('-')) found ??= `<${token.tagName}>`;
    else if (token.attrs.some((attr) => attr.value !== '')) found ??= `<${token.tagName} …=>`;
  };
  const tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {
      onComment: () => {
        found ??= 'comment';
      },
      onDoctype: () => {
        found ??= 'doctype';
      },
      onStartTag: startTag,
      onEndTag: (token) => {
        found ??= `</${token.tagName}>`;
      },
      onEof: () => {},
      onCharacter: () => {},
      onNullCharacter: () => {},
      onWhitespaceCharacter: () => {},
    },
  );
  tokenizer.write(text, true);
  return found;
}

/** Independent of people/schema.ts: what "safe to store" means, checked from scratch. */
function unsafeParts(profile: Profile): string[] {
  const problems: string[] = [];
  const texts = [
    profile.id,
    profile.name,
    profile.headline ?? '',
    profile.bio ?? '',
    profile.location ?? '',
    ...(profile.highlights ?? []),
    ...profile.projects.flatMap((p) => [p.name, p.description ?? '', p.repo ?? '']),
    ...(profile.contact.links ?? []).map((l) => l.label),
    profile.contact.email ?? '',
    ...profile.identities.github,
    ...profile.identities.linkedin,
  ];
  for (const text of texts) {
    const markup = tokenizerMarkup(text);
    if (markup) problems.push(`markup ${markup}: ${text.slice(0, 40)}`);
    if (
      /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/.test(text)
    )
      problems.push(`control: ${JSON.stringify(text.slice(0, 40))}`);
    if (!text.isWellFormed()) problems.push(`lone surrogate: ${JSON.stringify(text.slice(0, 40))}`);
    if (text.length > 1200) problems.push(`huge: ${text.length}`);
  }
  const urls = [
    ...profile.projects.map((p) => p.url ?? 'https://ok.example/'),
    profile.contact.website ?? 'https://ok.example/',
    ...(profile.contact.links ?? []).map((l) => l.url),
  ];
  for (const url of urls) {
    const protocol = (() => {
      try {
        return new URL(url).protocol;
      } catch {
        return 'unparseable';
      }
    })();
    if (protocol !== 'https:' && protocol !== 'http:') problems.push(`url: ${url}`);
    if (/["<>`\s\\]/.test(url)) problems.push(`url characters: ${url}`);
    if (
      /[\u200B-\u200F\u2060\uFEFF\u061C\u202A-\u202E\u2066-\u2069]/.test(url) ||
      !url.isWellFormed()
    )
      problems.push(`url invisible: ${JSON.stringify(url)}`);
  }
  return problems;
}

describe('hostile payloads', () => {
  it('has a corpus of at least 50', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
  });

  const cases = FIELDS.flatMap((field) => HOSTILE.map((payload) => [field, payload] as const));
  // The timeout guards against a hang, not speed: the shared test machine is slow.
  it(`never stores anything unsafe (${cases.length} payload × field cases)`, {
    timeout: 60_000,
  }, () => {
    let keptOut = 0;
    for (const [field, payload] of cases) {
      const result = previewImport('hostile.json', JSON.stringify(withField(field, payload)), {
        existing: [],
        bundled: bundledProfiles,
      });
      if (!result.ok) {
        keptOut++;
        continue;
      }
      const accepted = [...result.preview.added, ...result.preview.updated.map((u) => u.after)];
      for (const profile of accepted)
        expect(unsafeParts(profile), `${field} = ${JSON.stringify(payload.slice(0, 60))}`).toEqual(
          [],
        );
      // Refused whole (an id or a name), or kept without the field (issue 22).
      if (accepted.length === 0 || (result.preview.leftOut?.length ?? 0) > 0) keptOut++;
    }
    expect(keptOut).toBeGreaterThan(cases.length / 2);
  });

  /** How the preview names each field when it leaves it out (people/field-words.ts). */
  const WORDS: Record<string, string> = {
    headline: 'Headline',
    bio: 'Short bio',
    location: 'Location',
    'highlights.0': 'Highlight 1',
    'projects.0.name': 'Project 1',
    'projects.0.description': 'Project 1',
    'contact.links.0.label': 'Link 1',
    'projects.0.url': 'Project 1 URL',
    'contact.website': 'Website',
    'contact.links.0.url': 'Link 1',
  };
  const valueAt = (profile: unknown, path: string) =>
    path
      .split('.')
      .reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        profile,
      );

  it.each(TEXT_FIELDS)('keeps markup, direction tricks, controls and 1 MB out of %s', (field) => {
    for (const payload of [...MARKUP, ...DIRECTION_AND_CONTROL, ...HUGE]) {
      const result = previewImport('x.json', JSON.stringify(withField(field, payload)), {
        existing: [],
        bundled: bundledProfiles,
      });
      const what = `${field} = ${JSON.stringify(payload.slice(0, 40))}`;
      if (!result.ok) throw new Error(result.error);
      if (field === 'name') {
        // A person is their name: without one there is no one to keep.
        expect(result.preview.added.length, what).toBe(0);
        expect(result.preview.rejected[0]?.errors.join(' ')).toContain('Name');
        continue;
      }
      // The person is kept, without the field, and the preview says which.
      expect(result.preview.added.length, what).toBe(1);
      expect(valueAt(result.preview.added[0], field), what).not.toBe(payload);
      expect(result.preview.leftOut?.[0]?.fields.join(' '), what).toContain(WORDS[field]);
    }
  });

  it('the oracle sees markup where a browser would (and not in generics)', () => {
    for (const payload of MARKUP) expect(tokenizerMarkup(payload), payload).toBeDefined();
    for (const payload of ['Vec<T>', 'List<Integer>', 'Map<K, V>', 'x<y', 'a < b'])
      expect(tokenizerMarkup(payload), payload).toBeUndefined();
  });

  it.each(TEXT_FIELDS)('accepts text that only looks dangerous in %s', (field) => {
    for (const payload of LOOKS_DANGEROUS) {
      if (field === 'contact.links.0.label' && payload.length > 40) continue;
      const result = previewImport('x.json', JSON.stringify(withField(field, payload)), {
        existing: [],
        bundled: bundledProfiles,
      });
      expect(result.ok && result.preview.rejected, `${field} = ${payload}`).toEqual([]);
    }
  });

  it.each(URL_FIELDS)('keeps every non-http(s) URL out of %s', (field) => {
    for (const payload of [...URL_SCHEMES, ...URL_INVISIBLE, ...MARKUP]) {
      const result = previewImport('x.json', JSON.stringify(withField(field, payload)), {
        existing: [],
        bundled: bundledProfiles,
      });
      if (!result.ok) throw new Error(result.error);
      expect(result.preview.added.length, `${field} = ${payload}`).toBe(1);
      expect(valueAt(result.preview.added[0], field), `${field} = ${payload}`).not.toBe(payload);
      expect(result.preview.leftOut?.[0]?.fields.join(' ')).toContain(WORDS[field]);
    }
  });

  it('says which field, in words', () => {
    const result = previewImport(
      'x.json',
      JSON.stringify(withField('projects.0.url', 'javascript:alert(1)')),
      { existing: [], bundled: bundledProfiles },
    );
    expect(result.ok && result.preview.leftOut?.flatMap(leftOutLines)).toEqual([
      'profile 1 ("Target"): Project 1 URL "javascript:alert(1)" must be an http(s) URL, so it was left out',
    ]);
  });
});
