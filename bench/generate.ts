/**
 * Deterministic inputs for the benchmark: a directory of N plausible people,
 * and pages with many person links. The same seed gives the same bytes, so
 * runs on different machines measure the same work.
 */
import type { Profile } from '../people/schema';
import { GITHUB_HOVERCARD, ROUTER } from '../tests/browser/fixtures';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Barbara',
  'Edsger',
  'Frances',
  'Leslie',
  'Radia',
  'Ken',
  'Margaret',
  'Donald',
  'Shafi',
  'Tony',
  'Sophie',
  'John',
  'Fran',
  'Jim',
  'Liskov',
  'Niklaus',
  'Ivan',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Liskov',
  'Dijkstra',
  'Allen',
  'Lamport',
  'Perlman',
  'Thompson',
  'Hamilton',
  'Knuth',
  'Goldwasser',
  'Hoare',
  'Wilson',
  'McCarthy',
  'Gray',
  'Wirth',
  'Sutherland',
  'Backus',
  'Ritchie',
];
const TOPICS = [
  'consensus',
  'storage engines',
  'stream processing',
  'schedulers',
  'replication',
  'query planning',
  'observability',
  'networking',
  'compilers',
  'CRDTs',
];

export const genLogin = (index: number) => `gen-user-${String(index).padStart(5, '0')}`;
export const genSlug = (index: number) => `gen-slug-${String(index).padStart(5, '0')}`;

/** ~400 bytes of JSON each, so 10,000 fit the 5 MB import limit and storage.local's 10 MB. */
export function generateProfiles(count: number): Profile[] {
  return Array.from({ length: count }, (_, index) => {
    const first = FIRST[index % FIRST.length] as string;
    const last = LAST[Math.floor(index / FIRST.length) % LAST.length] as string;
    const topic = TOPICS[index % TOPICS.length] as string;
    return {
      id: `person-${String(index).padStart(5, '0')}`,
      name: `${first} ${last} ${index}`,
      headline: `Engineer working on ${topic}`,
      bio: `Builds ${topic} for a living and writes about it. Person number ${index} in the benchmark directory.`,
      projects: [
        {
          name: `${topic.split(' ')[0]}-${index}`,
          description: `A small ${topic} project`,
          repo: `${genLogin(index)}/project`,
        },
      ],
      contact: { website: `https://example.com/${index}` },
      identities: { github: [genLogin(index)], linkedin: [genSlug(index)] },
    };
  });
}

/** A GitHub issue thread with `count` author links, most to people nobody knows. */
export function githubLinksPage(count: number): string {
  const links = Array.from({ length: count }, (_, index) => {
    const login = index % 50 === 0 ? 'spacejam' : `someone-${index}`;
    return `<div class="timeline-comment"><a class="author" data-hovercard-type="user" data-hovercard-url="/users/${login}/hovercard" href="/${login}"><img class="avatar" alt="@${login}" width="20" height="20"></a> <a class="author" href="/${login}">${login}</a> commented</div>`;
  });
  // The page's own scripts, as GitHub's would be: client-side navigation and its hovercard.
  return page('Issue with 2,000 links', links.join('\n'), `${ROUTER('github')}${GITHUB_HOVERCARD}`);
}

/** A LinkedIn feed with `count` author links carrying miniProfileUrn queries. */
export function linkedinFeedPage(count: number): string {
  const links = Array.from(
    { length: count },
    (_, index) =>
      `<div class="feed-shared-update-v2"><a class="update-components-actor__meta-link" href="https://www.linkedin.com/in/member-${index}?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAAB${index}">Member ${index}</a><p>A post.</p></div>`,
  );
  return page('Feed', links.join('\n'), ROUTER('linkedin'));
}

/** Links to `logins`, spaced so each one's hovercard has room below it. */
export function hoverPage(logins: string[]): string {
  const links = logins.map(
    (login, index) =>
      `<p style="position:absolute;left:40px;top:${40 + index * 28}px;margin:0"><a data-bench href="/${login}">${login}</a></p>`,
  );
  return page(
    'Hover bench',
    `<div style="position:relative;height:${logins.length * 28 + 800}px">${links.join('')}</div>`,
  );
}

function page(title: string, body: string, scripts = ''): string {
  return `<!doctype html><html lang="en" data-color-mode="light"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main>${scripts}</body></html>`;
}
