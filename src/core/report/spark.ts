import { sparklineSvg } from '../charts';
import { raw, type Html } from './markup';

/** A metric's trend as inline SVG (escaped, role="img", labelled); periods with findings are dotted. */
export const sparkline = (values: ReadonlyArray<number | null>, label: string, flagged: readonly number[]): Html =>
  raw(sparklineSvg(values, { label, width: 104, height: 26, flagged }));
