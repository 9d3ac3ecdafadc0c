import type { PageKind } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';
import { bundledProfiles } from '../../people/bundled';
import { buildDirectory } from '../../people/directory';

/** [URL, expected key (null: nobody), expected page kind] */
type Row = [string, string | null, PageKind?];

const github: Row[] = [
  // Profiles, any case, query strings and fragments
  ['https://github.com/spacejam', 'github:spacejam', 'profile'],
  ['https://github.com/spacejam/', 'github:spacejam', 'profile'],
  ['https://github.com/SpaceJam', 'github:spacejam', 'profile'],
  ['https://github.com/SPACEJAM?tab=repositories', 'github:spacejam', 'profile'],
  ['https://github.com/spacejam?tab=stars&q=rust', 'github:spacejam', 'profile'],
  ['https://github.com/spacejam#readme', 'github:spacejam', 'profile'],
  ['http://github.com/denizalti', 'github:denizalti', 'profile'],
  ['https://www.github.com/denizalti', 'github:denizalti', 'profile'],
  ['https://GitHub.com/patmesh', 'github:patmesh', 'profile'],
  ['https://github.com/PATMESH', 'github:patmesh', 'profile'],
  ['https://github.com/PATMESH?tab=overview&from=2024-01-01', 'github:patmesh', 'profile'],
  // Logins that break today's signup rules but exist
  ['https://github.com/foo-', 'github:foo-', 'profile'],
  ['https://github.com/-ACE-', 'github:-ace-', 'profile'],
  ['https://github.com/0----0', 'github:0----0', 'profile'],
  ['https://github.com/someone_corp', 'github:someone_corp', 'profile'],
  ['https://github.com/a', 'github:a', 'profile'],
  [
    'https://github.com/abcdefghijklmnopqrstuvwxyz0123456789abc',
    'github:abcdefghijklmnopqrstuvwxyz0123456789abc',
    'profile',
  ],
  // GitHub's hovercard and /users/ URLs
  ['https://github.com/users/spacejam/hovercard', 'github:spacejam', 'profile'],
  ['https://github.com/users/denizalti', 'github:denizalti', 'profile'],
  ['https://github.com/users/spacejam/projects/1', 'github:spacejam', 'owned'],
  ['https://github.com/orgs/tikv/hovercard', null],
  // Pages under an owner's repositories
  ['https://github.com/spacejam/sled', 'github:spacejam', 'owned'],
  ['https://github.com/spacejam/sled/', 'github:spacejam', 'owned'],
  ['https://github.com/spacejam/sled/issues/1200', 'github:spacejam', 'owned'],
  ['https://github.com/spacejam/sled/pull/42/files', 'github:spacejam', 'owned'],
  ['https://github.com/spacejam/sled/blob/main/README.md#L10', 'github:spacejam', 'owned'],
  ['https://github.com/denizalti/paxosmmc/commits/master', 'github:denizalti', 'owned'],
  ['https://github.com/PATMESH/kairos-scheduler/tree/main/src', 'github:patmesh', 'owned'],
  // "commits by" links name the author, not the owner
  ['https://github.com/tikv/tikv/commits?author=spacejam', 'github:spacejam', 'profile'],
  ['https://github.com/tikv/tikv/commits/master?author=SpaceJam', 'github:spacejam', 'profile'],
  ['https://github.com/tikv/tikv/commits?author=not%20a%20login', 'github:tikv', 'owned'],
  ['https://github.com/tikv/tikv/pulls?author=spacejam', 'github:tikv', 'owned'],
  // Gists
  ['https://gist.github.com/spacejam', 'github:spacejam', 'gist-profile'],
  ['https://gist.github.com/spacejam/starred', 'github:spacejam', 'gist-profile'],
  ['https://gist.github.com/spacejam/4f4a3f2a7f1c0e0a9d6b5c4e3f2a1b0c', 'github:spacejam', 'gist'],
  ['https://gist.github.com/PATMESH/0123456789abcdef0123', 'github:patmesh', 'gist'],
  [
    'https://gist.github.com/denizalti/4f4a3f2a7f1c0e0a9d6b5c4e3f2a1b0c/raw/file.txt',
    'github:denizalti',
    'gist',
  ],
  ['https://gist.github.com/4f4a3f2a7f1c0e0a9d6b5c4e3f2a1b0c', null],
  ['https://gist.github.com/', null],
  ['https://gist.github.com/discover', null],
  ['https://gist.github.com/starred', null],
  ['https://gist.github.com/search?q=sled', null],
  // Reserved top-level paths: features, not people
  ['https://github.com/', null],
  ['https://github.com/settings/profile', null],
  ['https://github.com/orgs/tikv/people', null],
  ['https://github.com/marketplace', null],
  ['https://github.com/topics/rust', null],
  ['https://github.com/explore', null],
  ['https://github.com/notifications', null],
  ['https://github.com/pulls', null],
  ['https://github.com/issues', null],
  ['https://github.com/search?q=spacejam', null],
  ['https://github.com/login', null],
  ['https://github.com/login?return_to=%2Fspacejam', null],
  ['https://github.com/new', null],
  ['https://github.com/codespaces', null],
  ['https://github.com/mcp', null],
  ['https://github.com/models', null],
  ['https://github.com/sponsors/spacejam', null],
  ['https://github.com/apps/dependabot', null],
  ['https://github.com/features/actions', null],
  ['https://github.com/Settings', null],
  // Bots and things that are not logins
  ['https://github.com/dependabot[bot]', null],
  ['https://github.com/renovate%5Bbot%5D', null],
  ['https://github.com/abcdefghijklmnopqrstuvwxyz0123456789abcd', null],
  ['https://github.com/space.jam', null],
  ['https://github.com/%73pacejam', null],
  // Lookalike hosts and schemes
  ['https://github.com.evil.example/spacejam', null],
  ['https://evilgithub.com/spacejam', null],
  ['https://api.github.com/users/spacejam', null],
  ['https://raw.githubusercontent.com/spacejam/sled/main/README.md', null],
  ['ftp://github.com/spacejam', null],
  ['javascript:alert(1)//github.com/spacejam', null],
  ['https://user:pass@github.com/spacejam', null],
  ['not a url', null],
  ['', null],
];

