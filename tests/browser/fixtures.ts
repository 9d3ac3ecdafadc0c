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
  colorMode?: 'light' | 'dark' | 'auto';
  darkTheme?: string;
  lightTheme?: string;
  linkedinTheme?: 'light' | 'dark';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Shared by both sites: client-side navigation as the real sites do it. */
const ROUTER = (site: 'github' | 'linkedin') => `
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
</body></html>`;
}

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

export function linkedinFixture(url: URL, options: FixtureOptions = {}): string {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'in' && parts[1]) {
    return linkedinFrame(
      decodeURIComponent(parts[1]),
      '<section class="pv-top-card"><p>Profile</p></section>',
      options,
    );
  }
  return linkedinFrame(parts.join(' / ') || 'Feed', '<p>Not a profile</p>', options);
}
