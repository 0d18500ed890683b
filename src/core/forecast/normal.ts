/**
 * The standard normal distribution in double precision: the CDF by Hart's algorithm as given
 * by West (2005), the quantile by Wichura's AS 241 (PPND16). Both are branchy but allocation-free,
 * so they can run inside column loops.
 */

/** z of the 95th percentile: a 90% interval spans ±Z90 standard deviations. */
export const Z90 = 1.6448536269514722;

/** The standard normal CDF Φ(x), accurate to about 1e-14 absolute. */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) tail = 0;
  else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      let num = 3.52624965998911e-2 * a + 0.700383064443688;
      num = num * a + 6.37396220353165;
      num = num * a + 33.912866078383;
      num = num * a + 112.079291497871;
      num = num * a + 221.213596169931;
      num = num * a + 220.206867912376;
      let den = 8.83883476483184e-2 * a + 1.75566716318264;
      den = den * a + 16.064177579207;
      den = den * a + 86.7807322029461;
      den = den * a + 296.564248779674;
      den = den * a + 637.333633378831;
      den = den * a + 793.826512519948;
      den = den * a + 440.413735824752;
      tail = (e * num) / den;
    } else {
      let c = a + 0.65;
      c = a + 4 / c;
      c = a + 3 / c;
      c = a + 2 / c;
      c = a + 1 / c;
      tail = e / c / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

/** The standard normal quantile Φ⁻¹(p) for p in (0, 1), accurate to about 1e-16 relative. */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** Cells of the tables used between QUANTILE_TABLE_LOW and QUANTILE_TABLE_HIGH. */
export const QUANTILE_TABLE_CELLS = 1 << 14;
export const QUANTILE_TABLE_LOW = 1 / 64;
export const QUANTILE_TABLE_HIGH = 1 - 1 / 64;
const TABLE_CELLS = QUANTILE_TABLE_CELLS;
const TABLE_LOW = QUANTILE_TABLE_LOW;
const TABLE_HIGH = QUANTILE_TABLE_HIGH;
/** Φ⁻¹ at k / TABLE_CELLS, for the central part of the fast quantile (0 at the unused ends). */
export const QUANTILE_TABLE = Float64Array.from({ length: TABLE_CELLS + 1 }, (_, k) => (k === 0 || k === TABLE_CELLS ? 0 : normalQuantile(k / TABLE_CELLS)));

/**
 * Φ⁻¹(p) for sampling: linear interpolation in a 16 384-cell table between p = 1/64 and 63/64
 * (error under 1e-6, far below any Monte Carlo error), the exact rational form in the tails.
 * About four times faster than `normalQuantile`, and just as monotone.
 */
export function fastNormalQuantile(p: number): number {
  if (p < TABLE_LOW || p > TABLE_HIGH) return normalQuantile(p);
  const position = p * TABLE_CELLS;
  const k = position | 0;
  const lo = QUANTILE_TABLE[k]!;
  return lo + (position - k) * (QUANTILE_TABLE[k + 1]! - lo);
}
