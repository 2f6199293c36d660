import { escapeHtml } from '../encoding';
import { seriesChart } from './geometry';


export interface SparklineOptions {
  /** The text alternative, e.g. "Revenue, last 12 months: 1.2M … 1.5M". */
  label: string;
  width?: number;
  height?: number;
  /** Indices of flagged values, drawn as dots. */
  flagged?: readonly number[];
}

const FLAG_COLOUR = '#c50f1f';
const DOT_RADIUS = 2;

/**
 * A self-contained sparkline: no script, no external style, the line in `currentColor` so it takes
 * the surrounding text colour (light or dark report), gaps where values are missing.
 */
export function sparklineSvg(values: ReadonlyArray<number | null>, opts: SparklineOptions): string {
  const width = opts.width ?? 96;
  const height = opts.height ?? 24;
  const inset = DOT_RADIUS + 1;
  const chart = seriesChart({ values, flagged: opts.flagged, width, height, padding: { top: inset, right: inset, bottom: inset, left: inset } });
  const label = escapeHtml(opts.label);
  const dots = chart.flagged.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="${DOT_RADIUS}" fill="${FLAG_COLOUR}"/>`).join('');
  const line = chart.line === '' ? '' : `<path d="${chart.line}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">` +
    `<title>${label}</title>${line}${dots}</svg>`
  );
}
