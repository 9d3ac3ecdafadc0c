/**
 * Fixture pages for GitHub and LinkedIn URLs, written for these tests to mimic
 * the markup described in ../shared/notes/pages.md (not copied from saved
 * pages). The harness serves them for real github.com / linkedin.com URLs, so
 * the extension's content script runs exactly as it would there.
 *
 * Each page carries a tiny "router" that mimics single-page navigation:
 * clicking a link with `data-spa` pushes the new URL, swaps <main>, and on
 * GitHub fires `turbo:load` like Turbo does. `window.__spaNavigate(url)` does
 * the same from a test.
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
    ${body}
    <nav aria-label="Fixture navigation">
      <a data-spa href="/spacejam">spacejam</a>
      <a data-spa href="/denizalti">denizalti</a>
      <a data-spa href="/PATMESH/kairos-scheduler">kairos-scheduler</a>
      <a data-spa href="/settings/profile">settings</a>
      <a data-spa href="/tikv">tikv</a>
      <a id="last-page-link" href="/explore">Explore</a>
    </nav>
  </main>
  ${ROUTER('github')}
  ${GITHUB_HOVERCARD}
</body></html>`;
}

/**
 * A stand-in for GitHub's own hovercard: one reused \`div.Popover.js-hovercard-content\`
 * shown by a delegated \`mouseover\` listener on document for anything with
 * \`data-hovercard-url\`, after a delay (the real one then fetches the card).
 */
export const GITHUB_HOVERCARD = `
<div class="Popover js-hovercard-content position-absolute" style="display: none; outline: none;">
  <div class="Popover-message">GitHub's own hovercard</div>
</div>
<script>
  (() => {
    const popover = document.querySelector('.js-hovercard-content');
    let timer;
    const off = () => document.querySelector('meta[name="hovercards-preference"][content="false"]');
    document.addEventListener('mouseover', (event) => {
      const target = event.target.closest && event.target.closest('[data-hovercard-url]');
      if (!target || off()) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const box = target.getBoundingClientRect();
        popover.style.display = 'block';
        popover.style.left = box.left + window.scrollX + 'px';
        popover.style.top = box.bottom + window.scrollY + 8 + 'px';
        popover.setAttribute('data-hovercard-target-url', target.getAttribute('data-hovercard-url'));
      }, 250);
    });
    document.addEventListener('mouseout', (event) => {
      if (!event.target.closest || !event.target.closest('[data-hovercard-url]')) return;
      clearTimeout(timer);
      timer = setTimeout(() => { popover.style.display = 'none'; }, 150);
    });
    document.addEventListener('turbo:load', () => { popover.style.display = 'none'; });
  })();
</script>`;

/**
 * An issue thread, a commit list and a repository's sidebar on one page, with
 * every way GitHub links to people (../shared/notes/pages.md). \`data-test\`
 * attributes name each target for the tests; the extension never reads them.
 */
const GITHUB_THREAD = `
<section aria-label="Classic timeline">
  <a class="author" data-test="classic-author" data-hovercard-type="user" data-hovercard-url="/users/spacejam/hovercard" href="/spacejam">spacejam</a> opened this issue
  <a class="author" data-test="unknown-author" data-hovercard-type="user" data-hovercard-url="/users/octocat/hovercard" href="/octocat">octocat</a> commented
  <a class="author" data-test="review-author" data-hovercard-type="user" data-hovercard-url="/users/denizalti/hovercard" href="/denizalti">denizalti</a> approved these changes
  <div class="comment-body">Thanks <a class="user-mention notranslate" data-test="mention" data-hovercard-type="user" data-hovercard-url="/users/PATMESH/hovercard" href="/PATMESH">@PATMESH</a>, and see <a class="team-mention" data-test="org" data-hovercard-type="organization" data-hovercard-url="/orgs/tikv/hovercard" href="/tikv">@tikv</a>.
  Code in <a data-test="repo-link" href="/spacejam/sled">spacejam/sled</a>.</div>
  <a data-test="bot" href="/apps/dependabot">dependabot[bot]</a>
  <a data-test="bot-login" href="/dependabot%5Bbot%5D">dependabot</a>
  <a data-test="reserved" href="/settings/profile">your settings</a>
  <a data-test="login" href="/login?return_to=%2Fspacejam">Sign in to comment</a>
</section>
<section aria-label="React issue page">
  <a data-test="react-author" data-testid="issue-body-header-author" data-hovercard-url="/users/denizalti/hovercard" href="/denizalti">denizalti</a>
  <a data-test="react-avatar" data-testid="avatar-link" data-hovercard-url="/users/spacejam/hovercard" href="/spacejam"><img data-testid="github-avatar" alt="@spacejam" width="20" height="20"></a>
  <a data-test="react-plain-author" href="/PATMESH">PATMESH</a>
  <button data-test="issue-list-author" data-hovercard-url="/users/spacejam/hovercard" type="button">spacejam</button>
</section>
<section aria-label="Commits">
  <div data-testid="commit-row-item">
    <a data-test="commit-avatar" data-testid="avatar-icon-link" href="/denizalti"><img alt="@denizalti" width="16" height="16"></a>
    <a data-test="commits-by" aria-label="commits by spacejam" href="/tikv/tikv/commits?author=spacejam">spacejam</a> committed
  </div>
  <div class="AvatarStack">
    <a class="avatar" data-test="stack-1" data-hovercard-type="user" data-hovercard-url="/users/PATMESH/hovercard" href="/PATMESH"><img alt="@PATMESH" width="20" height="20"></a>
    <a class="avatar" data-test="stack-2" data-hovercard-type="user" data-hovercard-url="/users/spacejam/hovercard" href="/spacejam"><img alt="@spacejam" width="20" height="20"></a>
  </div>
</section>
<aside aria-label="Repository">
  <a rel="author" data-test="repo-owner" data-hovercard-type="user" data-hovercard-url="/users/denizalti/hovercard" href="/denizalti">denizalti</a> / <a href="/denizalti/paxosmmc">paxosmmc</a>
  <h2>Contributors</h2>
  <a data-test="contributor" href="https://github.com/spacejam" data-hovercard-type="user" data-hovercard-url="/users/spacejam/hovercard"><img class="avatar" alt="@spacejam" width="32" height="32"></a>
</aside>
<p style="position: fixed; right: 4px; bottom: 4px; margin: 0;"><a data-test="corner" data-hovercard-type="user" data-hovercard-url="/users/denizalti/hovercard" href="/denizalti">denizalti</a></p>`;

