/** The tornado: for each input, the mean transfer date when it falls in its lowest and its highest decile, around the overall mean (plain SVG). */
import { addDays } from '../dates';
import type { SensitivityEntry } from '../types';

const ROW_PX = 26;
const LABEL_PX = 300;
const WIDTH_PX = 760;

export function Tornado({ entries, meanDays, asOf, limit = 10 }: { readonly entries: readonly SensitivityEntry[]; readonly meanDays: number; readonly asOf: string; readonly limit?: number }) {
  const rows = entries.filter((e) => e.lowDecileMeanDays !== null && e.highDecileMeanDays !== null).slice(0, limit);
  if (rows.length === 0) return <p>No input moves the date in this run.</p>;
  const values = rows.flatMap((r) => [r.lowDecileMeanDays!, r.highDecileMeanDays!, meanDays]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (days: number) => LABEL_PX + ((days - min) / span) * (WIDTH_PX - LABEL_PX - 16);
  const height = rows.length * ROW_PX + 40;
  return (
    <figure className="figure">
      <svg viewBox={`0 0 ${WIDTH_PX} ${height}`} width={WIDTH_PX} style={{ maxWidth: '100%', height: 'auto' }} role="img" aria-label="Tornado: how far each input moves the mean transfer date between its lowest and highest decile">
        <line x1={x(meanDays)} x2={x(meanDays)} y1={8} y2={height - 24} stroke="#333" strokeDasharray="3 3" />
        <text x={x(meanDays)} y={height - 8} fontSize="11" textAnchor="middle">mean {addDays(asOf, meanDays)}</text>
        {rows.map((r, i) => {
          const low = r.lowDecileMeanDays!;
          const high = r.highDecileMeanDays!;
          const y = 12 + i * ROW_PX;
          return (
            <g key={r.key}>
              <title>{`${r.label}: lowest decile → ${addDays(asOf, low)}, highest decile → ${addDays(asOf, high)}; rank correlation ${r.rankCorrelation.toFixed(2)}`}</title>
              <text x={LABEL_PX - 8} y={y + 14} fontSize="11" textAnchor="end">{r.label.length > 46 ? `${r.label.slice(0, 45)}…` : r.label}</text>
              <rect x={Math.min(x(low), x(meanDays))} y={y + 2} width={Math.abs(x(meanDays) - x(low))} height={ROW_PX - 8} fill="#1f4e9c" />
              <rect x={Math.min(x(high), x(meanDays))} y={y + 2} width={Math.abs(x(high) - x(meanDays))} height={ROW_PX - 8} fill="#b2182b" />
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">Blue: the input in its lowest decile; red: in its highest. Bars run from the overall mean date to the mean date in that decile; the inputs are ordered by rank correlation with the date.</figcaption>
    </figure>
  );
}
