#!/usr/bin/env node
// Writes the add-in icons (assets/icon-<size>.png): a white pulse line in a teal rounded square.
// Only Node built-ins: the PNG is assembled by hand (signature, IHDR, IDAT via zlib, IEND, CRC32),
// so regenerating the icons needs no image library. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const TEAL = [13, 124, 134];
const WHITE = [255, 255, 255];
/** The pulse, in unit coordinates (0..1, y down): flat, spike up, dip, recover, flat. */
const PULSE = [[0.16, 0.56], [0.36, 0.56], [0.45, 0.28], [0.56, 0.76], [0.64, 0.48], [0.70, 0.56], [0.84, 0.56]];
/** At 16 px the full pulse blurs into grey: fewer, pixel-aligned strokes (in pixels) stay crisp. */
const PULSE_16 = [[2, 9], [5, 9], [7, 3.5], [9.5, 13], [11, 9], [14, 9]];
/** Samples per pixel axis: 4x4 supersampling gives smooth edges even at 16 px. */
const SS = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes each) as a PNG file. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for each scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onPulse(x, y, points, halfWidth) {
  for (let i = 1; i < points.length; i++) {
    if (distanceToSegment(x, y, points[i - 1], points[i]) <= halfWidth) return true;
  }
  return false;
}

function renderIcon(size) {
  const radius = size * 0.18;
  // Thin strokes vanish at small sizes, so the stroke never drops below 2 px.
  const halfWidth = Math.max(2, size * 0.085) / 2;
  const points = size <= 16 ? PULSE_16 : PULSE.map(([x, y]) => [x * size, y * size]);
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let line = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          if (!insideRoundedSquare(x, y, size, radius)) continue;
          bg++;
          if (onPulse(x, y, points, halfWidth)) line++;
        }
      }
      const i = (py * size + px) * 4;
      if (bg === 0) continue; // fully transparent outside the rounded square
      const mix = line / bg;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(TEAL[c] * (1 - mix) + WHITE[c] * mix);
      rgba[i + 3] = Math.round((255 * bg) / (SS * SS));
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT_DIR, `icon-${size}.png`);
  const png = renderIcon(size);
  writeFileSync(file, png);
  console.log(`wrote ${file} (${png.length} bytes)`);
}