function linkedinFrame(title: string, body: string, options: FixtureOptions): string {
  return `<!doctype html>
<html lang="en" class="theme theme--${options.linkedinTheme ?? 'light'}">
<head><meta charset="utf-8"><title>${escapeHtml(title)} | LinkedIn</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; background: #f4f2ee; }
  .theme--dark body { background: #000; color: #fff; }
  main { max-width: 1128px; margin: 0 auto; padding: 24px; min-height: 1200px; }
</style></head>
<body>
  <header><a href="/feed/">Home</a> <a href="/mynetwork/">My Network</a> <a href="/jobs/">Jobs</a></header>
  <main data-path="">
    <h1>${escapeHtml(title)}</h1>
    ${body}
    <nav aria-label="Fixture navigation">
      <a data-spa href="/in/denizalti/">denizalti</a>
      <a data-spa href="/in/patmesh-s/">patmesh-s</a>
      <a data-spa href="/company/google/">google</a>
      <a data-spa href="/feed/">feed</a>
    </nav>
  </main>
  ${ROUTER('linkedin')}
</body></html>`;
}

/** The page a GitHub URL shows, by its path's shape. */
export function githubFixture(url: URL, options: FixtureOptions = {}): string {
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'gist.github.com') {
    return githubFrame(`${owner ?? 'Discover'}’s gists`, '<p>Gists</p>', `user:${owner}`, options);
  }
  if (!owner) return githubFrame('GitHub', '<p>Home</p>', '', options);
  if (owner === 'tikv' && !repo) {
    return githubFrame(
      'TiKV Project',
      '<p>Organization</p><a data-hovercard-type="organization" data-hovercard-url="/orgs/tikv/hovercard" href="/tikv">tikv</a>',
      'organization:tikv',
      options,
    );
  }
  if (repo && url.pathname.includes('/issues/')) {
    return githubFrame(`Issue · ${owner}/${repo}`, GITHUB_THREAD, 'issue:1', options);
  }
  if (repo) {
    return githubFrame(
      `${owner}/${repo}`,
      `<p>Repository</p><a rel="author" data-hovercard-type="user" data-hovercard-url="/users/${owner}/hovercard" href="/${owner}">${owner}</a>`,
      `repository:${owner}/${repo}`,
      options,
    );
  }
  return githubFrame(
    `${owner} · GitHub`,
    `<div class="vcard"><img class="avatar" alt="@${owner}" width="260" height="260"><span class="p-nickname">${owner}</span></div>`,
    `user:${owner}`,
    options,
  );
}

/** Feed, comments, search results, "People also viewed" and mentions on one page. */
const LINKEDIN_FEED = `
<div class="feed-shared-update-v2">
  <a class="update-components-actor__image" data-test="actor-image" href="https://www.linkedin.com/in/denizalti?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789"><img alt="View Deniz’s profile" width="48" height="48"></a>
  <a class="update-components-actor__meta-link" data-test="actor" href="https://www.linkedin.com/in/denizalti?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789">Deniz Altınbüken</a>
  <p>Great work with <a data-test="mention" href="https://www.linkedin.com/in/patmesh-s/">Patmesh S</a> at <a data-test="company" href="https://www.linkedin.com/company/google/">Google</a>.</p>
  <article class="comments-comment-entity">
    <a class="comments-comment-meta__description-container" data-test="comment-author" href="/in/patmesh-s/">Patmesh S</a>
    <a class="comments-comment-meta__description-container" data-test="unknown" href="/in/someone-else-123/">Someone Else</a>
  </article>
</div>
<ul role="list" aria-label="Search results">
  <li role="listitem"><a data-view-name="search-result-lockup-title" data-test="search-result" href="https://www.linkedin.com/in/patmesh-s?trk=public_profile_search">Patmesh S</a></li>
</ul>
<aside aria-label="People also viewed">
  <a data-test="pav" href="https://de.linkedin.com/in/%64enizalti/?trk=people_also_viewed">Deniz Altınbüken</a>
  <a data-test="pav-unicode" href="https://nl.linkedin.com/in/michael-r%C3%BCffer-61125324">Michael Rüffer</a>
  <a data-test="school" href="https://www.linkedin.com/school/cornell-university/">Cornell University</a>
  <a data-test="member-id" href="https://www.linkedin.com/in/ACoAABcdEfGhIjKlMnOpQrStUvWxYz0123456789">Member</a>
</aside>`;

export function linkedinFixture(url: URL, options: FixtureOptions = {}): string {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'feed' && parts.length === 1)
    return linkedinFrame('Feed', LINKEDIN_FEED, options);
  if (parts[0] === 'in' && parts[1]) {
    return linkedinFrame(
      decodeURIComponent(parts[1]),
      '<section class="pv-top-card"><p>Profile</p></section>',
      options,
    );
  }
  return linkedinFrame(parts.join(' / ') || 'Feed', '<p>Not a profile</p>', options);
}
