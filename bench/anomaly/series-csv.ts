/** A benchmark series: times in epoch ms, values (NaN where a cell is not a number), optional 0/1 labels. */
export interface Series {
  timestamps: number[];
  values: Float64Array;
  labels?: Uint8Array;
}

/**
 * `2014-04-10 07:15:00`, `2014-04-10 07:15:00.000000` (NAB windows) or `2018-03-15T00:00:00Z` as
 * epoch ms. The files carry no zone or UTC, so all are read as UTC, whatever the machine's zone.
 */
export function utcTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z?$/.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
}

const unquote = (cell: string): string => cell.trim().replace(/^"(.*)"$/, '$1');

/**
 * Reads `timestamp,value[,label]` CSV (NAB's and the cloud-monitoring layout; quoted cells allowed).
 * The benchmark files are well formed, so a bad timestamp throws with its line number.
 */
export function readSeriesCsv(text: string, parseTime: (s: string) => number): Series {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split(',').map((h) => unquote(h).toLowerCase()) ?? [];
  const hasLabel = header.length > 2 && header[2] === 'label';
  const timestamps: number[] = [];
  const values = new Float64Array(lines.length);
  const labels = hasLabel ? new Uint8Array(lines.length) : undefined;
  lines.forEach((line, i) => {
    const cells = line.split(',').map(unquote);
    const t = parseTime(cells[0] ?? '');
    if (!Number.isFinite(t)) throw new Error(`line ${i + 2}: bad timestamp "${cells[0]}"`);
    timestamps.push(t);
    const v = Number(cells[1]);
    values[i] = cells[1] !== '' && Number.isFinite(v) ? v : NaN;
    if (labels) labels[i] = cells[2] === '1' ? 1 : 0;
  });
  return labels ? { timestamps, values, labels } : { timestamps, values };
}
