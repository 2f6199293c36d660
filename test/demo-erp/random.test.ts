import { prng } from '../../src/core/testing/prng';
import { createRng } from '../../src/demo-erp/data';
import { splitCents } from '../../src/demo-erp/data/random';

describe('demo ERP: seeded randomness', () => {
  it('draws the same stream as the core mulberry32 it copies', () => {
    for (const seed of [0, 1, 20240101, 2 ** 32 - 1]) {
      const core = prng(seed);
      const local = createRng(seed);
      const a = Array.from({ length: 1000 }, () => core());
      const b = Array.from({ length: 1000 }, () => local.next());
      expect(b).toEqual(a);
    }
  });

  it('splits cents into shares that add up exactly, of either sign', () => {
    const rng = createRng(5);
    for (const [total, parts] of [[1_000_000, 7], [-123_457, 3], [10, 10], [99, 1]] as const) {
      const shares = splitCents(rng, total, parts);
      expect(shares).toHaveLength(parts);
      expect(shares.reduce((s, c) => s + c, 0)).toBe(total);
      expect(shares.every((c) => Number.isInteger(c) && Math.sign(c) === Math.sign(total))).toBe(true);
    }
  });
});
