/**
 * Draws the app icons and writes them to appPackage/ (`npx ts-node --transpile-only scripts/make-icons.ts`).
 * color.png: 192x192, white glyph on the accent colour. outline.png: 32x32, white glyph on transparent.
 * The glyph is a page with two lines of text and a check mark: the minutes and their follow-ups.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { encodePng } from './png';

/** The manifest's accentColor, as RGB. */
export const ACCENT: [number, number, number] = [0x1f, 0x5f, 0x8b];

type Point = [number, number];

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [px, py] = [p[0] - a[0], p[1] - a[1]];
  const [bx, by] = [b[0] - a[0], b[1] - a[1]];
  const h = Math.max(0, Math.min(1, (px * bx + py * by) / (bx * bx + by * by)));
  return Math.hypot(px - bx * h, py - by * h);
}

function roundedBoxDistance(p: Point, min: Point, max: Point, r: number): number {
  const c: Point = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2];
  const qx = Math.abs(p[0] - c[0]) - ((max[0] - min[0]) / 2 - r);
  const qy = Math.abs(p[1] - c[1]) - ((max[1] - min[1]) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance (in glyph units, 0..1 square) from p to the glyph's centre lines. */
function glyphDistance(p: Point): number {
  const page = Math.abs(roundedBoxDistance(p, [0.22, 0.1], [0.78, 0.9], 0.08));
  const lines = Math.min(segmentDistance(p, [0.36, 0.3], [0.64, 0.3]), segmentDistance(p, [0.36, 0.45], [0.64, 0.45]));
  const check = Math.min(segmentDistance(p, [0.36, 0.64], [0.46, 0.74]), segmentDistance(p, [0.46, 0.74], [0.65, 0.55]));
  return Math.min(page, lines, check);
}

/** Coverage 0..1 of the glyph per pixel; the glyph square spans `inset`..`size - inset` pixels. */
export function glyphCoverage(size: number, inset: number, strokePx: number): Float64Array {
  const out = new Float64Array(size * size);
  const span = size - 2 * inset;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p: Point = [(x + 0.5 - inset) / span, (y + 0.5 - inset) / span];
      const dPx = glyphDistance(p) * span - strokePx / 2;
      out[y * size + x] = Math.max(0, Math.min(1, 0.5 - dPx));
    }
  }
  return out;
}

export function drawColorIcon(): Uint8Array {
  const size = 192;
  const cover = glyphCoverage(size, 30, 11);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = Math.round(ACCENT[c] * (1 - cover[i]) + 255 * cover[i]);
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

export function drawOutlineIcon(): Uint8Array {
  const size = 32;
  const cover = glyphCoverage(size, 1, 2.2);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    rgba.set([255, 255, 255, Math.round(cover[i] * 255)], i * 4);
  }
  return rgba;
}

function main(): void {
  const dir = path.resolve(__dirname, '..', 'appPackage');
  writeFileSync(path.join(dir, 'color.png'), encodePng(192, 192, drawColorIcon()));
  writeFileSync(path.join(dir, 'outline.png'), encodePng(32, 32, drawOutlineIcon()));
  process.stdout.write(`Wrote ${path.join(dir, 'color.png')} and outline.png\n`);
}

if (require.main === module) main();
