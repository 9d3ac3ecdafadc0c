/**
 * Fixture pages for GitHub and LinkedIn URLs, written for these tests from
 * the facts in docs/pages.md (issue 17 lists the page shapes; nothing here is
 * copied from saved pages). The harness serves them for real
 * github.com / linkedin.com URLs, so the extension's content script runs
 * exactly as it would there. Each URL shape gets the structure of the real
 * page of that shape:
 *
 *   github.com/<owner>/<repo>/issues/<n>   React issue page: `data-testid` author links
 *                                          with `data-hovercard-url` and no
 *                                          `data-hovercard-type`, some with neither
 *   github.com/<owner>/<repo>/pull/<n>     classic PR timeline: `a.author[data-hovercard-type]`,
 *                                          @mentions, reviews, bots, org mentions
 *   github.com/<owner>/<repo>/commits/…    commit rows, avatar stacks, "commits by" links
 *   github.com/<owner>/<repo>              repository home: owner, contributors
 *   github.com/issues                      global issue list: authors as <button>s
 *   github.com/<login>                     profile: tabs (`?tab=`), `href="#"` filters
 *   gist.github.com/<login>[/<id>]         gists: author links written relative to gist.github.com
 *   www.linkedin.com/feed/                 posts and comments: hashed classes, `miniProfileUrn` links
 *   www.linkedin.com/in/<slug>/recent-activity/all/   a person's activity: their posts, others' comments
 *   www.linkedin.com/search/results/people/           search results
 *   <cc>.linkedin.com/in/<slug>            logged-out public profile with "People also viewed"
 *   www.linkedin.com/in/<slug>/            profile: "Contact info" overlay and "Show all" links
 *
 * `data-test` attributes name each target for the tests; the extension never
 * reads them. Each page carries a tiny "router" that mimics single-page
 * navigation: clicking a link with `data-spa` pushes the new URL, swaps
 * <main>'s heading, and on GitHub fires `turbo:load` like Turbo does.
 * `window.__spaNavigate(url)` does the same from a page script (which the
 * extension must treat as the page's doing, not the user's).
 */

