/**
 * The store listings' pictures, rendered from the real built extension
 * (.output/chrome-mv3) in Debian's Chromium on the browser tests' fixture
 * pages (tests/browser/harness.ts, fixtures.ts: no network), so they show
 * what the extension really draws today, never a mock-up that drifts.
 *
 *   launch Chromium + extension ─▶ capture: hovercards (GitHub issue, LinkedIn feed),
 *                                  the real toolbar popup (list, card, keep offer, draft),
 *                                  the options page                    ─▶ PNG buffers
 *   each screenshot: frame page (neutral background, one-line caption, the captures at
 *                    natural size) ─▶ 1280×800 PNG at device scale 1
 *   promo tile: assets/icon.svg + the manifest's name + a line + the popup's card ─▶ 440×280
 *   every file ─▶ png.ts check (size, not blank) ─▶ outDir
 *
 * The files, their sizes and captions, and the check are in
 * store-asset-list.ts; which store slot each fills is in
 * docs/store/chrome.md and docs/store/firefox.md. `npm run store-assets`
 * (build/store-assets-cli.ts) writes them to docs/store/assets/;
 * tests/browser/store-assets.test.ts renders them into a temporary folder.
 * The fixture pages and the harness live with the browser tests because the
 * tests use them first; this is their one user outside tests/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  EXTENSION_DIR,
  hovercardShows,
  hoverState,
  launch,
  openToolbarPopup,
  type Session,
  scriptListening,
  waitUntil,
} from '../tests/browser/harness';
import { pngProblem } from './png.ts';
import { PROMO_TILE, SCREENSHOT, STAGE, STORE_ASSETS, TILE_CARD } from './store-asset-list.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The tile's one line beside the name. */
const PROMO_LINE = 'Cards for the people you keep, on GitHub and LinkedIn. Private by design.';

/** The people the captures show: the bundled ones (data/profiles/), and one to keep. */
const ISSUE = 'https://github.com/tikv/tikv/issues/1';
const FEED = 'https://www.linkedin.com/feed/';
const PERSON_PAGE = 'https://github.com/spacejam';
const NOBODY_PAGE = 'https://github.com/tikv/tikv/pulls';
const NOT_KEPT_PAGE = 'https://github.com/mirak';
const NOT_KEPT_HTML = join(ROOT, 'tests/unit/fixtures/capture/github-profile.html');

interface Capture {
  png: Buffer;
  width: number;
  height: number;
}

