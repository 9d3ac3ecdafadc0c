import { profileLinks, projectUrl } from '../../contact/links';
import { mailtoUrl } from '../../contact/mailto';
import { toPlainText } from '../../contact/plain-text';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';

const byId = (id: string) => bundledProfiles.find((profile) => profile.id === id) as Profile;

describe('toPlainText', () => {
  it('gives name, headline, email and links, one per line', () => {
    expect(toPlainText(byId('deniz-altinbuken'))).toBe(
      [
        'Deniz Altınbüken',
        'Software Engineer and Tech Lead in the Infrastructure team at Google',
        '',
        'Email: hello@denizaltinbuken.com',
        'Website: https://denizaltinbuken.com',
        'GitHub: https://github.com/denizalti',
        'LinkedIn: https://www.linkedin.com/in/denizalti/',
        '',
      ].join('\n'),
    );
  });

  it('leaves out what a profile does not have', () => {
    const text = toPlainText(byId('tyler-neely'));
    expect(text).not.toContain('Email:');
    expect(text).not.toContain('LinkedIn:');
    expect(text).toContain('GitHub: https://github.com/spacejam\n');
  });

  it('adds the location and other links when present', () => {
    const text = toPlainText({
      ...byId('patmesh'),
      location: 'Bengaluru',
      contact: { links: [{ label: 'Blog', url: 'https://blog.example/' }] },
    });
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Patmesh S',
      'Backend engineer · distributed systems',
      'Bengaluru',
    ]);
    expect(text).toContain('Blog: https://blog.example/\n');
    expect(text).not.toContain('Website:');
  });
});

describe('profileLinks', () => {
  it('prefers a vanity slug over a member id and encodes Unicode slugs', () => {
    const profile = {
      ...byId('patmesh'),
      identities: {
        github: [],
        linkedin: ['ACoAABcdEfGhIjKlMnOpQrStUvWxYz01', 'michael-rüffer-61125324'],
      },
    };
    expect(profileLinks(profile).find((link) => link.kind === 'linkedin')?.url).toBe(
      'https://www.linkedin.com/in/michael-r%C3%BCffer-61125324/',
    );
  });

  it('links a project to its URL, else its repository', () => {
    expect(
      projectUrl({ name: 'a', description: 'b', url: 'http://paxos.systems/', repo: 'x/y' }),
    ).toBe('http://paxos.systems/');
    expect(projectUrl({ name: 'a', description: 'b', repo: 'spacejam/sled' })).toBe(
      'https://github.com/spacejam/sled',
    );
    expect(projectUrl({ name: 'a', description: 'b' })).toBeUndefined();
  });
});

describe('mailtoUrl', () => {
  it.each([
    ['hello@denizaltinbuken.com', 'mailto:hello@denizaltinbuken.com'],
    ['first.last+tag@example.co.uk', 'mailto:first.last%2Btag@example.co.uk'],
    ["o'brien@example.com", "mailto:o'brien@example.com"],
    ['ünï@exämple.de', 'mailto:%C3%BCn%C3%AF@ex%C3%A4mple.de'],
  ])('%s → %s', (address, url) => {
    expect(mailtoUrl(address)).toBe(url);
  });

  it.each([
    'a@b.co?bcc=victim@example.com',
    'a@b.co&cc=victim@example.com',
    'a@b.co\r\nBcc: victim@example.com',
    'a@b.co%0D%0ABcc:victim@example.com',
    'a@b.co,victim@example.com',
    'a@b.co;victim@example.com',
    'a@b.co#fragment',
    '"quoted"@example.com',
    '<a@b.co>',
    'a b@example.com',
    'a@b@c.co',
    'javascript:alert(1)//@x.co',
    'nobody',
    '@example.com',
    'a@localhost',
    '',
  ])('refuses %j', (address) => {
    expect(mailtoUrl(address)).toBeUndefined();
  });
});
