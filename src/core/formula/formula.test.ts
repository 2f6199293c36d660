import { checkFormula, evaluate, findCycles, parseFormula, printExpr, topoOrder, type EvalContext } from './index';
import { ErrorValue, isError, type Value } from './value';
import type { Span } from '../periods';

const known = (ids: string[]) => (id: string) => ids.includes(id);

/** A context over monthly series indexed from 0; a value per period, summed over spans. */
function seriesContext(series: Record<string, Array<number | undefined>>): EvalContext {
  return {
    ref(id: string, span: Span): Value {
      const s = series[id];
      if (!s) return new ErrorValue('REF', id);
      let total = 0;
      for (let i = span.start; i <= span.end; i += 1) {
        const v = s[i];
        if (v === undefined) return new ErrorValue('MISSING', id);
        total += v;
      }
      return total;
    },
    prior: (s, n) => ({ start: s.start - n, end: s.end - n }),
    yearAgo: (s) => ({ start: s.start - 12, end: s.end - 12 }),
    toDate: (s, unit) => ({ start: s.end - (s.end % (unit === 'year' ? 12 : 3)), end: s.end }),
    rolling: (s, n) => ({ start: s.end - n + 1, end: s.end }),
    days: (s) => 30 * (s.end - s.start + 1),
  };
}

const calc = (text: string, series: Record<string, Array<number | undefined>> = {}, period = 0): Value =>
  evaluate(parseFormula(text), { start: period, end: period }, seriesContext(series));

describe('parser', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['-2 ^ 2', '-(2 ^ 2)'],
    ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
    ['a - b - c', '((a - b) - c)'],
    ['15%', '0.15'],
    ['revenue * 13%', '(revenue * 0.13)'],
    ['divide(gross_profit, revenue)', 'DIVIDE(gross_profit, revenue)'],
    ['IF(a >= 1.5e3, 1, 0)', 'IF((a >= 1500), 1, 0)'],
    ['--a', '--a'],
    ['MAX()', 'MAX()'],
  ])('%s parses as %s', (text, printed) => {
    expect(printExpr(parseFormula(text))).toBe(printed);
  });

  it.each([
    ['1 +', 'formula.unexpectedEnd'],
    ['(1 + 2', 'formula.unexpectedEnd'],
    ['1 + * 2', 'formula.unexpectedToken'],
    ['a b', 'formula.unexpectedToken'],
    ['revenue # 2', 'formula.unexpectedChar'],
    ['f(1,,2)', 'formula.unexpectedToken'],
  ])('%s is rejected with %s and a position', (text, code) => {
    const { problems, expr } = checkFormula(text, () => true);
    expect(expr).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe(code);
    expect(problems[0]!.message['en-US']).toMatch(/position \d+|ends too early/);
    expect(problems[0]!.message['zh-CN']).toMatch(/\S/);
  });

  it('reports the exact position of an unexpected character', () => {
    const { problems } = checkFormula('revenue # 2', () => true);
    expect(problems[0]!.params).toMatchObject({ char: '#', pos: 9 });
  });
});

describe('checker', () => {
  it('lists every unknown reference, function and arity problem at once', () => {
    const { problems } = checkFormula('foo + bar / revenue + NOPE(1) + ROUND(1, 2, 3) + PREV(revenue, x)', known(['revenue']));
    expect(problems.map((p) => [p.code, p.params['id'] ?? p.params['name']])).toEqual([
      ['formula.unknownRef', 'foo'],
      ['formula.unknownRef', 'bar'],
      ['formula.unknownFunction', 'NOPE'],
      ['formula.arity', 'ROUND'],
      ['formula.constantArg', 'PREV'],
      ['formula.unknownRef', 'x'],
    ]);
    expect(problems[0]!.params['pos']).toBe(1);
    expect(problems[1]!.params['pos']).toBe(7);
  });
});

describe('evaluation', () => {
  it('does arithmetic with precedence', () => {
    expect(calc('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(calc('-2 ^ 2')).toBe(-4);
    expect(calc('50% * 8')).toBe(4);
  });

  it('turns division by zero into a typed error that flows through', () => {
    const v = calc('1 + a / b', { a: [1], b: [0] });
    expect(v).toBeInstanceOf(ErrorValue);
    expect((v as ErrorValue).kind).toBe('DIV0');
  });

  it('DIVIDE treats zero and negative denominators explicitly, with an optional fallback', () => {
    expect(calc('DIVIDE(6, 3)')).toBe(2);
    expect((calc('DIVIDE(6, 0)') as ErrorValue).kind).toBe('DIV0');
    expect((calc('DIVIDE(6, -3)') as ErrorValue).kind).toBe('NEG_DENOMINATOR');
    expect(calc('DIVIDE(6, 0, 0)')).toBe(0);
    expect(calc('6 / -3')).toBe(-2);
  });

  it('IF and IFERROR evaluate lazily', () => {
    expect(calc('IF(1 > 2, 1 / 0, 7)')).toBe(7);
    expect(calc('IFERROR(1 / 0, -1)')).toBe(-1);
    expect((calc('IF(1 / 0, 1, 2)') as ErrorValue).kind).toBe('DIV0');
  });

  it('ABS MIN MAX ROUND', () => {
    expect(calc('ABS(-3) + MIN(4, 2, 9) + MAX(1, 5)')).toBe(10);
    expect(calc('ROUND(1.005, 2)')).toBe(1.01);
    expect(calc('ROUND(-2.5)')).toBe(-3);
    expect(calc('ROUND(1234.5678, 1)')).toBe(1234.6);
  });

  const sales = { s: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 15, 30, 45] };
  it('time functions shift and widen the span', () => {
    expect(calc('PREV(s)', sales, 13)).toBe(15);
    expect(calc('PREV(s, 2)', sales, 13)).toBe(120);
    expect(calc('LASTYEAR(s)', sales, 13)).toBe(20);
    expect(calc('YOY(s)', sales, 13)).toBe(0.5);
    expect(calc('MOM(s)', sales, 13)).toBe(1);
    expect(calc('YTD(s)', sales, 14)).toBe(90);
    expect(calc('QTD(s)', sales, 4)).toBe(90);
    expect(calc('ROLLING(s, 3)', sales, 2)).toBe(60);
    expect(calc('AVG_BALANCE(s)', sales, 1)).toBe(15);
    expect(calc('YTD(s) / PREV(YTD(s), 12)', sales, 13)).toBe(45 / 30);
    expect(calc('YTD(DAYS())', sales, 14)).toBe(90);
  });

  it('a period before the data is MISSING, not zero', () => {
    const v = calc('YOY(s)', sales, 3);
    expect(isError(v) && v.kind).toBe('MISSING');
  });

  it('never produces NaN or Infinity', () => {
    expect((calc('10 ^ 400') as ErrorValue).kind).toBe('NUM');
  });
});

describe('dependency graph', () => {
  const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['e'], e: [], f: ['a'], g: ['g'] };
  const deps = (id: string) => graph[id] ?? [];
  it('reports each cycle once with its path', () => {
    expect(findCycles(Object.keys(graph), deps)).toEqual([['a', 'b', 'c', 'a'], ['g', 'g']]);
  });
  it('orders dependencies first and leaves out what sits on or behind a cycle', () => {
    expect(topoOrder(Object.keys(graph), deps)).toEqual(['e', 'd']);
  });
});
