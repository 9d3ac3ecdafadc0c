// @vitest-environment node
/**
 * build/png.ts, the check every store asset passes: right size, a real PNG,
 * not blank. The pictures are rendered here from SVG with resvg (the icon
 * renderer's engine), so each case is a true PNG of known content.
 */
import { lumaDeviation, pngProblem, pngSize, readPng } from '../../build/png';
import { renderIcon } from '../../build/render-icons';

const svg = (width: number, height: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
const render = (width: number, height: number, body: string) =>
  renderIcon(svg(width, height, body), width);

const blank = (width: number, height: number) =>
  render(width, height, `<rect width="${width}" height="${height}" fill="#f6f8fa"/>`);
const halves = (width: number, height: number) =>
  render(
    width,
    height,
    `<rect width="${width / 2}" height="${height}" fill="#ff0000"/><rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#0000ff"/>`,
  );

describe('readPng', () => {
  it('reads the size and the pixels where they are', async () => {
    const image = readPng(await halves(40, 20));
    expect([image.width, image.height]).toEqual([40, 20]);
    const at = (x: number, y: number) => [
      ...image.rgba.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 4),
    ];
    expect(at(0, 0)).toEqual([255, 0, 0, 255]);
    expect(at(39, 19)).toEqual([0, 0, 255, 255]);
    expect(pngSize(await halves(40, 20))).toEqual({ width: 40, height: 20 });
  });

  it.each([
    ['not a PNG at all', Buffer.from('GIF89a, not a PNG, padded to be long enough to read')],
    ['an empty file', new Uint8Array()],
  ])('refuses %s with a clear message', (_, data) => {
    expect(() => readPng(data)).toThrow(/not a PNG/);
  });

  it('refuses a PNG cut short', async () => {
    const whole = await halves(40, 20);
    expect(() => readPng(whole.subarray(0, 60))).toThrow();
  });
});

describe('pngProblem', () => {
  it('passes a picture of exactly the asked size whose pixels vary', async () => {
    expect(pngProblem(await halves(440, 280), 440, 280)).toBeUndefined();
  });

  // The positive control for "not blank": the same size, one flat colour.
  it('fails a blank picture', async () => {
    const flat = await blank(440, 280);
    expect(lumaDeviation(readPng(flat))).toBeCloseTo(0, 2);
    expect(pngProblem(flat, 440, 280)).toMatch(/^is blank/);
  });

  // A frame around nothing: the picture varies, but not where its subject should be.
  it('fails a picture blank in the region that must hold its subject', async () => {
    const picture = await halves(440, 280);
    expect(pngProblem(picture, 440, 280, { x: 200, y: 0, width: 40, height: 280 })).toBeUndefined();
    expect(pngProblem(picture, 440, 280, { x: 0, y: 0, width: 200, height: 280 })).toMatch(
      /^is blank at 200×280\+0\+0/,
    );
  });

  it('fails the wrong size, saying both sizes', async () => {
    expect(pngProblem(await halves(440, 280), 1280, 800)).toBe('is 440×280, not 1280×800');
  });

  it('fails what is not a PNG', () => {
    expect(pngProblem(Buffer.from('<html>not a picture, but long enough</html>'), 1, 1)).toMatch(
      /not a PNG/,
    );
  });
});
