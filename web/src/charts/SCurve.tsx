/** S-curves: the probability of the transfer by each date, one line per series, with the key dates as vertical lines (ECharts, only the parts used). */
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Forecast } from '../types';
import { viewName } from '../words';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

// Colour and dash together, so the lines stay apart in grey print and for colour-blind readers.
const STYLES = [
  { color: '#1f4e9c', type: 'solid' },
  { color: '#b2182b', type: 'dashed' },
  { color: '#1b7837', type: 'dotted' },
  { color: '#6a3d9a', type: [8, 3, 2, 3] },
  { color: '#8c510a', type: [2, 2] },
  { color: '#01665e', type: [12, 4] },
] as const;

export interface CurveSeries {
  readonly name: string;
  readonly points: readonly { readonly date: string; readonly probability: number }[];
}

/** One series per view of the baseline runs of a forecast. */
export function viewSeries(forecast: Forecast): readonly CurveSeries[] {
  return forecast.runs.filter((r) => r.scenario === null).map((r) => ({ name: viewName(r.view), points: r.run.final.sCurve }));
}

export function SCurve({ series, keyDates, label }: { readonly series: readonly CurveSeries[]; readonly keyDates: readonly { readonly date: string; readonly label: string | null }[]; readonly label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current === null) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 36, bottom: 36 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${Math.round(v * 100)}%` },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: series.map((s, i) => ({
        name: s.name,
        type: 'line',
        showSymbol: false,
        lineStyle: { color: STYLES[i % STYLES.length]!.color, type: STYLES[i % STYLES.length]!.type, width: 2 },
        itemStyle: { color: STYLES[i % STYLES.length]!.color },
        data: s.points.filter((p) => p.probability >= 0.01 && p.probability <= 0.99).map((p) => [p.date, p.probability]),
        ...(i === 0 ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#555', type: 'dotted' }, label: { formatter: '{b}', fontSize: 10 }, data: keyDates.map((k, n) => ({ name: String(n + 1), xAxis: k.date })) } } : {}),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [series, keyDates]);
  return <div ref={ref} className="chart" role="img" aria-label={label ?? 'Probability of the transfer by date, per view, with the key dates marked (numbered as in the key-date table)'} />;
}
