import { isValidCivil } from '../../core/periods';
import { badQuery } from './failure';

/** Tokens of `$filter` and `$apply` text; `pos` is the 1-based character position, for error messages. */
export type Token =
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'string'; value: string; text: string; pos: number }
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'date'; value: string; text: string; pos: number }
  | { kind: 'datetime'; value: string; text: string; pos: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | '/'; pos: number }
  | { kind: 'end'; text: ''; pos: number };

const DATETIME = /(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:Z|[+-]\d{2}:\d{2})/y;
const DATE = /(\d{4})-(\d{2})-(\d{2})(?![\d:T])/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/y;
const IDENT = /[A-Za-z_$][A-Za-z0-9_]*/y;

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** Splits an OData expression into tokens; throws a 400 naming the position of anything it cannot read. */
export function tokenize(text: string, target: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const pos = i + 1;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i += 1;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === '/') {
      tokens.push({ kind: 'punct', text: ch, pos });
      i += 1;
      continue;
    }
    if (ch === "'") {
      const end = closingQuote(text, i + 1);
      if (end < 0) throw badQuery(target, `The string starting at position ${pos} is not closed; end it with ' (write '' for a quote inside).`);
      const raw = text.slice(i, end + 1);
      tokens.push({ kind: 'string', value: raw.slice(1, -1).replaceAll("''", "'"), text: raw, pos });
      i = end + 1;
      continue;
    }
    const literal = dateLiteral(text, i, pos, target) ?? numberLiteral(text, i, pos);
    if (literal) {
      tokens.push(literal);
      i += literal.text.length;
      continue;
    }
    const ident = at(IDENT, text, i);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos });
      i += ident[0].length;
      continue;
    }
    throw badQuery(target, `Unexpected character "${ch}" at position ${pos}.`);
  }
  tokens.push({ kind: 'end', text: '', pos: text.length + 1 });
  return tokens;
}

/** Index of the quote closing a string opened before `from`; `''` is an escaped quote. */
function closingQuote(text: string, from: number): number {
  for (let j = from; j < text.length; j += 1) {
    if (text.charAt(j) !== "'") continue;
    if (text.charAt(j + 1) === "'") j += 1;
    else return j;
  }
  return -1;
}

function dateLiteral(text: string, i: number, pos: number, target: string): Token | null {
  const dt = at(DATETIME, text, i);
  if (dt) {
    const ms = Date.parse(dt[0]);
    if (Number.isNaN(ms) || !isValidCivil(Number(dt[1]), Number(dt[2]), Number(dt[3]))) throw badQuery(target, `${dt[0]} at position ${pos} is not a valid timestamp.`);
    return { kind: 'datetime', value: new Date(ms).toISOString(), text: dt[0], pos };
  }
  const d = at(DATE, text, i);
  if (d) {
    if (!isValidCivil(Number(d[1]), Number(d[2]), Number(d[3]))) throw badQuery(target, `${d[0]} at position ${pos} is not a valid date.`);
    return { kind: 'date', value: d[0], text: d[0], pos };
  }
  return null;
}

function numberLiteral(text: string, i: number, pos: number): Token | null {
  const n = at(NUMBER, text, i);
  return n ? { kind: 'number', value: Number(n[0]), text: n[0], pos } : null;
}
