/**
 * The tornado chart: for each forecast input, the mean transfer date when that input falls in its
 * lowest and in its highest decile, as a bar around the overall mean — the inputs that move the
 * date most are on top.
 */
import { addDays } from '../../core/common/dates.js';
import { num, scale, svgOpen, text } from './svg.js';

export interface TornadoBar {
  readonly label: string;
  /** Mean final time (days after the as-of date) with the input in its lowest / highest decile. */
  readonly lowDays: number;
  readonly highDays: number;
  readonly rankCorrelation: number;
}

const WIDTH = 680;
const ROW_PX = 22;
const MARGIN = { left: 270, right: 24, top: 24, bottom: 36 };

/** A tornado chart as SVG, centred on the mean final time. */
export function tornadoSvg(title: string, asOf: string, meanDays: number, bars: readonly TornadoBar[]): string {
  const height = MARGIN.top + bars.length * ROW_PX + MARGIN.bottom;
  const spread = Math.max(30, ...bars.flatMap((b) => [Math.abs(b.lowDays - meanDays), Math.abs(b.highDays - meanDays)]));
  const x = scale(meanDays - spread * 1.1, meanDays + spread * 1.1, MARGIN.left, WIDTH - MARGIN.right);
  const out: string[] = [
    svgOpen(WIDTH, height, title, `Mean transfer date with each input in its lowest and highest decile, around the overall mean ${addDays(asOf, Math.round(meanDays))}.`),
  ];
  const mid = x(meanDays);
  bars.forEach((b, i) => {
    const top = MARGIN.top + i * ROW_PX;
    const from = Math.min(x(b.lowDays), x(b.highDays));
    const to = Math.max(x(b.lowDays), x(b.highDays));
    const label = b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label;
    out.push(text(MARGIN.left - 8, top + 14, label, 'text-anchor="end" fill="#111111" font-size="10"'));
    // Dark fill where the high decile is later (the input delays the transfer), light where it is earlier.
    out.push(`<rect x="${num(from)}" y="${top + 3}" width="${num(Math.max(1, to - from))}" height="${ROW_PX - 8}" fill="${b.highDays >= b.lowDays ? '#1f4e9c' : '#92b4e3'}" stroke="#1f4e9c"/>`);
    out.push(text(to + 4, top + 14, `ρ ${b.rankCorrelation.toFixed(2)}`, 'fill="#333333" font-size="10"'));
  });
  out.push(`<line x1="${num(mid)}" x2="${num(mid)}" y1="${MARGIN.top - 6}" y2="${height - MARGIN.bottom}" stroke="#333333"/>`);
  out.push(text(mid, MARGIN.top - 10, `mean ${addDays(asOf, Math.round(meanDays))}`, 'text-anchor="middle" fill="#333333"'));
  for (const offset of [-spread, spread]) {
    const px = x(meanDays + offset);
    out.push(text(px, height - MARGIN.bottom + 16, addDays(asOf, Math.round(meanDays + offset)), 'text-anchor="middle" fill="#333333"'));
  }
  out.push(text(MARGIN.left, height - 6, 'bar: mean date with the input in its lowest to its highest decile; dark: a higher input delays', 'fill="#333333" font-size="10"'));
  out.push('</svg>');
  return out.join('');
}
