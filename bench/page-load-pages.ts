/**
 * The pages whose load the bench measures (bench/measure.ts's page-load
 * part, ./peers.ts, ./trace-pageload.ts), served through the harness's
 * fixture routes at real GitHub and LinkedIn URLs:
 *
 *   small  github.com/tikv/tikv/pulls        the fixtures' repository home (tests/browser/fixtures.ts)
 *   links  github.com/tikv/tikv/issues/2000  an issue thread with 2,000 author links (./generate.ts)
 *   feed   www.linkedin.com/feed/?bench=500  a feed of 500 posts (./generate.ts)
 *   issue  github.com/tikv/tikv/issues/16011 a real-sized React issue page (below)
 *   pull   github.com/tikv/tikv/pull/16012   a real-sized classic pull request page (below)
 *
 * The issue and pull request pages follow the structure docs/pages.md gives
 * for the real ones (nothing copied from saved pages): a header of ~30
 * links, the React issue viewer's `data-testid` author and avatar links with
 * `data-hovercard-url`, the classic timeline's `a.author[data-hovercard-type]`,
 * @mentions, issue and commit references, a sidebar of assignees, labels and
 * participants, code blocks, a diff, and the embedded JSON a React page
 * carries; sized like a busy thread (~60 comments, ~400 person links,
 * ~6,000 elements). tikv is an organisation nobody keeps a card for, so no
 * page here shows a card: every figure is the fixed cost a page pays.
 */

import { GITHUB_HOVERCARD, ROUTER } from '../tests/browser/fixtures';
import type { Session } from '../tests/browser/harness';
import { githubLinksPage, linkedinFeedPage } from './generate';

export const SMALL = 'https://github.com/tikv/tikv/pulls';
export const LINKS = 'https://github.com/tikv/tikv/issues/2000';
export const FEED = 'https://www.linkedin.com/feed/?bench=500';
export const ISSUE = 'https://github.com/tikv/tikv/issues/16011';
export const PULL = 'https://github.com/tikv/tikv/pull/16012';

export const PAGE_LOAD_PAGES = [
  { key: 'small', label: 'small repository page', url: SMALL },
  { key: 'links', label: '2,000-link issue', url: LINKS },
  { key: 'feed', label: 'LinkedIn feed', url: FEED },
  { key: 'issue', label: 'real-sized issue page', url: ISSUE },
  { key: 'pull', label: 'real-sized pull request page', url: PULL },
] as const;

/** Serves the generated pages (the small page is the harness's own fixture). */
export function servePageLoadPages(session: Pick<Session, 'pages'>): void {
  session.pages.set(LINKS, githubLinksPage(2000));
  session.pages.set(FEED, linkedinFeedPage(500));
  session.pages.set(ISSUE, realIssuePage());
  session.pages.set(PULL, realPullPage());
}

const LOGINS = Array.from({ length: 24 }, (_, index) => `contributor-${index}`);
const loginAt = (index: number) => LOGINS[index % LOGINS.length] as string;

const HEADER_LINKS = [
  '/',
  '/dashboard',
  '/pulls',
  '/issues',
  '/codespaces',
  '/marketplace',
  '/explore',
  '/notifications',
  '/new',
  '/settings/profile',
  '/tikv',
  '/tikv/tikv',
  '/tikv/tikv/issues',
  '/tikv/tikv/pulls',
  '/tikv/tikv/actions',
  '/tikv/tikv/projects',
  '/tikv/tikv/wiki',
  '/tikv/tikv/security',
  '/tikv/tikv/pulse',
  '/tikv/tikv/network/dependencies',
  '/tikv/tikv/stargazers',
  '/tikv/tikv/forks',
  '/tikv/tikv/watchers',
  '/tikv/tikv/labels',
  '/tikv/tikv/milestones',
  '/tikv/tikv/discussions',
  '/features/copilot',
  '/sponsors/tikv',
  '/topics/rust',
  '/search?q=repo%3Atikv%2Ftikv',
];