export interface FixtureOptions {
  /** GitHub's "Hovercards" accessibility setting, off. */
  githubHovercardsOff?: boolean;
  colorMode?: 'light' | 'dark' | 'auto';
  darkTheme?: string;
  lightTheme?: string;
  linkedinTheme?: 'light' | 'dark';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Shared by both sites: client-side navigation as the real sites do it. */
export const ROUTER = (site: 'github' | 'linkedin') => `
<script>
  window.__spaNavigate = (href) => {
    history.pushState({}, '', href);
    const main = document.querySelector('main');
    main.setAttribute('data-path', location.pathname);
    main.querySelector('h1').textContent = 'Page ' + location.pathname;
    ${site === 'github' ? "document.dispatchEvent(new Event('turbo:load'));" : ''}
  };
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-spa]');
    if (!link) return;
    event.preventDefault();
    window.__spaNavigate(link.href);
  });
</script>`;

/** GitHub fixture pages' client-side navigation links, for the user's clicks. */
export const GITHUB_NAV = [
  '/spacejam',
  '/denizalti',
  '/PATMESH',
  '/PATMESH/kairos-scheduler',
  '/settings/profile',
  '/tikv',
];
export const LINKEDIN_NAV = ['/in/denizalti/', '/in/patmesh-s/', '/company/google/', '/feed/'];

function githubFrame(
  title: string,
  body: string,
  subject: string,
  options: FixtureOptions,
): string {
  return `<!doctype html>
<html lang="en" data-color-mode="${options.colorMode ?? 'light'}" data-light-theme="${options.lightTheme ?? 'light'}" data-dark-theme="${options.darkTheme ?? 'dark'}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="hovercard-subject-tag" content="${escapeHtml(subject)}">
${options.githubHovercardsOff ? '<meta name="hovercards-preference" content="false">' : ''}
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  [data-color-mode="dark"] body { background: #0d1117; color: #f0f6fc; }
  header { padding: 12px 24px; border-bottom: 1px solid #d1d9e0; display: flex; gap: 16px; }
  main { max-width: 1280px; margin: 0 auto; padding: 24px; min-height: 1200px; }
  a { color: #0969da; }
  .Popover { position: absolute; z-index: 100; background: #fff; border: 1px solid #d1d9e0; padding: 8px; }
</style></head>
<body>
  <header>
    <a href="https://github.com/">GitHub</a>
    <a href="/pulls">Pull requests</a><a href="/issues">Issues</a>
    <a href="/notifications">Notifications</a><a href="/settings/profile">Settings</a>
    <a href="/login">Sign in</a>
  </header>
  <main data-path="">
    <h1>${escapeHtml(title)}</h1>
    <nav aria-label="Fixture navigation">
      ${GITHUB_NAV.map((href) => `<a data-spa href="${href}">${href.slice(1)}</a>`).join('\n      ')}
    </nav>
    ${body}
    <p><a id="last-page-link" href="/explore">Explore</a></p>
  </main>
  ${ROUTER('github')}
  ${GITHUB_HOVERCARD}
</body></html>`;
}

/**
 * A stand-in for GitHub's own hovercard as docs/pages.md describes it: one reused
 * `div.Popover.js-hovercard-content`; a delegated `mouseover` listener on
 * document opens it for anything with `data-hovercard-url` after a delay (the
 * real one then fetches the card) and sets `data-hovercard-target-url` while
 * open; it hides on `turbo:load`, ignores touch, and respects the
 * hovercards-preference meta. Alt+↑ on a focused target opens it and moves
 * focus in; Esc closes it and returns focus.
 */
export const GITHUB_HOVERCARD = `
<div class="Popover js-hovercard-content position-absolute" style="display: none; outline: none;">
  <div class="Popover-message" tabindex="-1">GitHub's own hovercard</div>
</div>
<script>
  (() => {
    const popover = document.querySelector('.js-hovercard-content');
    let timer;
    let returnTo;
    const off = () => document.querySelector('meta[name="hovercards-preference"][content="false"]');
    const show = (target) => {
      const box = target.getBoundingClientRect();
      popover.style.display = 'block';
      popover.style.left = box.left + window.scrollX + 'px';
      popover.style.top = box.bottom + window.scrollY + 8 + 'px';
      popover.setAttribute('data-hovercard-target-url', target.getAttribute('data-hovercard-url'));
    };
    const hide = () => {
      popover.style.display = 'none';
      popover.removeAttribute('data-hovercard-target-url');
    };
    let touched = false;
    document.addEventListener('touchstart', () => { touched = true; }, { passive: true });
    document.addEventListener('mouseover', (event) => {
      const target = event.target.closest && event.target.closest('[data-hovercard-url]');
      if (!target || off() || touched) return;
      clearTimeout(timer);
      timer = setTimeout(() => show(target), 250);
    });
    document.addEventListener('mouseout', (event) => {
      if (!event.target.closest || !event.target.closest('[data-hovercard-url]')) return;
      clearTimeout(timer);
      timer = setTimeout(hide, 150);
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && popover.hasAttribute('data-hovercard-target-url')) {
        hide();
        if (returnTo) returnTo.focus();
        return;
      }
      if (!event.altKey || event.key !== 'ArrowUp') return;
      const target = document.activeElement && document.activeElement.closest('[data-hovercard-url]');
      if (!target) return;
      event.preventDefault();
      returnTo = target;
      // The real card is fetched first.
      setTimeout(() => {
        show(target);
        popover.querySelector('.Popover-message').focus();
      }, 60);
    });
    document.addEventListener('turbo:load', hide);
  })();
</script>`;

const user = (login: string, test: string, text = login, extra = '') =>
  `<a class="author Link--primary" data-test="${test}" data-hovercard-type="user" data-hovercard-url="/users/${login}/hovercard" href="/${login}"${extra}>${text}</a>`;

/** A pull request's classic, server-rendered conversation timeline. */
const PULL_REQUEST = `
<div class="js-discussion" aria-label="Classic timeline">
  <div class="TimelineItem">
    <div class="timeline-comment-header">${user('spacejam', 'classic-author')} opened this pull request</div>
    <div class="comment-body markdown-body"><p>Fixes a race. Thanks <a class="user-mention notranslate" data-test="mention" data-hovercard-type="user" data-hovercard-url="/users/PATMESH/hovercard" href="/PATMESH">@PATMESH</a>, and cc <a class="team-mention js-team-mention" data-test="org" data-hovercard-type="organization" data-hovercard-url="/orgs/tikv/hovercard" href="/tikv">@tikv</a>.
      Code in <a data-test="repo-link" href="/spacejam/sled">spacejam/sled</a>.</p></div>
  </div>
  <div class="TimelineItem">${user('octocat', 'unknown-author')} commented</div>
  <div class="TimelineItem TimelineItem--condensed">
    <a class="avatar" data-hovercard-type="user" data-hovercard-url="/users/denizalti/hovercard" href="/denizalti"><img class="avatar avatar-user" alt="@denizalti" width="20" height="20"></a>
    ${user('denizalti', 'review-author')} approved these changes
  </div>
  <div class="TimelineItem"><a class="author" data-test="bot" href="/apps/dependabot">dependabot</a> <span class="Label">bot</span> bumped a dependency</div>
  <div class="TimelineItem"><a data-test="bot-login" href="/dependabot%5Bbot%5D">dependabot[bot]</a></div>
  <p><a data-test="reserved" href="/settings/profile">your settings</a> · <a data-test="login" href="/login?return_to=%2Fspacejam">Sign in to comment</a></p>
</div>
<p style="position: fixed; right: 4px; bottom: 4px; margin: 0;">${user('denizalti', 'corner')}</p>`;

/** The React issue page: author links carry data-hovercard-url but no type, or neither. */
const ISSUE = `
<div data-testid="issue-viewer-container" aria-label="React issue page">
  <div data-testid="issue-body">
    <a data-testid="avatar-link" data-test="react-avatar" data-hovercard-url="/users/spacejam/hovercard" href="/spacejam"><img data-testid="github-avatar" alt="@spacejam" width="20" height="20"></a>
    <a data-testid="issue-body-header-author" data-test="react-author" data-hovercard-url="/users/denizalti/hovercard" href="/denizalti" class="prc-Link-Link-85e08">denizalti</a> opened
  </div>
  <div data-testid="comment-viewer-outer-box-abc">
    <a data-testid="avatar-link" data-test="react-plain-author" href="/PATMESH" class="Box-sc-g0xbh4-0">PATMESH</a> commented
    <a data-testid="avatar-link" data-test="react-unknown" data-hovercard-url="/users/octocat/hovercard" href="/octocat">octocat</a> commented
  </div>
</div>`;

/** The global issue list renders authors as buttons. */
const ISSUE_LIST = `
<ul aria-label="Issues">
  <li>Crash on start · opened by <button type="button" data-test="issue-list-author" data-hovercard-url="/users/spacejam/hovercard" class="prc-Button">spacejam</button></li>
</ul>`;

/** A repository's commit list: rows with avatars, "commits by" links, avatar stacks. */
const COMMITS = `
<div data-testid="commits-list">
  <div data-testid="commit-row-item">
    <a data-test="commit-avatar" data-testid="avatar-icon-link" href="/denizalti"><img alt="@denizalti" width="16" height="16"></a>
    <a data-test="commits-by" aria-label="commits by spacejam" href="/tikv/tikv/commits?author=spacejam">spacejam</a> committed
  </div>
  <div data-testid="commit-row-item">
    <div class="AvatarStack AvatarStack--three-plus">
      <a class="avatar" data-test="stack-1" data-hovercard-type="user" data-hovercard-url="/users/PATMESH/hovercard" href="/PATMESH"><img alt="@PATMESH" width="20" height="20"></a>
      <a class="avatar" data-test="stack-2" data-hovercard-type="user" data-hovercard-url="/users/spacejam/hovercard" href="/spacejam"><img alt="@spacejam" width="20" height="20"></a>
    </div>
    <a data-test="commits-by-unknown" href="/tikv/tikv/commits?author=octocat">octocat</a> and spacejam committed
  </div>
</div>`;

/** A repository's home: its owner and the contributors' avatars. */
const repositoryHome = (owner: string, repo: string) => `
<div class="AppHeader-context"><a rel="author" data-test="repo-owner" data-hovercard-type="${owner === 'tikv' ? 'organization' : 'user'}" data-hovercard-url="/${owner === 'tikv' ? 'orgs' : 'users'}/${owner}/hovercard" href="/${owner}">${owner}</a> / <a href="/${owner}/${repo}">${repo}</a></div>
<div class="Layout-sidebar">
  <h2><a href="/${owner}/${repo}/graphs/contributors">Contributors</a></h2>
  <ul class="list-style-none d-flex">
    <li><a data-test="contributor" href="https://github.com/spacejam" data-hovercard-type="user" data-hovercard-url="/users/spacejam/hovercard"><img class="avatar" alt="@spacejam" width="32" height="32"></a></li>
    <li><a data-test="contributor-2" href="https://github.com/PATMESH" data-hovercard-type="user" data-hovercard-url="/users/PATMESH/hovercard"><img class="avatar" alt="@PATMESH" width="32" height="32"></a></li>
    <li><a data-test="contributor-unknown" href="https://github.com/octocat" data-hovercard-type="user" data-hovercard-url="/users/octocat/hovercard"><img class="avatar" alt="@octocat" width="32" height="32"></a></li>
  </ul>
</div>`;

/** A profile: tabs are links to the same person; `href="#"` filters are the page itself. */
const profile = (login: string) => `
<div class="vcard"><a data-test="own-avatar" href="/${login}"><img class="avatar" alt="@${login}" width="260" height="260"></a><span class="p-nickname">${login}</span></div>
<nav class="UnderlineNav" aria-label="User">
  <a class="UnderlineNav-item" data-test="tab-overview" href="/${login}">Overview</a>
  <a class="UnderlineNav-item" data-test="tab-repositories" href="/${login}?tab=repositories">Repositories</a>
  <a class="UnderlineNav-item" data-test="tab-stars" href="/${login}?tab=stars">Stars</a>
</nav>
<div class="js-pinned-items"><a data-test="hash-link" href="#">All repositories</a> <a data-test="hash-filter" href="#sources">Sources</a> <a data-test="self-fragment" href="/${login}#pinned">Pinned</a></div>
<p>Follows ${user('PATMESH', 'follows')}</p>`;

/** A gist: author links are written relative, so they resolve against gist.github.com. */
const gist = (owner: string, id?: string) => `
<div class="gisthead">
  <a data-test="gist-owner-avatar" data-hovercard-type="user" data-hovercard-url="/users/${owner}/hovercard" href="/${owner}"><img class="avatar" alt="@${owner}" width="32" height="32"></a>
  <a data-test="gist-owner" data-hovercard-type="user" data-hovercard-url="/users/${owner}/hovercard" href="/${owner}">${owner}</a> /
  ${id ? `<a href="/${owner}/${id}">notes.md</a>` : '<span>gists</span>'}
</div>
<div class="js-comment-container">
  <a data-test="gist-commenter" data-hovercard-type="user" data-hovercard-url="/users/denizalti/hovercard" href="/denizalti">denizalti</a> commented
  <a data-test="gist-commenter-unknown" data-hovercard-type="user" data-hovercard-url="/users/octocat/hovercard" href="/octocat">octocat</a> commented
  <a data-test="gist-revisions" href="#revisions">Revisions</a>
</div>`;

function linkedinFrame(title: string, body: string, options: FixtureOptions): string {
  return `<!doctype html>
<html lang="en" class="theme theme--${options.linkedinTheme ?? 'light'}">
<head><meta charset="utf-8"><title>${escapeHtml(title)} | LinkedIn</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; background: #f4f2ee; }
  .theme--dark body { background: #000; color: #fff; }
  main { max-width: 1128px; margin: 0 auto; padding: 24px; min-height: 1200px; }
  a { margin-right: 6px; }
</style></head>
<body>
  <header><a href="/feed/">Home</a> <a href="/mynetwork/">My Network</a> <a href="/jobs/">Jobs</a></header>
  <main data-path="">
    <h1>${escapeHtml(title)}</h1>
    <nav aria-label="Fixture navigation">
      ${LINKEDIN_NAV.map((href) => `<a data-spa href="${href}">${href.split('/')[2]}</a>`).join('\n      ')}
    </nav>
    ${body}
  </main>
  ${ROUTER('linkedin')}
</body></html>`;
}

const MEMBER = 'ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789';
const urn = (id: string) => `urn%3Ali%3Afsd_profile%3A${id}`;

/** The home feed: posts and comments, hashed class names, member ids in the query. */
const FEED = `
<div class="feed-shared-update-v2 a7f3c2 _9fe1b0" data-urn="urn:li:activity:1">
  <a class="update-components-actor__image k3b8d1" data-test="actor-image" href="https://www.linkedin.com/in/denizalti?miniProfileUrn=${urn(MEMBER)}"><img alt="View Deniz’s profile" width="48" height="48"></a>
  <a class="update-components-actor__meta-link x91be2" data-test="actor" href="https://www.linkedin.com/in/denizalti?miniProfileUrn=${urn(MEMBER)}">Deniz Altınbüken</a>
  <p class="break-words e4c1aa">Great work with <a data-test="mention" href="https://www.linkedin.com/in/patmesh-s/">Patmesh S</a> at <a data-test="company" href="https://www.linkedin.com/company/google/">Google</a>.</p>
  <article class="comments-comment-entity c8d2f7">
    <a class="comments-comment-meta__description-container b2a9e4" data-test="comment-author" href="/in/patmesh-s/">Patmesh S</a>
    <a class="comments-comment-meta__description-container b2a9e4" data-test="unknown" href="/in/someone-else-123/">Someone Else</a>
    <a class="f0d3a1" data-test="member-only" href="/in/ana-member-7b2?miniProfileUrn=${urn('ACoAAAnaMemberOnly0123456789abcdefghijkl')}">Ana Member</a>
  </article>
</div>
<aside aria-label="People you may know">
  <a data-test="pav-unicode" href="https://nl.linkedin.com/in/michael-r%C3%BCffer-61125324">Michael Rüffer</a>
  <a data-test="member-id" href="https://www.linkedin.com/in/${MEMBER}">Member</a>
  <a data-test="school" href="https://www.linkedin.com/school/cornell-university/">Cornell University</a>
</aside>`;

/** A person's recent activity: their own posts, and other people's comments. */
const recentActivity = (slug: string) => `
<section class="pv-recent-activity-detail d93ac1">
  <div class="feed-shared-update-v2 a7f3c2">
    <a class="update-components-actor__meta-link x91be2" data-test="activity-owner" href="https://www.linkedin.com/in/${slug}?miniProfileUrn=${urn(MEMBER)}">${slug}</a>
    <article class="comments-comment-entity c8d2f7">
      <a class="comments-comment-meta__description-container b2a9e4" data-test="activity-commenter" href="https://www.linkedin.com/in/patmesh-s?miniProfileUrn=${urn('ACoAAPatmeshS0123456789abcdefghij')}">Patmesh S</a>
    </article>
  </div>
</section>`;

const SEARCH = `
<ul role="list" aria-label="Search results">
  <li role="listitem"><a data-view-name="search-result-lockup-title" data-test="search-result" href="https://www.linkedin.com/in/patmesh-s?trk=public_profile_search">Patmesh S</a></li>
  <li role="listitem"><a data-view-name="search-result-lockup-title" data-test="search-unknown" href="https://www.linkedin.com/in/jane-roe-55?trk=public_profile_search">Jane Roe</a></li>
</ul>`;

/** A logged-out public profile on a country host, with "People also viewed". */
const publicProfile = (slug: string) => `
<section class="top-card-layout"><h2>${slug}</h2><p>Public profile</p></section>
<aside aria-label="People also viewed" class="aside-section-container">
  <a data-test="pav" href="https://de.linkedin.com/in/patmesh-s?trk=people_also_viewed">Patmesh S</a>
  <a data-test="pav-encoded" href="https://de.linkedin.com/in/%64enizalti/?trk=people_also_viewed">Deniz Altınbüken</a>
  <a data-test="pav-unicode" href="https://nl.linkedin.com/in/michael-r%C3%BCffer-61125324">Michael Rüffer</a>
  <a data-test="pav-company" href="https://de.linkedin.com/company/google?trk=people_also_viewed">Google</a>
</aside>`;

/** A logged-in profile: links to the person's own overlays and details. */
const linkedinProfile = (slug: string) => `
<section class="pv-top-card a9c2e1">
  <p>Profile</p>
  <a data-test="contact-info" id="top-card-text-details-contact-info" href="/in/${slug}/overlay/contact-info/">Contact info</a>
  <a data-test="show-all" href="https://www.linkedin.com/in/${slug}/details/experience/">Show all experiences</a>
  <a data-test="self-fragment" href="#experience">Experience</a>
</section>
<section aria-label="Activity"><a data-test="profile-mention" href="/in/patmesh-s/">Patmesh S</a></section>`;

/** The page a GitHub URL shows, by its path's shape. */
export function githubFixture(url: URL, options: FixtureOptions = {}): string {
  const [owner, repo, section] = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'gist.github.com') {
    if (!owner) return githubFrame('Discover gists', '<p>Gists</p>', '', options);
    return githubFrame(
      repo ? `${owner}’s gist` : `${owner}’s gists`,
      gist(owner, repo),
      `user:${owner}`,
      options,
    );
  }
  if (!owner) return githubFrame('GitHub', '<p>Home</p>', '', options);
  if (owner === 'issues' && !repo) return githubFrame('Issues', ISSUE_LIST, '', options);
  if (owner === 'tikv' && !repo) {
    return githubFrame(
      'TiKV Project',
      '<p>Organization</p><a data-hovercard-type="organization" data-hovercard-url="/orgs/tikv/hovercard" href="/tikv">tikv</a>',
      'organization:tikv',
      options,
    );
  }
  if (repo && section === 'issues') {
    return githubFrame(`Issue · ${owner}/${repo}`, ISSUE, 'issue:1', options);
  }
  if (repo && section === 'pull') {
    return githubFrame(`Pull request · ${owner}/${repo}`, PULL_REQUEST, 'pull_request:1', options);
  }
  if (repo && section === 'commits') {
    return githubFrame(
      `Commits · ${owner}/${repo}`,
      COMMITS,
      `repository:${owner}/${repo}`,
      options,
    );
  }
  if (repo) {
    return githubFrame(
      `${owner}/${repo}`,
      repositoryHome(owner, repo),
      `repository:${owner}/${repo}`,
      options,
    );
  }
  return githubFrame(`${owner} · GitHub`, profile(owner), `user:${owner}`, options);
}

export function linkedinFixture(url: URL, options: FixtureOptions = {}): string {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'feed' && parts.length === 1) return linkedinFrame('Feed', FEED, options);
  if (parts[0] === 'search') return linkedinFrame('Search', SEARCH, options);
  if (parts[0] === 'in' && parts[1]) {
    const slug = decodeURIComponent(parts[1]);
    if (parts[2] === 'recent-activity')
      return linkedinFrame(`${slug}: activity`, recentActivity(slug), options);
    if (url.hostname !== 'www.linkedin.com')
      return linkedinFrame(slug, publicProfile(slug), options);
    return linkedinFrame(slug, linkedinProfile(slug), options);
  }
  return linkedinFrame(parts.join(' / ') || 'Feed', '<p>Not a profile</p>', options);
}
