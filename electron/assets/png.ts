import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Just enough PNG and ICO for the tray icons, with Node's zlib only: 8-bit
 * RGBA, no interlacing, filter type 0 on every row. Decoding reads back only
 * what `encodePng` writes (the tests compare the committed icons with a fresh
 * render that way).
 */

/** A square or rectangular RGBA image, 4 bytes per pixel, rows top to bottom. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;

function chunk(type: string, data: Uint8Array): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  out.set(data, 8);
  out.writeUInt32BE(crc32(Buffer.concat([typeBytes, data])), 8 + data.length);
  return out;
}

export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error('pixel buffer does not match size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = COLOR_TYPE_RGBA;
  // compression 0, filter method 0, no interlace: already zero.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type, 0 (none).
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Reads a PNG written by `encodePng` (RGBA, filter 0); throws on anything else. */
export function decodePng(file: Uint8Array): RgbaImage {
  const bytes = Buffer.from(file);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== COLOR_TYPE_RGBA || body[12] !== 0) {
        throw new Error('only 8-bit RGBA without interlacing is read here');
      }
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const rowStart = y * (stride + 1);
    if (raw[rowStart] !== 0) throw new Error('only filter type 0 is read here');
    pixels.set(raw.subarray(rowStart + 1, rowStart + 1 + stride), y * stride);
  }
  return { width, height, pixels };
}

/**
 * An .ico holding one PNG per size (Windows Vista and later read PNG entries);
 * Windows picks the size that fits the tray at the display's scale.
 */
export function encodeIco(images: readonly RgbaImage[]): Buffer {
  const pngs = images.map(encodePng);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = Buffer.alloc(16 * images.length);
  let dataOffset = header.length + entries.length;
  images.forEach((image, index) => {
    const png = pngs[index];
    if (!png) return;
    const entry = index * 16;
    // 0 means 256 in the one-byte width and height fields.
    entries[entry] = image.width >= 256 ? 0 : image.width;
    entries[entry + 1] = image.height >= 256 ? 0 : image.height;
    entries.writeUInt16LE(1, entry + 4); // colour planes
    entries.writeUInt16LE(32, entry + 6); // bits per pixel
    entries.writeUInt32LE(png.length, entry + 8);
    entries.writeUInt32LE(dataOffset, entry + 12);
    dataOffset += png.length;
  });
  return Buffer.concat([header, entries, ...pngs]);
}

/** The PNG entries of an .ico written by `encodeIco`. */
export function icoEntries(file: Uint8Array): Buffer[] {
  const bytes = Buffer.from(file);
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an .ico');
  const count = bytes.readUInt16LE(4);
  const entries: Buffer[] = [];
  for (let index = 0; index < count; index++) {
    const entry = 6 + index * 16;
    const size = bytes.readUInt32LE(entry + 8);
    const start = bytes.readUInt32LE(entry + 12);
    entries.push(bytes.subarray(start, start + size));
  }
  return entries;
}
