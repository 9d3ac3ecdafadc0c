/**
 * Reads a PNG's size and pixels, so the store assets can be checked for what
 * a store rejects or a broken render gives: the wrong dimensions, or a blank
 * image (one flat colour, as a page that never painted comes out). Node has
 * no image decoder and the assets need only one kind of PNG, so this reads
 * exactly that kind — 8-bit greyscale, grey+alpha, RGB or RGBA, not
 * interlaced, which is what Chromium's screenshots and resvg write — and says
 * clearly when a file is anything else.
 * Format: https://www.w3.org/TR/png-3/ (chunks §5, filters §7.3 and §9).
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Channels per pixel for each colour type this reader supports. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export interface PngImage {
  width: number;
  height: number;
  /** Red, green, blue, alpha per pixel, row by row. */
  rgba: Uint8Array;
}

/** The width and height from the IHDR chunk, without decoding pixels. */
export function pngSize(data: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE))
    throw new Error('not a PNG: the file does not start with the PNG signature');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG: the first chunk is not IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Paeth predictor (PNG §9.4). */
function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const toLeft = Math.abs(p - left);
  const toUp = Math.abs(p - up);
  const toUpLeft = Math.abs(p - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

export function readPng(data: Uint8Array): PngImage {
  const { width, height } = pngSize(data);
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const depth = bytes[24];
  const colourType = bytes[25] ?? -1;
  const interlace = bytes[28];
  const channels = CHANNELS[colourType];
  if (depth !== 8 || channels === undefined || interlace !== 0)
    throw new Error(
      `unsupported PNG: bit depth ${depth}, colour type ${colourType}, interlace ${interlace} (this reader takes 8-bit, non-interlaced grey, RGB or RGBA)`,
    );
  const idat: Buffer[] = [];
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (idat.length === 0) throw new Error('not a PNG: no image data (IDAT)');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1))
    throw new Error(`truncated PNG: ${raw.length} bytes of pixels for ${width}×${height}`);

  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const source = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[source + x] as number;
      const left = x >= channels ? (rows[row + x - channels] as number) : 0;
      const up = y > 0 ? (rows[row - stride + x] as number) : 0;
      const upLeft = x >= channels && y > 0 ? (rows[row - stride + x - channels] as number) : 0;
      const predicted =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? (left + up) >> 1
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : Number.NaN;
      if (Number.isNaN(predicted)) throw new Error(`corrupt PNG: row ${y} has filter ${filter}`);
      rows[row + x] = (value + predicted) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const at = i * channels;
    const grey = channels <= 2;
    const r = rows[at] as number;
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = grey ? r : (rows[at + 1] as number);
    rgba[i * 4 + 2] = grey ? r : (rows[at + 2] as number);
    rgba[i * 4 + 3] =
      channels === 4 ? (rows[at + 3] as number) : channels === 2 ? (rows[at + 1] as number) : 255;
  }
  return { width, height, rgba };
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The standard deviation of the pixels' luma (0–255, Rec. 601 weights) in
 * `region` (the whole image by default): 0 for a blank image, tens for
 * anything with text or pictures on it.
 */
export function lumaDeviation(
  { width, height, rgba }: PngImage,
  region: Region = { x: 0, y: 0, width, height },
): number {
  const right = Math.min(width, region.x + region.width);
  const bottom = Math.min(height, region.y + region.height);
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (let y = Math.max(0, region.y); y < bottom; y++)
    for (let x = Math.max(0, region.x); x < right; x++) {
      const i = (y * width + x) * 4;
      const luma =
        0.299 * (rgba[i] as number) +
        0.587 * (rgba[i + 1] as number) +
        0.114 * (rgba[i + 2] as number);
      sum += luma;
      squares += luma * luma;
      count++;
    }
  if (count === 0) throw new Error('the region lies outside the image');
  const mean = sum / count;
  return Math.sqrt(Math.max(0, squares / count - mean * mean));
}

/** Below this a picture is as good as blank (a flat fill with faint noise). */
export const BLANK_DEVIATION = 10;

/**
 * Why `data` is not a usable `width`×`height` picture, or undefined when it
 * is: a PNG of exactly that size whose pixels vary, in `region` if given
 * (where the picture's subject must be, so a frame around nothing fails).
 */
export function pngProblem(
  data: Uint8Array,
  width: number,
  height: number,
  region?: Region,
): string | undefined {
  let image: PngImage;
  try {
    image = readPng(data);
  } catch (error) {
    return (error as Error).message;
  }
  if (image.width !== width || image.height !== height)
    return `is ${image.width}×${image.height}, not ${width}×${height}`;
  const deviation = lumaDeviation(image, region);
  if (deviation < BLANK_DEVIATION) {
    const where = region ? ` at ${region.width}×${region.height}+${region.x}+${region.y}` : '';
    return `is blank${where} (luma deviation ${deviation.toFixed(1)}, needs ≥ ${BLANK_DEVIATION})`;
  }
  return undefined;
}
