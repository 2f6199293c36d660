import { problem, type Problem } from '../errors';

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, CR/LF/CRLF line ends, a BOM, and the delimiter
 * (`,` `;` or tab) taken from the header line. Returns every record with its 1-based line number.
 */
export function parseCsv(text: string): { records: Array<{ line: number; cells: string[] }>; problems: Problem[] } {
  const src = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(src);
  const records: Array<{ line: number; cells: string[] }> = [];
  const problems: Problem[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    cells.push(field);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"' && field === '') {
      const close = readQuoted(src, i + 1);
      if (close === undefined) {
        problems.push(problem(`line ${line}`, 'ingest.csvQuote', { row: line }));
        field = src.slice(i + 1).replace(/""/g, '"');
        i = src.length;
        break;
      }
      field = src.slice(i + 1, close).replace(/""/g, '"');
      line += countNewlines(field);
      i = close + 1;
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return { records, problems };
}

/** Index of the closing quote of a quoted field starting at `from`, skipping doubled quotes. */
function readQuoted(src: string, from: number): number | undefined {
  let i = from;
  for (;;) {
    const q = src.indexOf('"', i);
    if (q < 0) return undefined;
    if (src[q + 1] === '"') {
      i = q + 2;
      continue;
    }
    return q;
  }
}

const countNewlines = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;

function detectDelimiter(src: string): string {
  const header = src.slice(0, Math.max(0, src.search(/\r|\n/)) || src.length);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}