const dataUrl = ({ png }: Capture) => `data:image/png;base64,${png.toString('base64')}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The size a PNG buffer says it is (IHDR). */
const capture = (png: Buffer): Capture => ({
  png,
  width: png.readUInt32BE(16),
  height: png.readUInt32BE(20),
});

/** Two animation frames: what was just laid out is painted. */
const settled = 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))';

/**
 * A hovercard opened by the real mouse on the link `data-test` names, and
 * the page around it: the page from its top left (its header gives the
 * context), as much as the frame shows at natural size, moved down or right
 * only if the card would not fit.
 */
async function hovercardCapture(session: Session, url: string, target: string, name: string) {
  const page = await session.context.newPage();
  try {
    await page.goto(url);
    // Hovered only once our content script listens: a pointer already resting
    // on the link when it starts opens nothing (react only to the user).
    await scriptListening(session, page);
    const link = page.locator(`[data-test="${target}"]`);
    await link.hover();
    await hovercardShows(page, name);
    // The card fades in (card.css); no way to turn that off inside a closed root.
    await page.waitForTimeout(400);
    const card = (await hoverState(page)).box;
    if (!card) throw new Error(`no hovercard box on ${url}`);
    const viewport = page.viewportSize() ?? SCREENSHOT;
    const width = Math.min(viewport.width, STAGE.width);
    const height = Math.min(viewport.height, STAGE.height);
    const x = Math.max(0, Math.min(viewport.width - width, card.x + card.width + 48 - width));
    const y = Math.max(0, Math.min(viewport.height - height, card.y + card.height + 48 - height));
    return capture(await page.screenshot({ clip: { x, y, width, height } }));
  } finally {
    await page.close();
  }
}

/** The real toolbar popup over `url`, opened by a click on the button, once `ready` holds. */
async function popupCapture(
  session: Session,
  url: string,
  ready: string,
  then?: { click: string; ready: string },
): Promise<{ page: Capture; popups: Capture[] }> {
  const page = await session.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const pageShot = capture(await page.screenshot());
    const popup = await openToolbarPopup(session, page, { click: true });
    const shots: Capture[] = [];
    const shoot = async (check: string) => {
      await waitUntil(`the popup: ${check}`, () =>
        popup.evaluate<boolean>(check).catch(() => false),
      );
      await popup.evaluate(settled);
      shots.push(capture(await popup.screenshot()));
    };
    await shoot(ready);
    if (then) {
      await popup.evaluate(`document.querySelector(${JSON.stringify(then.click)}).click()`);
      await shoot(then.ready);
    }
    await popup.close();
    return { page: pageShot, popups: shots };
  } finally {
    await page.close();
  }
}

const textHas = (...needles: string[]) =>
  `(() => { const text = document.body.innerText; return ${JSON.stringify(needles)}.every((n) => text.includes(n)); })()`;

async function optionsCapture(session: Session): Promise<Capture> {
  const page = await session.context.newPage();
  try {
    await page.setViewportSize({ width: 1200, height: 660 });
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await waitUntil('the options page lists the people', () =>
      page.evaluate(textHas('Deniz Altınbüken', 'Tyler Neely')),
    );
    await page.evaluate(settled);
    return capture(await page.screenshot({ animations: 'disabled' }));
  } finally {
    await page.close();
  }
}

const FRAME_STYLE = `
  html, body { margin: 0; width: 1280px; height: 800px; overflow: hidden; }
  body { background: #eef1f4; color: #1f2328; font: 500 28px/1.2 system-ui, sans-serif;
    display: flex; flex-direction: column; align-items: center; }
  .caption { margin: 34px 32px 26px; white-space: nowrap; letter-spacing: -0.01em; }
  .stage { flex: 1; display: flex; align-items: flex-start; justify-content: center; gap: 48px;
    position: relative; }
  img { display: block; border-radius: 10px; box-shadow: 0 8px 30px rgb(31 35 40 / 0.18),
    0 0 0 1px rgb(31 35 40 / 0.08); }
  .over { position: absolute; top: 0; right: 24px; display: flex; gap: 24px; align-items: flex-start; }
`;

/** The largest size within `box`, at most natural size, keeping the aspect ratio. */
function fitWithin({ width, height }: Capture, box: { width: number; height: number }) {
  const scale = Math.min(1, box.width / width, box.height / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

const img = (shot: Capture, size: { width: number; height: number }) =>
  `<img src="${dataUrl(shot)}" width="${size.width}" height="${size.height}" alt="">`;

/** Captures side by side, each at natural size when they fit. */
function sideBySide(shots: Capture[]): string {
  const gaps = 48 * (shots.length - 1);
  return shots
    .map((shot) =>
      img(
        shot,
        fitWithin(shot, { width: (STAGE.width - gaps) / shots.length, height: STAGE.height }),
      ),
    )
    .join('');
}

/** A tab's page, scaled to the stage, with popups over its top right as the browser opens them. */
function overPage(page: Capture, popups: Capture[]): string {
  const behind = fitWithin(page, STAGE);
  const over = popups
    .map((popup) => img(popup, fitWithin(popup, { width: 400, height: behind.height - 16 })))
    .join('');
  return `<div style="position: relative">${img(page, behind)}<div class="over">${over}</div></div>`;
}

async function frame(session: Session, caption: string, stage: string): Promise<Buffer> {
  const page = await session.context.newPage();
  try {
    await page.setViewportSize(SCREENSHOT);
    await page.setContent(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${FRAME_STYLE}</style></head>
      <body><div class="caption">${escapeHtml(caption)}</div><div class="stage">${stage}</div></body></html>`,
      { waitUntil: 'load' },
    );
    await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
    const overflow = await page.evaluate(() => {
      const caption = document.querySelector('.caption') as HTMLElement;
      return caption.scrollWidth > document.body.clientWidth - 64;
    });
    if (overflow) throw new Error(`the caption does not fit on one line: "${caption}"`);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

/** The extension's name as the built manifest gives it (through its default locale). */
function extensionName(): string {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    name: string;
    default_locale?: string;
  };
  const key = /^__MSG_(\w+)__$/.exec(manifest.name)?.[1];
  if (!key) return manifest.name;
  const messages = JSON.parse(
    readFileSync(
      join(EXTENSION_DIR, '_locales', manifest.default_locale ?? 'en', 'messages.json'),
      'utf8',
    ),
  ) as Record<string, { message: string }>;
  const entry = Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase());
  if (!entry) throw new Error(`the manifest's name ${manifest.name} is in no message`);
  return entry[1].message;
}

