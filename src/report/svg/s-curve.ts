/** The S-curve chart: probability that the transfer has happened by each date, one line per view, with the key dates marked. */
import { dayOf, isoFromDayNumber } from '../../core/common/dates.js';
import { num, scale, SERIES_STYLES, svgOpen, text } from './svg.js';

export interface CurveSeries {
  readonly label: string;
  /** The cumulative distribution: (probability 0–1, ISO date) at every whole percent. */
  readonly points: readonly { readonly probability: number; readonly date: string }[];
}

export interface DateMark {
  readonly date: string;
  readonly label: string;
}

const WIDTH = 680;
const HEIGHT = 340;
const MARGIN = { left: 48, right: 16, top: 16, bottom: 64 };

/** An S-curve chart as SVG; the x axis spans the views' 1st to 99th percentiles and the key dates. */
export function sCurveSvg(title: string, series: readonly CurveSeries[], marks: readonly DateMark[]): string {
  const inner = series.flatMap((s) => s.points.filter((p) => p.probability >= 0.01 && p.probability <= 0.99));
  const days = [...inner.map((p) => dayOf(p.date)), ...marks.map((m) => dayOf(m.date))];
  const fromYear = Number(isoFromDayNumber(Math.min(...days)).slice(0, 4));
  const toYear = Number(isoFromDayNumber(Math.max(...days)).slice(0, 4)) + 1;
  const x = scale(dayOf(`${fromYear}-01-01`), dayOf(`${toYear}-01-01`), MARGIN.left, WIDTH - MARGIN.right);
  const y = scale(0, 1, HEIGHT - MARGIN.bottom, MARGIN.top);
  const out: string[] = [svgOpen(WIDTH, HEIGHT, title, `Probability of the transfer by date for ${series.map((s) => s.label).join(', ')}; vertical lines mark ${marks.map((m) => m.label).join('; ')}.`)];
  for (let p = 0; p <= 100; p += 25) {
    out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${num(y(p / 100))}" y2="${num(y(p / 100))}" stroke="#d9d9d9"/>`);
    out.push(text(MARGIN.left - 6, y(p / 100) + 4, `${p}%`, 'text-anchor="end" fill="#333333"'));
  }
  const yearStep = toYear - fromYear > 12 ? 2 : 1;
  for (let year = fromYear; year <= toYear; year += yearStep) {
    const px = x(dayOf(`${year}-01-01`));
    out.push(`<line x1="${num(px)}" x2="${num(px)}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="#eeeeee"/>`);
    out.push(text(px, HEIGHT - MARGIN.bottom + 14, String(year), 'text-anchor="middle" fill="#333333"'));
  }
  marks.forEach((m, i) => {
    const px = x(dayOf(m.date));
    out.push(`<line x1="${num(px)}" x2="${num(px)}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="#7f7f7f" stroke-dasharray="1 3"/>`);
    out.push(text(px + 2, MARGIN.top + 10 + i * 12, `${i + 1}`, 'fill="#333333" font-size="10"'));
  });
  series.forEach((s, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
    const path = s.points
      .filter((p) => p.probability >= 0.01 && p.probability <= 0.99)
      .map((p, k) => `${k === 0 ? 'M' : 'L'}${num(x(dayOf(p.date)))},${num(y(p.probability))}`)
      .join('');
    out.push(`<path d="${path}" fill="none" stroke="${style.stroke}" stroke-width="2"${style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`}/>`);
    const lx = MARGIN.left + i * 150;
    const ly = HEIGHT - 26;
    out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${style.stroke}" stroke-width="2"${style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`}/>`);
    out.push(text(lx + 30, ly, s.label, 'fill="#111111"'));
  });
  out.push(text(MARGIN.left, HEIGHT - 8, marks.map((m, i) => `${i + 1} ${m.date}`).join('   '), 'fill="#333333" font-size="10"'));
  out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="#333333"/>`);
  out.push('</svg>');
  return out.join('');
}

