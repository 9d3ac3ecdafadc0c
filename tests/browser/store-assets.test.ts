/**
 * `npm run store-assets` renders the listings' pictures from the built
 * extension (build/store-assets.ts). Here it renders them into a temporary
 * folder: every file is there, a real PNG of exactly the size its store slot
 * takes, and not blank. The positive control: the same check, on the same
 * folder, fails a blank PNG of the right size and a missing file.
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pngSize } from '../../build/png';
import { renderIcon } from '../../build/render-icons';
import { assetProblems, STORE_ASSETS } from '../../build/store-asset-list';
import { renderStoreAssets } from '../../build/store-assets';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'profile-card-store-assets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('renders every store asset, at its size, not blank', async () => {
  const start = performance.now();
  const written = await renderStoreAssets(dir);
  const seconds = (performance.now() - start) / 1000;
  expect(written.map((path) => path.slice(dir.length + 1))).toEqual(
    STORE_ASSETS.map(({ file }) => file),
  );
  expect(assetProblems(dir)).toEqual([]);
  // Five 1280×800 screenshots and one 440×280 tile, as the stores ask.
  const sizes = STORE_ASSETS.map(({ file }) => {
    const { width, height } = pngSize(readFileSync(join(dir, file)));
    return `${width}×${height}`;
  });
  expect(sizes).toEqual([...Array(5).fill('1280×800'), '440×280']);
  console.log(`store assets rendered in ${seconds.toFixed(1)} s`);

  // Positive control: a blank picture of the right size, and a missing one, fail the check.
  const [first, , third] = STORE_ASSETS;
  if (!first || !third) throw new Error('fewer assets than expected');
  writeFileSync(
    join(dir, first.file),
    await renderIcon(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="800"><rect width="1280" height="800" fill="#eef1f4"/></svg>`,
      1280,
    ),
  );
  unlinkSync(join(dir, third.file));
  expect(assetProblems(dir)).toEqual([
    expect.stringMatching(new RegExp(`^${first.file}: is blank`)),
    `${third.file}: missing`,
  ]);
});
