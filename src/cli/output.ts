import type { Locale } from '../core/i18n';
import type { Problem } from '../core/errors';

/** Where the CLI writes: injected so tests capture output without touching process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

const MAX_LISTED = 50;

/** Prints problems, errors first, each with its location, in the chosen language. */
export function printProblems(io: Io, problems: readonly Problem[], locale: Locale, label = ''): void {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const p of sorted.slice(0, MAX_LISTED)) {
    const tag = p.severity === 'error' ? (locale === 'zh-CN' ? '错误' : 'error') : locale === 'zh-CN' ? '警告' : 'warning';
    // Row problems already name their row in the message.
    const where = p.path.startsWith('$') ? ` ${p.path}` : '';
    io.err(`${label}${tag}${where}: ${p.message[locale]}\n`);
  }
  if (sorted.length > MAX_LISTED) {
    const more = sorted.length - MAX_LISTED;
    io.err(locale === 'zh-CN' ? `……另有 ${more} 条未列出\n` : `… and ${more} more\n`);
  }
}

/** Pads columns for a terminal table; CJK characters count as two cells wide. */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, rightAlignFrom = 1): string {
  const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\uFFDC]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - width(c));
        return i >= rightAlignFrom ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** CSV field quoting; a leading `=`, `+`, `-` or `@` is prefixed so spreadsheets never run it as a formula. */
export function csvField(text: string): string {
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