const CODE = Array.from(
  { length: 12 },
  (_, line) =>
    `<span class="pl-k">let</span> <span class="pl-s1">region_${line}</span> = <span class="pl-en">peer</span>.<span class="pl-en">region</span>(<span class="pl-c1">${line}</span>)?;`,
).join('\n');

const STYLE = `<style>
  body { margin: 0; font: 14px -apple-system, system-ui, sans-serif; color: #1f2328; }
  header { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 24px; border-bottom: 1px solid #d1d9e0; }
  .layout { display: grid; grid-template-columns: 1fr 296px; gap: 24px; max-width: 1280px; margin: 0 auto; padding: 24px; }
  .comment { border: 1px solid #d1d9e0; border-radius: 6px; margin: 16px 0; }
  .comment-header { display: flex; gap: 8px; align-items: center; padding: 8px 16px; background: #f6f8fa; }
  .markdown-body { padding: 16px; line-height: 1.5; }
  pre { background: #f6f8fa; padding: 16px; overflow: auto; }
  .reactions button { margin-right: 4px; }
  .avatar { border-radius: 50%; }
  .diff-table td { font: 12px ui-monospace, monospace; white-space: pre; }
</style>`;

function header(): string {
  return `<header>${HEADER_LINKS.map((href) => `<a href="${href}">${href.split('/').pop() || 'GitHub'}</a>`).join('')}</header>`;
}

function markdown(index: number): string {
  const other = loginAt(index + 7);
  return `<div class="markdown-body">
<p>Seen on v7.${index % 6}.${index % 4} with ${index % 3 ? 'raft-engine' : 'RocksDB'}; cc <a class="user-mention notranslate" data-hovercard-type="user" data-hovercard-url="/users/${other}/hovercard" href="/${other}">@${other}</a>, see <a class="issue-link js-issue-link" data-hovercard-type="issue" data-hovercard-url="/tikv/tikv/issues/${15000 + index}/hovercard" href="https://github.com/tikv/tikv/issues/${15000 + index}">#${15000 + index}</a> and <a class="commit-link" href="https://github.com/tikv/tikv/commit/${(index * 2654435761).toString(16).padStart(8, '0')}f00d"><tt>${(index * 2654435761).toString(16).slice(0, 7)}</tt></a>.</p>
<ul><li>region split took ${index * 3} ms</li><li>apply wait ${index % 9} ms</li><li><code>raftstore.store-pool-size = ${(index % 4) + 2}</code></li></ul>
${index % 3 === 0 ? `<pre><code>${CODE}</code></pre>` : ''}
<p>Logs: <a href="https://gist.github.com/${loginAt(index)}/${'ab12'.repeat(5)}">gist</a>, docs at <a href="https://docs.pingcap.com/tidb/stable/tikv-configuration-file">docs.pingcap.com</a>.</p>
</div>`;
}

const reactions = () =>
  `<div class="reactions">${['+1', 'heart', 'rocket', 'eyes'].map((name, at) => `<button type="button" aria-label="${name}">${name} ${at + 1}</button>`).join('')}</div>`;

/** The React issue viewer: author links with data-hovercard-url, some with none. */
function issueComment(index: number): string {
  const login = loginAt(index);
  const plain = index % 5 === 4;
  return `<div data-testid="comment-viewer-outer-box-${index}" class="comment">
  <div class="comment-header">
    <a data-testid="avatar-link" ${plain ? '' : `data-hovercard-url="/users/${login}/hovercard" `}href="/${login}"><img data-testid="github-avatar" class="avatar" alt="@${login}" width="40" height="40"></a>
    <a data-testid="avatar-link" ${plain ? '' : `data-hovercard-url="/users/${login}/hovercard" `}href="/${login}" class="prc-Link-Link-85e08">${login}</a>
    <a href="#issuecomment-${1000 + index}" class="prc-Link-Link-85e08"><relative-time datetime="2026-11-${String((index % 28) + 1).padStart(2, '0')}T10:00:00Z">Nov ${(index % 28) + 1}</relative-time></a>
    <button type="button" aria-label="Comment actions">…</button>
  </div>
  ${markdown(index)}
  ${reactions()}
</div>
${index % 4 === 3 ? `<div class="TimelineItem"><a data-testid="avatar-link" data-hovercard-url="/users/${loginAt(index + 1)}/hovercard" href="/${loginAt(index + 1)}">${loginAt(index + 1)}</a> added the <a href="/tikv/tikv/labels/type%2Fbug"><span class="label">type/bug</span></a> label</div>` : ''}`;
}

