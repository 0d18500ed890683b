// The dashboard's colours meet WCAG AA for normal text (4.5:1): every stylesheet rule that sets both a
// text colour and a background, and every heat-map cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAP_FILL, GAP_INK } from '../web/src/palette.js';
import { ROOT } from './helpers/cli.js';

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('dashboard colours', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  it('keeps 4.5:1 in every rule that sets both colour and background', () => {
    const css = readFileSync(join(ROOT, 'web', 'src', 'styles.css'), 'utf8');
    const pairs = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].flatMap(([, selector, body]) => {
      const color = /(?:^|;)\s*color:\s*(#[0-9a-f]{3,6})/i.exec(body ?? '')?.[1];
      const background = /background:\s*(#[0-9a-f]{3,6})/i.exec(body ?? '')?.[1];
      return color !== undefined && background !== undefined ? [{ selector: selector!.trim(), color, background }] : [];
    });
    expect(pairs.length).toBeGreaterThan(5);
    for (const p of pairs) expect(contrast(p.color, p.background), p.selector).toBeGreaterThanOrEqual(4.5);
  });
  it('keeps 4.5:1 in every heat-map cell', () => {
    GAP_FILL.forEach((fill, i) => expect(contrast(GAP_INK[i]!, fill), fill).toBeGreaterThanOrEqual(4.5));
  });
});