const linkedin: Row[] = [
  ['https://www.linkedin.com/in/denizalti', 'linkedin:denizalti', 'profile'],
  ['https://www.linkedin.com/in/denizalti/', 'linkedin:denizalti', 'profile'],
  ['https://linkedin.com/in/denizalti', 'linkedin:denizalti', 'profile'],
  ['http://www.linkedin.com/in/denizalti', 'linkedin:denizalti', 'profile'],
  ['https://www.linkedin.com/in/DenizAlti/', 'linkedin:denizalti', 'profile'],
  ['https://de.linkedin.com/in/patmesh-s', 'linkedin:patmesh-s', 'profile'],
  ['https://nl.linkedin.com/in/patmesh-s/', 'linkedin:patmesh-s', 'profile'],
  [
    'https://uk.linkedin.com/in/patmesh-s?trk=people-guest_people_search-card',
    'linkedin:patmesh-s',
    'profile',
  ],
  ['https://in.linkedin.com/in/patmesh-s', 'linkedin:patmesh-s', 'profile'],
  ['https://www.linkedin.com/m/in/denizalti/', 'linkedin:denizalti', 'profile'],
  ['https://www.linkedin.com/mwlite/in/denizalti', 'linkedin:denizalti', 'profile'],
  ['https://m.linkedin.com/in/denizalti', 'linkedin:denizalti', 'profile'],
  ['https://www.linkedin.com/in/denizalti/en/', 'linkedin:denizalti', 'profile'],
  ['https://www.linkedin.com/in/denizalti/details/experience/', 'linkedin:denizalti', 'profile'],
  ['https://www.linkedin.com/in/denizalti/recent-activity/all/', 'linkedin:denizalti', 'profile'],
  ['https://www.linkedin.com/in/denizalti/overlay/contact-info/', 'linkedin:denizalti', 'profile'],
  [
    'https://www.linkedin.com/in/patmesh-s?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789',
    'linkedin:patmesh-s',
    'profile',
  ],
  [
    'https://www.linkedin.com/in/denizalti?lipi=urn%3Ali%3Apage%3Ad_flagship3_feed',
    'linkedin:denizalti',
    'profile',
  ],
  ['https://www.linkedin.com/in/denizalti#experience', 'linkedin:denizalti', 'profile'],
  // Percent-encoded Unicode slugs, compared decoded and case-insensitively
  [
    'https://www.linkedin.com/in/michael-r%C3%BCffer-61125324',
    'linkedin:michael-rüffer-61125324',
    'profile',
  ],
  [
    'https://www.linkedin.com/in/Michael-R%C3%9Cffer-61125324/',
    'linkedin:michael-rüffer-61125324',
    'profile',
  ],
  [
    'https://www.linkedin.com/in/deniz-alt%C4%B1nb%C3%BCken',
    'linkedin:deniz-altınbüken',
    'profile',
  ],
  ['https://www.linkedin.com/in/%F0%9F%9A%80rocket-dev', 'linkedin:🚀rocket-dev', 'profile'],
  ['https://www.linkedin.com/in/o%27brien-x', "linkedin:o'brien-x", 'profile'],
  ['https://www.linkedin.com/in/broken%E0%A4%A', null],
  ['https://www.linkedin.com/in/%E2%80%AEtlazined', null],
  ['https://www.linkedin.com/in/deniz%00alti', null],
  // Member ids: opaque, case kept
  [
    'https://www.linkedin.com/in/ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789',
    'linkedin:ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789',
    'profile',
  ],
  // Legacy public profile URLs
  ['https://www.linkedin.com/pub/jane-doe/12/345/678', 'linkedin:jane-doe-67834512', 'profile'],
  ['https://www.linkedin.com/pub/jane-doe', null],
  // Not people
  ['https://www.linkedin.com/', null],
  ['https://www.linkedin.com/in/', null],
  ['https://www.linkedin.com/in/ab', null],
  ['https://www.linkedin.com/company/google/', null],
  ['https://www.linkedin.com/school/cornell-university/', null],
  ['https://www.linkedin.com/pulse/hardening-kubernetes-tyler-neely', null],
  ['https://www.linkedin.com/jobs/view/123', null],
  ['https://www.linkedin.com/feed/', null],
  ['https://www.linkedin.com/feed/update/urn:li:activity:1/', null],
  ['https://www.linkedin.com/search/results/people/?keywords=deniz', null],
  ['https://www.linkedin.com/messaging/thread/2-abc/', null],
  ['https://www.linkedin.com/posts/denizalti_activity-123', null],
  // Lookalike hosts
  ['https://www.linkedin.com.evil.example/in/denizalti', null],
  ['https://notlinkedin.com/in/denizalti', null],
  ['https://www.evil.linkedin.com.example/in/denizalti', null],
  ['https://lnkd.in/denizalti', null],
];

