import { allowedDifference, compareValues } from './index';
import { subtractDecimals } from './tolerance';

const money = (exact: string) => ({ value: Number(exact), exact });

describe('compareValues', () => {
  it('agrees exactly at the absolute limit and breaks one cent beyond it', () => {
    expect(compareValues(money('100.10'), money('100.00'), { absolute: 0.1 })).toEqual({ difference: 0.1, allowed: 0.1, agrees: true });
    expect(compareValues(money('100.11'), money('100.00'), { absolute: 0.1 })).toMatchObject({ difference: 0.11, agrees: false });
  });

  it('subtracts money exactly, where doubles would not', () => {
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(compareValues(money('0.30'), money('0.10'), { absolute: 0 }).difference).toBe(0.2);
    expect(subtractDecimals('92233720368547758.07', '-0.01')).toBe('92233720368547758.08');
  });

  it('takes percent of |left|, inclusive at the limit, for negative values too', () => {
    expect(allowedDifference(-2000, { percent: 1 })).toBe(20);
    expect(compareValues(money('-2000.00'), money('-1980.00'), { percent: 1 })).toMatchObject({ difference: -20, allowed: 20, agrees: true });
    expect(compareValues(money('-2000.00'), money('-1979.99'), { percent: 1 })).toMatchObject({ agrees: false });
  });

  it('uses the larger of absolute and percent', () => {
    expect(allowedDifference(100, { absolute: 5, percent: 1 })).toBe(5);
    expect(allowedDifference(10_000, { absolute: 5, percent: 1 })).toBe(100);
  });

  it('gives percent of zero no room: only equal values agree', () => {
    expect(compareValues(money('0.00'), money('0.00'), { percent: 5 })).toMatchObject({ allowed: 0, agrees: true });
    expect(compareValues(money('0.00'), money('0.01'), { percent: 5 })).toMatchObject({ allowed: 0, agrees: false, difference: -0.01 });
  });

  it('breaks when one side has no value, and agrees when neither has', () => {
    expect(compareValues(null, money('1.00'), { absolute: 10 })).toEqual({ difference: null, allowed: 10, agrees: false });
    expect(compareValues(money('1.00'), null, { percent: 10 })).toMatchObject({ difference: null, agrees: false });
    expect(compareValues(null, null, { absolute: 0 })).toMatchObject({ difference: null, agrees: true });
  });

  it('compares ratios (no exact text) in doubles', () => {
    expect(compareValues({ value: 0.2505 }, { value: 0.25 }, { absolute: 0.001 }).agrees).toBe(true);
    expect(compareValues({ value: 0.2515 }, { value: 0.25 }, { absolute: 0.001 }).agrees).toBe(false);
  });
});
