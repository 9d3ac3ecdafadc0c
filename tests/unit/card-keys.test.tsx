/**
 * The card's lists keep every item in order when names, URLs or highlights
 * repeat (issue 17.12: `key={project.name}` and `key={link.url}` gave Preact
 * duplicate keys, which it warns "may cause glitches and misbehavior in
 * rendering"). preact/debug reports duplicate keys as console errors.
 */
import 'preact/debug';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card } from '../../components/card/Card';
import type { Profile } from '../../people/schema';
import { person } from './fixtures';

const repeating: Profile = person('repeats', {
  bio: 'A bio long enough to be clamped, so the card offers to show more of it. '.repeat(3),
  highlights: ['Same line', 'Other line', 'Same line'],
  projects: ['tool', 'tool', 'lib', 'tool', 'app', 'lib'].map((name, index) => ({
    name,
    description: `description ${index}`,
  })),
  contact: {
    website: 'https://example.org/',
    links: [
      { label: 'Home', url: 'https://example.org/' },
      { label: 'Blog', url: 'https://example.org/blog' },
      { label: 'Mirror', url: 'https://example.org/blog' },
    ],
  },
});

function mount(profile: Profile) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Card profile={profile} idPrefix="t" />, root));
  const click = (text: string) =>
    act(() => {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
      if (!button) throw new Error(`no button "${text}"`);
      button.click();
    });
  const texts = (selector: string) =>
    [...root.querySelectorAll(selector)].map((element) => element.textContent);
  return { root, click, texts };
}

describe('Card lists with repeated values', () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(errors.filter((error) => error.includes('same key'))).toEqual([]);
  });

  it('shows every project in order as the list grows and shrinks', () => {
    const card = mount(repeating);
    expect(card.texts('.pc-project-desc')).toEqual([0, 1, 2, 3].map((i) => `description ${i}`));
    card.click('+2 more');
    expect(card.texts('.pc-project-desc')).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `description ${i}`),
    );
    card.click('fewer projects');
    expect(card.texts('.pc-project-desc')).toEqual([0, 1, 2, 3].map((i) => `description ${i}`));
  });

  it('shows repeated highlights and links, each once per occurrence', () => {
    const card = mount(repeating);
    card.click('more');
    expect(card.texts('.pc-highlights li')).toEqual(['Same line', 'Other line', 'Same line']);
    card.click('less');
    card.click('more');
    expect(card.texts('.pc-highlights li')).toEqual(['Same line', 'Other line', 'Same line']);
    expect(card.texts('.pc-link .pc-link-kind')).toEqual([
      'Website',
      'GitHub',
      'Home',
      'Blog',
      'Mirror',
    ]);
  });
});