function sidebar(): string {
  const people = LOGINS.slice(0, 16)
    .map(
      (login) =>
        `<a data-hovercard-type="user" data-hovercard-url="/users/${login}/hovercard" href="/${login}"><img class="avatar" alt="@${login}" width="26" height="26"></a>`,
    )
    .join('');
  return `<aside aria-label="Sidebar">
  <h3>Assignees</h3><a data-hovercard-url="/users/${loginAt(1)}/hovercard" href="/${loginAt(1)}">${loginAt(1)}</a>
  <h3>Labels</h3>${['type/bug', 'sig/raft', 'severity/major', 'affects-7.5'].map((label) => `<a href="/tikv/tikv/labels/${encodeURIComponent(label)}">${label}</a>`).join(' ')}
  <h3>Projects</h3><a href="/orgs/tikv/projects/3">TiKV triage</a>
  <h3>Milestone</h3><a href="/tikv/tikv/milestone/62">v8.1</a>
  <h3>Development</h3><a data-hovercard-type="pull_request" href="/tikv/tikv/pull/16012">raftstore: fix apply wait</a>
  <h3>Participants</h3><div>${people}</div>
</aside>`;
}

/** The embedded data a React page carries (what `react-app.embeddedData` holds, in shape). */
function embeddedData(comments: number): string {
  const data = {
    payload: {
      preloadedQueries: [
        {
          queryName: 'IssueViewerViewQuery',
          result: {
            data: {
              repository: {
                id: 'R_kgDOAtikv',
                name: 'tikv',
                owner: { login: 'tikv', __typename: 'Organization' },
                issue: {
                  number: 16011,
                  title: 'Apply wait spikes after region split',
                  comments: Array.from({ length: comments }, (_, index) => ({
                    id: `IC_kwDO${index}`,
                    author: { login: loginAt(index), avatarUrl: `/${loginAt(index)}.png` },
                    bodyHTML: `<p>Comment ${index} about region split and apply wait.</p>`,
                    createdAt: '2026-11-01T10:00:00Z',
                    reactionGroups: [{ content: 'THUMBS_UP', users: { totalCount: index } }],
                  })),
                },
              },
            },
          },
        },
      ],
    },
  };
  return `<script type="application/json" data-target="react-app.embeddedData">${JSON.stringify(data)}</script>`;
}

function frame(title: string, subject: string, main: string, scripts: string): string {
  return `<!doctype html><html lang="en" data-color-mode="light"><head><meta charset="utf-8"><title>${title}</title>
<meta name="hovercard-subject-tag" content="${subject}">
${STYLE}</head><body>${header()}<div class="layout">${main}${sidebar()}</div>${scripts}</body></html>`;
}

/** A busy React issue page: 60 comments and their timeline events. */
export function realIssuePage(comments = 60): string {
  const main = `<main><div data-testid="issue-viewer-container">
  <h1 data-testid="issue-title">Apply wait spikes after region split <span>#16011</span></h1>
  <div data-testid="issue-body" class="comment">
    <div class="comment-header"><a data-testid="avatar-link" data-hovercard-url="/users/${loginAt(0)}/hovercard" href="/${loginAt(0)}"><img data-testid="github-avatar" class="avatar" alt="@${loginAt(0)}" width="40" height="40"></a>
    <a data-testid="issue-body-header-author" data-hovercard-url="/users/${loginAt(0)}/hovercard" href="/${loginAt(0)}">${loginAt(0)}</a> opened</div>
    ${markdown(0)}
  </div>
  ${Array.from({ length: comments }, (_, index) => issueComment(index + 1)).join('\n')}
</div></main>`;
  return frame(
    'Apply wait spikes after region split · Issue #16011 · tikv/tikv',
    'issue:16011',
    main,
    `${embeddedData(comments)}${ROUTER('github')}${GITHUB_HOVERCARD}`,
  );
}

