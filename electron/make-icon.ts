// Draws the app icon (build/icon.png, 1024×1024) without any image library: a navy rounded
// square with a white page and a gold band, the same marks as the web app's brand.
// electron-builder makes the .ico and .icns from it. `node electron/make-icon.ts`
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
type Rgba = [number, number, number, number];
const NAVY: Rgba = [20, 40, 75, 255];
const PAPER: Rgba = [255, 255, 255, 255];
const LINE: Rgba = [168, 181, 204, 255];
const GOLD: Rgba = [214, 168, 52, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function insideRounded(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
) {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function pixel(x: number, y: number): Rgba {
  if (!insideRounded(x, y, 64, 64, 960, 960, 180)) return CLEAR;
  if (insideRounded(x, y, 300, 210, 724, 814, 36)) {
    if (y >= 300 && y < 360 && x >= 370 && x < 654) return GOLD; // the title band
    for (const top of [430, 510, 590, 670])
      if (y >= top && y < top + 28 && x >= 370 && x < (top === 670 ? 560 : 654)) return LINE;
    return PAPER;
  }
  return NAVY;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function iconPng(): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1); // each row starts with filter type 0
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const out = process.argv[2] ?? 'build/icon.png';
  writeFileSync(out, iconPng());
  console.log(`wrote ${out}`);
}