describe('parseIdentityUrl', () => {
  const table = [...github, ...linkedin];

  it('covers at least 80 cases across both sites', () => {
    expect(table.length).toBeGreaterThanOrEqual(80);
    expect(github.length).toBeGreaterThan(30);
    expect(linkedin.length).toBeGreaterThan(30);
  });

  it.each(table)('%s → %s', (url, key, kind) => {
    const identity = parseIdentityUrl(url);
    if (key === null) {
      expect(identity).toBeUndefined();
    } else {
      expect(identity?.key).toBe(key);
      expect(identity?.kind).toBe(kind);
    }
  });

  it('resolves relative hrefs against the page', () => {
    expect(parseIdentityUrl('/spacejam', 'https://github.com/tikv/tikv/pulls')?.key).toBe(
      'github:spacejam',
    );
    expect(parseIdentityUrl('/in/denizalti/', 'https://de.linkedin.com/feed/')?.key).toBe(
      'linkedin:denizalti',
    );
    expect(parseIdentityUrl('spacejam', 'https://example.com/')).toBeUndefined();
  });

  it('keeps the handle as written, decoded', () => {
    expect(parseIdentityUrl('https://github.com/SpaceJam')?.handle).toBe('SpaceJam');
    expect(
      parseIdentityUrl('https://www.linkedin.com/in/michael-r%C3%BCffer-61125324')?.handle,
    ).toBe('michael-rüffer-61125324');
  });
});

describe('URL → person, with the bundled directory', () => {
  const directory = buildDirectory({ bundled: bundledProfiles });
  const person = (url: string) => {
    const identity = parseIdentityUrl(url);
    return identity ? (directory.lookup(identity.key)?.id ?? null) : null;
  };

  it.each([
    ['https://github.com/spacejam', 'tyler-neely'],
    ['https://github.com/SPACEJAM/sled/issues/1', 'tyler-neely'],
    ['https://gist.github.com/spacejam', 'tyler-neely'],
    ['https://github.com/patmesh', 'patmesh'],
    ['https://github.com/PATMESH/social-feed-system', 'patmesh'],
    ['https://in.linkedin.com/in/patmesh-s/', 'patmesh'],
    ['https://github.com/denizalti?tab=repositories', 'deniz-altinbuken'],
    ['https://www.linkedin.com/in/denizalti/details/experience/', 'deniz-altinbuken'],
    ['https://de.linkedin.com/in/DENIZALTI?trk=x', 'deniz-altinbuken'],
    // Lookalikes and neighbours are nobody
    ['https://github.com/spacejammer', null],
    ['https://github.com/denizalti2', null],
    ['https://www.linkedin.com/in/denizalti2', null],
    ['https://www.linkedin.com/in/patmesh', null],
    ['https://github.com/patmesh-s', null],
    ['https://github.com/tikv', null],
    ['https://github.com/tikv/tikv', null],
    ['https://www.linkedin.com/in/ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789', null],
  ])('%s → %s', (url, id) => {
    expect(person(url)).toBe(id);
  });

  it('resolves a member-id link once a profile lists that id', () => {
    const [deniz] = bundledProfiles.filter((profile) => profile.id === 'deniz-altinbuken');
    if (!deniz) throw new Error('bundled profile missing');
    const memberId = 'ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const withId = buildDirectory({
      bundled: [],
      user: [{ ...deniz, identities: { ...deniz.identities, linkedin: ['denizalti', memberId] } }],
    });
    const key = parseIdentityUrl(`https://www.linkedin.com/in/${memberId}/`)?.key;
    expect(key && withId.lookup(key)?.id).toBe('deniz-altinbuken');
    // Member ids are case-sensitive: a different casing is a different member.
    const other = parseIdentityUrl(`https://www.linkedin.com/in/${memberId.toLowerCase()}`)?.key;
    expect(other && withId.lookup(other)).toBeUndefined();
  });
});

