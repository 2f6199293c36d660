import { ErrorValue, type Value } from '../formula';
import type { Aggregation } from '../catalog';
import { exactToBigInt, exactToNumber, LIMB } from './exact';
import type { BaseSeries } from './aggregate';
import { formatMinor, pow10 } from '../money';

/** A base metric's per-period aggregates with prefix sums, answering any span in O(1) or O(span). */
export class BaseReader {
  private readonly prefixLo: Float64Array;
  private readonly prefixHi: Float64Array;
  private readonly prefixCount: Float64Array;
  private readonly unit: number;

  constructor(
    private readonly series: BaseSeries,
    private readonly aggregation: Aggregation,
    private readonly sign: 1 | -1,
    private readonly scale: number,
    /** Offsets of the source's first and last period with data. */
    private readonly covered: { first: number; last: number },
    private readonly coverageText: string,
  ) {
    const n = series.count.length;
    this.prefixLo = new Float64Array(n + 1);
    this.prefixHi = new Float64Array(n + 1);
    this.prefixCount = new Float64Array(n + 1);
    for (let p = 0; p < n; p += 1) {
      // Prefix sums can outgrow one limb: carry as the aggregation does.
      const lo = this.prefixLo[p]! + series.sumLo[p]!;
      const carry = Math.trunc(lo / LIMB);
      this.prefixLo[p + 1] = lo - carry * LIMB;
      this.prefixHi[p + 1] = this.prefixHi[p]! + series.sumHi[p]! + carry;
      this.prefixCount[p + 1] = this.prefixCount[p]! + series.count[p]!;
    }
    this.unit = pow10(scale);
  }

  /** Value over offsets [s, e] plus, for sums and balances, the exact decimal text. */
  read(s: number, e: number): { value: Value; exact?: string } {
    const { first, last } = this.covered;
    const missing = (): { value: Value } => ({ value: new ErrorValue('MISSING', this.coverageText) });
    switch (this.aggregation) {
      case 'sum':
        return s < first || e > last ? missing() : this.money(s, e + 1);
      case 'closing':
        return e < first || e > last ? missing() : this.money(0, e + 1);
      // A balance before the data starts is unknown, so the first period has no opening balance.
      // This matches AVG_BALANCE(x), which reads the closing balance of the period before.
      case 'opening':
        return s <= first || s > last ? missing() : this.money(0, s);
      case 'averageBalance': {
        if (s <= first || e > last) return missing();
        const opening = this.money(0, s).value;
        const closing = this.money(0, e + 1).value;
        return { value: (opening + closing) / 2 };
      }
      case 'count':
        return s < first || e > last ? missing() : { value: this.prefixCount[e + 1]! - this.prefixCount[s]! };
      case 'avg': {
        if (s < first || e > last) return missing();
        const n = this.prefixCount[e + 1]! - this.prefixCount[s]!;
        return n === 0 ? missing() : { value: (this.money(s, e + 1).value) / n };
      }
      case 'min':
      case 'max':
      case 'last':
        return s < first || e > last ? missing() : this.scan(s, e);
    }
  }

  /** Signed sum of periods [from, to) from the prefix sums, exactly. */
  private money(from: number, to: number): { value: number; exact: string } {
    const hi = this.prefixHi[to]! - this.prefixHi[from]!;
    const lo = this.prefixLo[to]! - this.prefixLo[from]!;
    const minor = exactToBigInt(hi, lo) * BigInt(this.sign);
    // `+ 0` turns the -0 of a flipped empty sum into 0.
    return { value: (exactToNumber(hi, lo) * this.sign) / this.unit + 0, exact: formatMinor(minor, this.scale) };
  }

  private scan(s: number, e: number): { value: Value } {
    const { count, min, max, last } = this.series;
    let best: number | undefined;
    for (let p = this.aggregation === 'last' ? e : s; p >= s && p <= e; p += this.aggregation === 'last' ? -1 : 1) {
      if (count[p] === 0) continue;
      if (this.aggregation === 'last') {
        best = last![p]!;
        break;
      }
      const v = this.aggregation === 'min' ? min![p]! : max![p]!;
      best = best === undefined ? v : this.aggregation === 'min' ? Math.min(best, v) : Math.max(best, v);
    }
    if (best === undefined) return { value: new ErrorValue('MISSING', this.coverageText) };
    // min/max of signed amounts: flipping the sign swaps which extreme is meant, so flip after choosing.
    return { value: (best * this.sign) / this.unit + 0 };
  }
}
