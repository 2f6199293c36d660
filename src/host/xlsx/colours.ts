import type ExcelJS from 'exceljs';

/** Excel's default indexed palette (styles.xml `indexedColors` overrides are rare and not read). */
const INDEXED = (
  '000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF ' +
  '800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF ' +
  '000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 ' +
  '3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333 ' +
  '000000 FFFFFF'
).split(' ');

type Colour = Partial<ExcelJS.Color> & { indexed?: number; tint?: number };

/** A cell's fill as `#RRGGBB` (what Office.js reports as `format.fill.color`), or null for none. */
export function fillColour(fill: ExcelJS.Fill | undefined, theme: readonly string[]): string | null {
  if (!fill) return null;
  if (fill.type === 'gradient') return colourHex(fill.stops[0]?.color, theme);
  if (fill.pattern === 'none') return null;
  return colourHex(fill.fgColor, theme) ?? colourHex(fill.bgColor, theme);
}

/** The solid fill FinPulse paints a marked cell with. */
export const solidFill = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.replace('#', '').toUpperCase()}` } });

function colourHex(colour: Colour | undefined, theme: readonly string[]): string | null {
  if (!colour) return null;
  let rgb: string | undefined;
  if (typeof colour.argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(colour.argb)) rgb = colour.argb.slice(-6);
  else if (typeof colour.theme === 'number') rgb = theme[colour.theme] || undefined;
  else if (typeof colour.indexed === 'number') rgb = INDEXED[colour.indexed];
  if (!rgb) return null;
  return `#${(colour.tint ? applyTint(rgb, colour.tint) : rgb).toUpperCase()}`;
}

/**
 * Excel's tint: the luminance moves toward white (tint > 0) or black (tint < 0) in HLS. Windows'
 * integer HLS (HLSMAX 240, KB 29240) reproduces Excel's swatches (4F81BD lighter 80% = DCE6F1,
 * darker 25% = 366092); a few other hues come out one or two steps off Excel's.
 */
function applyTint(rgb: string, tint: number): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number];
  const [h, l, s] = rgbToHls(r, g, b);
  const lum = Math.trunc(tint < 0 ? l * (1 + tint) : l * (1 - tint) + (HLSMAX - HLSMAX * (1 - tint)));
  return hlsToRgb(h, lum, s)
    .map((x) => x.toString(16).padStart(2, '0'))
    .join('');
}

const HLSMAX = 240;
const RGBMAX = 255;
const div = (a: number, b: number): number => Math.trunc(a / b);

function rgbToHls(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = div((max + min) * HLSMAX + RGBMAX, 2 * RGBMAX);
  if (max === min) return [div(HLSMAX * 2, 3), l, 0];
  const d = max - min;
  const s = l <= HLSMAX / 2 ? div(d * HLSMAX + div(max + min, 2), max + min) : div(d * HLSMAX + div(2 * RGBMAX - max - min, 2), 2 * RGBMAX - max - min);
  const delta = (c: number): number => div((max - c) * div(HLSMAX, 6) + div(d, 2), d);
  let h = r === max ? delta(b) - delta(g) : g === max ? div(HLSMAX, 3) + delta(r) - delta(b) : div(2 * HLSMAX, 3) + delta(g) - delta(r);
  if (h < 0) h += HLSMAX;
  if (h > HLSMAX) h -= HLSMAX;
  return [h, l, s];
}

function hlsToRgb(h: number, l: number, s: number): [number, number, number] {
  if (s === 0) {
    const v = div(l * RGBMAX, HLSMAX);
    return [v, v, v];
  }
  const m2 = l <= HLSMAX / 2 ? div(l * (HLSMAX + s) + div(HLSMAX, 2), HLSMAX) : l + s - div(l * s + div(HLSMAX, 2), HLSMAX);
  const m1 = 2 * l - m2;
  const hue = (x: number): number => {
    const y = x < 0 ? x + HLSMAX : x > HLSMAX ? x - HLSMAX : x;
    if (y < div(HLSMAX, 6)) return m1 + div((m2 - m1) * y + div(HLSMAX, 12), div(HLSMAX, 6));
    if (y < div(HLSMAX, 2)) return m2;
    if (y < div(HLSMAX * 2, 3)) return m1 + div((m2 - m1) * (div(HLSMAX * 2, 3) - y) + div(HLSMAX, 12), div(HLSMAX, 6));
    return m1;
  };
  const channel = (x: number): number => Math.min(255, Math.max(0, div(hue(x) * RGBMAX + div(HLSMAX, 2), HLSMAX)));
  return [channel(h + div(HLSMAX, 3)), channel(h), channel(h - div(HLSMAX, 3))];
}