/** The classic timeline's comment: a.author with data-hovercard-type. */
function pullComment(index: number): string {
  const login = loginAt(index);
  const user = `data-hovercard-type="user" data-hovercard-url="/users/${login}/hovercard" href="/${login}"`;
  return `<div class="TimelineItem js-comment-container comment">
  <div class="timeline-comment-header comment-header">
    <a class="d-inline-block" ${user}><img class="avatar avatar-user" alt="@${login}" width="40" height="40"></a>
    <a class="author Link--primary text-bold" ${user}>${login}</a>
    ${index % 3 === 1 ? 'reviewed' : 'commented'} <a href="#pullrequestreview-${2000 + index}" class="Link--secondary"><relative-time datetime="2026-11-02T09:00:00Z">Nov 2</relative-time></a>
  </div>
  ${markdown(index)}
  ${reactions()}
</div>
${index % 5 === 2 ? `<div class="TimelineItem TimelineItem--condensed"><a class="avatar" ${user}><img class="avatar" alt="@${login}" width="20" height="20"></a> <a class="commit-author user-mention" ${user}>${login}</a> added <a href="/tikv/tikv/pull/16012/commits/${(index * 40503).toString(16)}cafe">a commit</a></div>` : ''}`;
}

/** A diff of `rows` lines, as the review's code excerpts show them. */
function diff(rows: number): string {
  const lines = Array.from(
    { length: rows },
    (_, row) =>
      `<tr><td class="blob-num">${row + 100}</td><td class="blob-num">${row + 101}</td><td class="blob-code ${row % 7 === 0 ? 'blob-code-addition' : ''}">    <span class="pl-k">if</span> apply_wait &gt; <span class="pl-c1">${row}</span> { <span class="pl-en">flush</span>(); }</td></tr>`,
  );
  return `<table class="diff-table" aria-label="components/raftstore/src/store/fsm/apply.rs">${lines.join('')}</table>`;
}

/** A busy pull request: 50 timeline comments, reviews, commits and a 300-line diff excerpt. */
export function realPullPage(comments = 50): string {
  const opener = loginAt(2);
  const main = `<main><div class="js-discussion" aria-label="Classic timeline">
  <h1 class="gh-header-title">raftstore: fix apply wait after region split <span>#16012</span></h1>
  <div class="gh-header-meta"><a class="author Link--secondary" data-hovercard-type="user" data-hovercard-url="/users/${opener}/hovercard" href="/${opener}">${opener}</a> wants to merge 6 commits into <a href="/tikv/tikv/tree/master">master</a> from <a href="/${opener}/tikv/tree/fix-apply-wait">${opener}:fix-apply-wait</a></div>
  <nav class="tabnav-tabs"><a href="/tikv/tikv/pull/16012">Conversation</a><a href="/tikv/tikv/pull/16012/commits">Commits</a><a href="/tikv/tikv/pull/16012/checks">Checks</a><a href="/tikv/tikv/pull/16012/files">Files changed</a></nav>
  ${pullComment(0)}
  ${diff(300)}
  ${Array.from({ length: comments }, (_, index) => pullComment(index + 1)).join('\n')}
  <div class="merge-status"><a class="team-mention" data-hovercard-type="organization" data-hovercard-url="/orgs/tikv/hovercard" href="/tikv">@tikv</a> required reviews; <a href="/apps/ti-chi-bot">ti-chi-bot</a> <a href="/dependabot%5Bbot%5D">dependabot[bot]</a></div>
</div></main>`;
  return frame(
    'raftstore: fix apply wait after region split by contributor-2 · Pull Request #16012 · tikv/tikv',
    'pull_request:16012',
    main,
    `${ROUTER('github')}${GITHUB_HOVERCARD}`,
  );
}
