import type { CellValue } from '../../core/a1';

/** What a cell shows: its text as Excel formats it, where it sits, and a colour from `[Red]`-style codes. */
export interface CellText {
  text: string;
  align: 'left' | 'right' | 'center';
  color?: string;
}

const COLOURS: Readonly<Record<string, string>> = { red: '#E03C31', blue: '#2F6FDE', green: '#2E9E44', magenta: '#C239B3', cyan: '#1AA3B8', yellow: '#C9A100' };
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * A cell's display text under its Excel number format: sections (positive;negative;zero;text),
 * literals ("…", \x, _x, *x), colours, thousands, decimals, percent, scaling commas and dates.
 * The grid's needs, not a spreadsheet engine: conditions and scientific codes show as General.
 */
export function formatCell(value: CellValue, format = 'General'): CellText {
  if (value === null) return { text: '', align: 'left' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', align: 'center' };
  if (typeof value === 'object') return { text: value.error, align: 'center' };
  if (typeof value === 'string') return { text: value, align: 'left' };
  const sections = splitSections(format);
  if (format === 'General' || sections.some((s) => /\[[<>=]|E[+-]/i.test(s))) return { text: general(value), align: 'right' };
  const pick = value < 0 && sections.length > 1 ? 1 : value === 0 && sections.length > 2 ? 2 : 0;
  const section = sections[pick] ?? '';
  // A negative value shown by the first section keeps its minus; the second section draws its own sign.
  const shown = pick > 0 ? Math.abs(value) : value;
  const colour = /\[([a-z]+)\]/i.exec(section)?.[1]?.toLowerCase();
  const body = section.replace(/\[[^\]]*\]/g, '');
  const text = isDateSection(body) ? formatDate(shown, body) : formatNumber(shown, body);
  return { text, align: 'right', ...(colour && COLOURS[colour] ? { color: COLOURS[colour] } : {}) };
}

/** Excel's General: integers as they are, others to 11 significant digits, huge or tiny in E notation. */
function general(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1e11 || (abs !== 0 && abs < 1e-9)) return v.toExponential(5).replace(/\.?0+e/, 'e').toUpperCase();
  return String(Number(v.toPrecision(10)));
}

/** Sections split on `;` outside quotes and escapes. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      current += format.slice(i, i + 2);
      i += 1;
    } else if (ch === ';') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The section's pieces: literal text, and format code characters. */
function tokens(section: string): Array<{ literal: boolean; text: string }> {
  const out: Array<{ literal: boolean; text: string }> = [];
  for (let i = 0; i < section.length; i += 1) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ literal: true, text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      out.push({ literal: true, text: section[i + 1] ?? '' });
      i += 1;
    } else if (ch === '_') {
      out.push({ literal: true, text: ' ' }); // padding the width of the next character
      i += 1;
    } else if (ch === '*') {
      i += 1; // fill: repeats a character to the column width, nothing in a grid cell
    } else out.push({ literal: false, text: ch });
  }
  return out;
}

const codeText = (section: string): string =>
  tokens(section)
    .filter((t) => !t.literal)
    .map((t) => t.text)
    .join('');

function isDateSection(section: string): boolean {
  return /[ymdhs]/i.test(codeText(section).replace(/AM\/PM|A\/P/gi, 'h'));
}

function formatNumber(value: number, section: string): string {
  const parts = tokens(section);
  const first = parts.findIndex((t) => !t.literal && /[0#?]/.test(t.text));
  // A text-only format (`@`) on a number shows the number as General.
  if (first < 0) return codeText(section).includes('@') ? general(value) : parts.map((t) => t.text).join('');
  let last = first;
  while (last + 1 < parts.length && !parts[last + 1]!.literal && /[0#?,.]/.test(parts[last + 1]!.text)) last += 1;
  const code = parts.slice(first, last + 1).map((t) => t.text).join('');
  const percents = codeText(section).split('%').length - 1;
  const trailingCommas = /,+$/.exec(code)?.[0].length ?? 0;
  const digits = code.slice(0, code.length - trailingCommas);
  const [intCode = '', fracCode = ''] = digits.split('.');
  const scaled = (value * 100 ** percents) / 1000 ** trailingCommas;
  const number = placeDigits(scaled, intCode, fracCode);
  const render = (ts: typeof parts): string => ts.map((t) => t.text).join('');
  return render(parts.slice(0, first)) + number + render(parts.slice(last + 1));
}

function placeDigits(value: number, intCode: string, fracCode: string): string {
  const maxDecimals = (fracCode.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracCode.match(/0/g) ?? []).length;
  let [whole = '0', frac = ''] = Math.abs(value).toFixed(maxDecimals).split('.');
  frac = frac.replace(/0+$/, '').padEnd(minDecimals, '0');
  const minInt = (intCode.match(/0/g) ?? []).length;
  whole = whole === '0' && minInt === 0 ? '' : whole.padStart(minInt, '0');
  if (intCode.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(`${whole || 0}.${frac || 0}`) !== 0 ? '-' : '';
  return `${sign}${whole}${frac || fracCode.includes('.') || maxDecimals ? `.${frac}` : ''}`.replace(/\.$/, '');
}

function formatDate(serial: number, section: string): string {
  const d = new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS));
  const parts = tokens(section);
  const ampm = parts.some((t) => !t.literal && /[AP]/i.test(t.text));
  const hours = d.getUTCHours();
  const h = ampm ? hours % 12 || 12 : hours;
  const out: string[] = [];
  let previous = '';
  for (let i = 0; i < parts.length; i += 1) {
    const t = parts[i]!;
    if (t.literal) {
      out.push(t.text);
      continue;
    }
    let run = t.text;
    while (i + 1 < parts.length && !parts[i + 1]!.literal && parts[i + 1]!.text.toLowerCase() === t.text.toLowerCase()) run += parts[++i]!.text;
    const ch = run[0]!.toLowerCase();
    const next = parts.slice(i + 1).find((p) => !p.literal && /[a-z]/i.test(p.text))?.text.toLowerCase();
    if (ch === 'y') out.push(run.length <= 2 ? String(d.getUTCFullYear() % 100).padStart(2, '0') : String(d.getUTCFullYear()));
    else if (ch === 'm' && (previous === 'h' || next === 's')) out.push(String(d.getUTCMinutes()).padStart(run.length > 1 ? 2 : 1, '0'));
    else if (ch === 'm') out.push(monthText(d.getUTCMonth(), run.length));
    else if (ch === 'd') out.push(run.length >= 4 ? DAYS[d.getUTCDay()]! : run.length === 3 ? DAYS[d.getUTCDay()]!.slice(0, 3) : String(d.getUTCDate()).padStart(run.length, '0'));
    else if (ch === 'h') out.push(String(h).padStart(run.length > 1 ? 2 : 1, '0'));
    else if (ch === 's') out.push(String(d.getUTCSeconds()).padStart(run.length > 1 ? 2 : 1, '0'));
    else if (ch === 'a' && /^a/i.test(run)) {
      out.push(hours < 12 ? 'AM' : 'PM');
      i += section.match(/AM\/PM/i) ? 4 : 2; // the rest of "AM/PM" or "A/P"
    } else out.push(run);
    if (/[a-z]/i.test(ch)) previous = ch;
  }
  return out.join('');
}

function monthText(month: number, length: number): string {
  if (length >= 4) return MONTHS[month]!;
  if (length === 3) return MONTHS[month]!.slice(0, 3);
  return String(month + 1).padStart(length, '0');
}