/** The tile: the icon's own SVG and colour, the name, a line, and the popup's real card. */
async function promoTile(session: Session, card: Capture): Promise<Buffer> {
  const icon = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
  // The icon's tile colour (its first fill) is the brand colour.
  const brand = /fill="(#[0-9a-fA-F]{6})"/.exec(icon)?.[1];
  if (!brand) throw new Error('assets/icon.svg has no fill colour to take');
  const shown = fitWithin(card, { width: 200, height: 1000 });
  const page = await session.context.newPage();
  try {
    await page.setViewportSize(PROMO_TILE);
    await page.setContent(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
        html, body { margin: 0; width: 440px; height: 280px; overflow: hidden; }
        body { background: linear-gradient(135deg, ${brand}, color-mix(in srgb, ${brand} 70%, #000));
          color: #fff; font: 15px/1.35 system-ui, sans-serif; position: relative; }
        .text { position: absolute; left: 24px; top: 28px; width: 190px; }
        .text svg { width: 56px; height: 56px; display: block;
          filter: drop-shadow(0 2px 6px rgb(0 0 0 / 0.25)); }
        h1 { font-size: 30px; line-height: 1.1; margin: 16px 0 10px; letter-spacing: -0.02em; }
        p { margin: 0; opacity: 0.92; }
        img { position: absolute; left: ${TILE_CARD.x}px; top: ${TILE_CARD.y}px; border-radius: 10px;
          box-shadow: 0 10px 30px rgb(0 0 0 / 0.35); }
      </style></head><body>
        <div class="text">${icon.replace(/<\?xml[^>]*>/, '')}<h1>${escapeHtml(extensionName())}</h1>
        <p>${escapeHtml(PROMO_LINE)}</p></div>
        ${img(card, shown)}
      </body></html>`,
      { waitUntil: 'load' },
    );
    await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

/**
 * Renders every asset in STORE_ASSETS into `outDir` from the built
 * extension (build it first); returns the paths written. Fails, naming the
 * file, when any comes out the wrong size or blank.
 */
export async function renderStoreAssets(
  outDir: string,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first`);
  mkdirSync(outDir, { recursive: true });
  const session = await launch(SCREENSHOT);
  try {
    session.pages.set(NOT_KEPT_PAGE, readFileSync(NOT_KEPT_HTML, 'utf8'));
    const issue = await hovercardCapture(session, ISSUE, 'react-author', 'Deniz Altınbüken');
    const feed = await hovercardCapture(session, FEED, 'comment-author', 'Patmesh');
    const list = await popupCapture(
      session,
      NOBODY_PAGE,
      textHas('Deniz Altınbüken', 'Tyler Neely', 'Patmesh'),
    );
    const card = await popupCapture(session, PERSON_PAGE, textHas('Tyler Neely'));
    const keep = await popupCapture(
      session,
      NOT_KEPT_PAGE,
      `!!document.querySelector('.pc-keep-offer .pc-primary')`,
      {
        click: '.pc-keep-offer .pc-primary',
        ready: `(document.querySelector('.pc-keep input')?.value ?? '').includes('Mira')`,
      },
    );
    const options = await optionsCapture(session);

    const [listShot, cardShot] = [list.popups[0], card.popups[0]];
    if (!listShot || !cardShot || keep.popups.length !== 2)
      throw new Error('a popup capture is missing');
    const stages: Record<string, string> = {
      'screenshot-1-github-issue.png': sideBySide([issue]),
      'screenshot-2-linkedin-feed.png': sideBySide([feed]),
      'screenshot-3-popup.png': sideBySide([listShot, cardShot]),
      'screenshot-4-keep.png': overPage(keep.page, keep.popups),
      'screenshot-5-options.png': sideBySide([options]),
    };
    const written: string[] = [];
    for (const asset of STORE_ASSETS) {
      const stage = stages[asset.file];
      const png =
        asset.caption !== undefined && stage !== undefined
          ? await frame(session, asset.caption, stage)
          : await promoTile(session, cardShot);
      const problem = pngProblem(png, asset.width, asset.height, asset.subject);
      if (problem) throw new Error(`${asset.file} ${problem}`);
      const path = join(outDir, asset.file);
      writeFileSync(path, png);
      written.push(path);
      log(`${asset.file} (${asset.width}×${asset.height})`);
    }
    return written;
  } finally {
    await session.close();
  }
}