describe('links as real pages write them (issue 17)', () => {
  const GIST = 'https://gist.github.com/spacejam/4f4a3f2a7f1c0e0a9d6b5c4e3f2a1b0c';
  const PROFILE = 'https://github.com/spacejam';

  it.each([
    // 4: on gist pages, GitHub's `/users/<login>/hovercard` still means github.com
    ['/users/spacejam/hovercard', GIST, 'github:spacejam', 'profile'],
    [
      '/users/DenizAlti/hovercard',
      'https://gist.github.com/discover',
      'github:denizalti',
      'profile',
    ],
    ['https://gist.github.com/users/patmesh/hovercard', undefined, 'github:patmesh', 'profile'],
    // ...and a link to someone's gist list is a link to them
    ['/denizalti', GIST, 'github:denizalti', 'gist-profile'],
    // 4b: a link to another document names its person...
    ['/spacejam#readme', 'https://github.com/tikv/tikv/issues/1', 'github:spacejam', 'profile'],
    ['?tab=repositories', PROFILE, 'github:spacejam', 'profile'],
    [PROFILE, PROFILE, 'github:spacejam', 'profile'],
  ])('%s on %s → %s (%s)', (href, base, key, kind) => {
    const identity = parseIdentityUrl(href, base);
    expect(identity?.key).toBe(key);
    expect(identity?.kind).toBe(kind);
  });

  it.each([
    // 4b: ...a fragment-only or same-document link never does
    ['#', PROFILE],
    ['#repositories', PROFILE],
    ['  #top', PROFILE],
    ['', PROFILE],
    ['https://github.com/spacejam#readme', PROFILE],
    ['/spacejam#pinned', 'https://github.com/spacejam#x'],
    ['#experience', 'https://www.linkedin.com/in/denizalti/'],
    ['/users/orgs/hovercard', GIST],
    ['/users/dependabot[bot]/hovercard', GIST],
  ])('%s on %s → nobody', (href, base) => {
    expect(parseIdentityUrl(href, base)).toBeUndefined();
  });

  it('4c: a feed link carries the member id as an alternate key', () => {
    const identity = parseIdentityUrl(
      'https://www.linkedin.com/in/patmesh-s?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789',
    );
    expect(identity?.key).toBe('linkedin:patmesh-s');
    expect(identity?.alternates).toEqual(['linkedin:ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789']);
    // Only a real profile URN counts; anything else is ignored.
    for (const query of [
      'miniProfileUrn=urn%3Ali%3Afsd_company%3AACoAABcdEfGhIjKlMnOpQrStUvWxYz',
      'miniProfileUrn=ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789',
      'miniProfileUrn=urn%3Ali%3Afsd_profile%3Anot-an-id',
      'lipi=urn%3Ali%3Apage%3Ad_flagship3_feed',
    ]) {
      expect(
        parseIdentityUrl(`https://www.linkedin.com/in/patmesh-s?${query}`)?.alternates,
        query,
      ).toBeUndefined();
    }
  });

  it('4c: a person kept only by member id is found through the feed link', () => {
    const [patmesh] = bundledProfiles.filter((profile) => profile.id === 'patmesh');
    if (!patmesh) throw new Error('bundled profile missing');
    const memberId = 'ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789';
    const directory = buildDirectory({
      bundled: [],
      user: [{ ...patmesh, identities: { github: [], linkedin: [memberId] } }],
    });
    const identity = parseIdentityUrl(
      `https://www.linkedin.com/in/patmesh-s?miniProfileUrn=urn%3Ali%3Afsd_profile%3A${memberId}`,
    );
    if (!identity) throw new Error('not parsed');
    const found = [identity.key, ...(identity.alternates ?? [])]
      .map((key) => directory.lookup(key)?.id)
      .find(Boolean);
    expect(found).toBe('patmesh');
  });
});
