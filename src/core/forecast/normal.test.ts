import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastNormalQuantile, normalCdf, normalQuantile, Z90 } from './normal.js';

describe('standard normal', () => {
  it('gives the tabulated quantiles', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.95)).toBeCloseTo(Z90, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1 - 2 ** -33)).toBeCloseTo(6.3, 0);
  });

  it('gives the tabulated CDF values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    // Absolute accuracy: in the far tail the relative error is about 1e-9.
    expect(Math.abs(normalCdf(-6.361340902404056) - 1e-10)).toBeLessThan(1e-15);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });

  it('inverts: Φ(Φ⁻¹(p)) = p across (0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13 + 1e-12 * Math.min(p, 1 - p));
      }),
    );
  });

  it('is monotone', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, b) => {
        if (a < b) expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
      }),
    );
  });

  it('has a fast sampling quantile within 1e-6 of the exact one, exact in the tails', () => {
    let worst = 0;
    for (let k = 1; k < 200_000; k++) worst = Math.max(worst, Math.abs(fastNormalQuantile(k / 200_000) - normalQuantile(k / 200_000)));
    expect(worst).toBeLessThan(1e-6);
    expect(fastNormalQuantile(1e-4)).toBe(normalQuantile(1e-4));
    expect(fastNormalQuantile(0.999)).toBe(normalQuantile(0.999));
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, b) => {
        if (a < b) expect(fastNormalQuantile(a)).toBeLessThanOrEqual(fastNormalQuantile(b));
      }),
    );
  });
});
