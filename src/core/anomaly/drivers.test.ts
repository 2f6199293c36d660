import { rankDrivers } from './drivers';

describe('drivers', () => {
  it('ranks members of an amount by their share of the deviation; shares sum to 1', () => {
    const drivers = rankDrivers('department', [
      { member: 'East-1', actual: 110, expected: 100, weight: 1 },
      { member: 'East-2', actual: 190, expected: 120, weight: 1 },
      { member: 'North-1', actual: 95, expected: 100, weight: 1 },
    ], 75);
    expect(drivers.map((d) => [d.member, d.deviation, d.share])).toEqual([
      ['East-2', 70, 70 / 75],
      ['East-1', 10, 10 / 75],
      ['North-1', -5, -5 / 75],
    ]);
    expect(drivers.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 12);
  });

  it('weighs the members of a ratio by their denominator: the rate effect at the actual mix', () => {
    // Margins: A 30% → 20% on revenue 100, B 40% → 41% on revenue 300. The group margin moves by
    // (100·(−10) + 300·(+1)) / 400 = −1.75 points; A brings −1000 of the −700 weighted points.
    const drivers = rankDrivers('product', [
      { member: 'A', actual: 0.2, expected: 0.3, weight: 100 },
      { member: 'B', actual: 0.41, expected: 0.4, weight: 300 },
    ], -0.0175);
    expect(drivers[0]!.member).toBe('A');
    expect(drivers[0]!.share).toBeCloseTo(10 / 7, 12);
    expect(drivers[1]!.share).toBeCloseTo(-3 / 7, 12);
  });

  it('names no driver when members cancel out or together moved against the total', () => {
    const even = [
      { member: 'A', actual: 110, expected: 100, weight: 1 },
      { member: 'B', actual: 91, expected: 100, weight: 1 },
    ];
    expect(rankDrivers('d', even, 1)).toEqual([]);
    expect(rankDrivers('d', [{ member: 'A', actual: 110, expected: 100, weight: 1 }], -20)).toEqual([]);
    expect(rankDrivers('d', [{ member: 'A', actual: 110, expected: NaN, weight: 1 }], 10)).toEqual([]);
  });
});
