/**
 * A GitHub profile page → what it says about its person. Runs in the page.
 * The hooks are the ones GitHub has kept for years (docs/pages.md): the
 * sidebar's schema.org microdata (`itemprop="name"`, `additionalName`,
 * `worksFor`, `homeLocation`, `url`, `social`, `email`), the bio's raw text
 * in `data-bio-text`, the pinned-items list, and the page's
 * `hovercard-subject-tag`, which tells a person (`user:`) from an
 * organisation (`organization:`). Links are read by their `href`.
 *
 * Real URLs:
 * https://github.com/spacejam
 * https://github.com/denizalti?tab=repositories
 * https://github.com/tikv   (an organisation: refused)
 */
import { t } from '../i18n/t';
import { parseIdentityUrl } from '../identity/parse';
import { GITHUB_REPO } from '../identity/rules';
import {
  absoluteUrl,
  firstOf,
  MAX_ITEMS,
  mailtoAddress,
  metaContent,
  multiLine,
  oneLine,
  sourced,
  textOf,
} from './dom';
import type { PageReading, ReadLink, ReadProject } from './reading';

export function readGithubProfile(doc: Document, url: URL, login: string): PageReading {
  const subject = metaContent(doc, 'hovercard-subject-tag');
  if (subject.startsWith('organization:')) {
    return {
      ok: false,
      reason: 'organisation',
      message: t('capture_organisation', login),
    };
  }
  const sidebar = doc.querySelector('[itemtype$="schema.org/Person"]') ?? doc;
  const pageLogin = textOf(sidebar, '[itemprop="additionalName"]');
  const pageName = textOf(sidebar, '[itemprop="name"]');
  if (!subject.startsWith('user:') && !pageLogin && !pageName) {
    return {
      ok: false,
      reason: 'no-person',
      message: t('capture_no_github_profile', login),
    };
  }
  // The URL is the ground truth; the page may spell the login's case properly.
  const handle = pageLogin.toLowerCase() === login.toLowerCase() ? pageLogin : login;
  const bioElement = sidebar.querySelector('.user-profile-bio');
  const bio = multiLine(bioElement?.getAttribute('data-bio-text') ?? bioElement?.textContent);

  return {
    ok: true,
    person: {
      page: 'github-profile',
      url: url.href.split('#')[0] ?? url.href,
      name: firstOf(
        sourced(pageName, 'microdata'),
        sourced(nameFromOgTitle(metaContent(doc, 'og:title'), handle), 'og'),
        sourced(handle, 'url'),
      ),
      bio: sourced(bio, 'microdata'),
      company: sourced(textOf(sidebar, '[itemprop="worksFor"]'), 'microdata'),
      location: sourced(textOf(sidebar, '[itemprop="homeLocation"]'), 'microdata'),
      email: sourced(
        mailtoAddress(
          sidebar
            .querySelector('[itemprop="email"] a[href^="mailto:"], a.u-email[href^="mailto:"]')
            ?.getAttribute('href'),
        ),
        'microdata',
      ),
      website: sourced(
        absoluteUrl(
          sidebar.querySelector('[itemprop="url"] a[href]')?.getAttribute('href'),
          url.href,
        ),
        'microdata',
      ),
      identities: [{ site: 'github', handle, source: pageLogin ? 'microdata' : 'url' }],
      links: socialLinks(sidebar, url.href),
      projects: pinnedProjects(doc, url.href),
    },
  };
}

/** `og:title` reads "<login> (<Name>)" on a profile. */
function nameFromOgTitle(title: string, login: string): string | undefined {
  const match = /^(\S+) \((.+)\)$/.exec(title);
  return match && match[1]?.toLowerCase() === login.toLowerCase() ? match[2] : undefined;
}

/** One `li[itemprop="social"]` per account; its icon's label names the network. */
function socialLinks(root: ParentNode, base: string): ReadLink[] {
  const links: ReadLink[] = [];
  for (const item of [...root.querySelectorAll('[itemprop="social"]')].slice(0, MAX_ITEMS)) {
    const anchor = item.matches('a[href]') ? item : item.querySelector('a[href]');
    const url = absoluteUrl(anchor?.getAttribute('href'), base);
    if (!url) continue;
    const icon = item.querySelector('svg[aria-label], [aria-label]:not(a)');
    const label = oneLine(
      icon?.getAttribute('aria-label') ?? item.querySelector('title')?.textContent,
    );
    links.push(label ? { url, label, source: 'microdata' } : { url, source: 'microdata' });
  }
  return links;
}

/** Pinned repositories (any owner) and gists, in the order the person chose. */
function pinnedProjects(doc: Document, base: string): ReadProject[] {
  const projects: ReadProject[] = [];
  const items = doc.querySelectorAll('.js-pinned-items-reorder-container ol > li');
  for (const item of [...items].slice(0, MAX_ITEMS)) {
    for (const anchor of item.querySelectorAll('a[href]')) {
      const url = absoluteUrl(anchor.getAttribute('href'), base);
      const target = url ? pinnedTarget(url) : undefined;
      if (!url || !target) continue;
      const name = textOf(anchor, '.repo') || oneLine(anchor.textContent) || target.name;
      const description = textOf(item, '.pinned-item-desc');
      const project: ReadProject = { name, url, source: 'pinned-items' };
      if (description) project.description = description;
      if (target.repo) project.repo = target.repo;
      projects.push(project);
      break;
    }
  }
  return projects;
}

/** A repository (`github.com/<owner>/<repo>`) or a gist; anything else is not a pin's link. */
function pinnedTarget(href: string): { name: string; repo?: string } | undefined {
  const identity = parseIdentityUrl(href);
  if (identity?.kind === 'gist') return { name: new URL(href).pathname.split('/')[2] ?? '' };
  if (identity?.kind !== 'owned') return undefined;
  const [owner, repo, ...rest] = new URL(href).pathname.split('/').filter(Boolean);
  const full = `${owner}/${repo}`;
  if (rest.length > 0 || !GITHUB_REPO.test(full)) return undefined;
  return { name: repo ?? full, repo: full };
}
