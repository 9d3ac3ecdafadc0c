/**
 * The Markdown our own documents use (components/parts/markdown.ts), read as
 * data: every shape CHANGELOG.md and PRIVACY.md use, and that nothing in
 * them can become a link to anywhere but an https:// page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Block, parseInline, parseMarkdown } from '../../components/parts/markdown';

const root = join(import.meta.dirname, '../..');

describe('inline', () => {
  it.each([
    ['plain', [{ kind: 'text', text: 'plain' }]],
    [
      'a `storage.sync` b',
      [
        { kind: 'text', text: 'a ' },
        { kind: 'code', text: 'storage.sync' },
        { kind: 'text', text: ' b' },
      ],
    ],
    [
      '**Nothing** else',
      [
        { kind: 'strong', text: 'Nothing' },
        { kind: 'text', text: ' else' },
      ],
    ],
    [
      'see [help](https://support.google.com/chrome/answer/1181035)',
      [
        { kind: 'text', text: 'see ' },
        { kind: 'link', text: 'help', href: 'https://support.google.com/chrome/answer/1181035' },
      ],
    ],
    // Not https: the text stays, the target goes.
    ['[README](README.md#privacy)', [{ kind: 'text', text: 'README' }]],
    [
      '[x](javascript:alert(1))',
      [
        { kind: 'text', text: 'x' },
        { kind: 'text', text: ')' },
      ],
    ],
    ['[x](http://example.org/)', [{ kind: 'text', text: 'x' }]],
    ['[`store/db.ts`](store/db.ts)', [{ kind: 'code', text: 'store/db.ts' }]],
    ['<img src=x onerror=alert(1)>', [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]],
    ['a * b ** c', [{ kind: 'text', text: 'a * b ** c' }]],
  ])('%s', (source, expected) => {
    // Adjacent text parts are merged, so compare the text they make.
    const parts = parseInline(source);
    expect(parts.filter((part) => part.kind !== 'text')).toEqual(
      (expected as { kind: string }[]).filter((part) => part.kind !== 'text'),
    );
    expect(parts.map((part) => part.text).join('')).toBe(
      (expected as { text: string }[]).map((part) => part.text).join(''),
    );
  });
});

describe('blocks', () => {
  it('reads headings, paragraphs joined from lines, and list items with continuation lines', () => {
    const blocks = parseMarkdown(
      [
        '# Title',
        '',
        'One line',
        'and the next.',
        '',
        '- first item',
        '  continued',
        '- second',
        'After the list.',
        '',
        '### Small',
      ].join('\r\n'),
    );
    const text = (block: Block) =>
      block.kind === 'list'
        ? block.items.map((item) => item.map((part) => part.text).join(''))
        : block.content.map((part) => part.text).join('');
    expect(blocks.map((block) => [block.kind, text(block)])).toEqual([
      ['heading', 'Title'],
      ['paragraph', 'One line and the next.'],
      ['list', ['first item continued', 'second']],
      ['paragraph', 'After the list.'],
      ['heading', 'Small'],
    ]);
    expect(blocks[4]).toMatchObject({ kind: 'heading', level: 3 });
  });

  it.each(['PRIVACY.md', 'CHANGELOG.md'])('%s links only to https:// pages', (file) => {
    const blocks = parseMarkdown(readFileSync(join(root, file), 'utf8'));
    expect(blocks.length).toBeGreaterThan(3);
    const hrefs = blocks.flatMap((block) =>
      (block.kind === 'list' ? block.items.flat() : block.content).flatMap((part) =>
        part.kind === 'link' ? [part.href] : [],
      ),
    );
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/[^\s"'<>]+$/);
  });
});
