/**
 * The store listings' pictures: each file, its size (what its store slot
 * takes), its caption, and where the extension's UI must show in it; and the
 * check every file passes (a PNG of exactly that size, not blank where the
 * UI is). store-assets.ts renders them; docs/store/chrome.md and firefox.md
 * say which slot each fills; tests/unit/store-listing.test.ts checks the
 * committed ones in docs/store/assets/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pngProblem, type Region } from './png.ts';

/** The frame a screenshot's captures sit in, below the caption: 1216×660 at most. */
export const STAGE = { width: 1216, height: 660 };

export interface StoreAsset {
  file: string;
  width: number;
  height: number;
  /** The one line under which a screenshot shows the extension; none on the tile. */
  caption?: string;
  /** Where the extension's UI is drawn: it must not be blank there. */
  subject: Region;
}

export const SCREENSHOT = { width: 1280, height: 800 } as const;
export const PROMO_TILE = { width: 440, height: 280 } as const;

/** Below a screenshot's caption. */
const STAGE_REGION: Region = { x: 0, y: 100, width: 1280, height: 700 };
/** The card on the tile (its `img`, below). */
export const TILE_CARD: Region = { x: 228, y: 24, width: 212, height: 256 };

/** In the order the stores show them. */
export const STORE_ASSETS: readonly StoreAsset[] = [
  {
    file: 'screenshot-1-github-issue.png',
    ...SCREENSHOT,
    subject: STAGE_REGION,
    caption: 'Rest the pointer on an author in a GitHub issue: their card opens beside the link.',
  },
  {
    file: 'screenshot-2-linkedin-feed.png',
    ...SCREENSHOT,
    subject: STAGE_REGION,
    caption: 'The same card in the LinkedIn feed, for the people you keep.',
  },
  {
    file: 'screenshot-3-popup.png',
    ...SCREENSHOT,
    subject: STAGE_REGION,
    caption: 'The toolbar button: everyone you keep, searchable, and each one’s card.',
  },
  {
    file: 'screenshot-4-keep.png',
    ...SCREENSHOT,
    subject: STAGE_REGION,
    caption: 'Keep someone from their own page: the popup reads it, you check it, then keep.',
  },
  {
    file: 'screenshot-5-options.png',
    ...SCREENSHOT,
    subject: STAGE_REGION,
    caption: 'Add, edit, import and export your people. Nothing leaves your browser.',
  },
  { file: 'promo-tile-440x280.png', ...PROMO_TILE, subject: TILE_CARD },
];

/** What is wrong with the assets in `dir`, one line per file; empty when all are good. */
export function assetProblems(dir: string): string[] {
  return STORE_ASSETS.flatMap(({ file, width, height, subject }) => {
    const path = join(dir, file);
    if (!existsSync(path)) return [`${file}: missing`];
    const problem = pngProblem(readFileSync(path), width, height, subject);
    return problem ? [`${file}: ${problem}`] : [];
  });
}
