import { AppError } from '../errors';

export type Token =
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'op'; text: string; pos: number }
  | { kind: 'end'; text: ''; pos: number };

const OPERATORS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '=', '<', '>', '(', ')', ','];
const NUMBER = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(%?)/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.]*/;

/** Splits formula text into tokens; `15%` becomes the number 0.15. Throws AppError with the position. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const rest = text.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      const [whole, , percent] = num;
      const value = Number(percent ? whole.slice(0, -1) : whole);
      tokens.push({ kind: 'number', value: percent ? value / 100 : value, text: whole, pos: i + 1 });
      i += whole.length;
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: i + 1 });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) throw new AppError('formula.unexpectedChar', { char: ch, pos: i + 1 });
    tokens.push({ kind: 'op', text: op, pos: i + 1 });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', pos: text.length + 1 });
  return tokens;
}
