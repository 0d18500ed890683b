/** S-curves of the transfer date per view, with the key dates as vertical lines (ECharts, only the parts used). */
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Forecast } from './types';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const STYLES = [
  { color: '#1f4e9c', type: 'solid' },
  { color: '#b2182b', type: 'dashed' },
  { color: '#1b7837', type: 'dotted' },
] as const;

export function SCurve({ forecast, keyDates }: { readonly forecast: Forecast; readonly keyDates: readonly { readonly date: string; readonly label: string }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current === null) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const runs = forecast.runs.filter((r) => r.scenario === null);
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 36, bottom: 36 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${Math.round(v * 100)}%` },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: runs.map((r, i) => ({
        name: r.view === 'combined' ? 'Combined (lower rating)' : `${r.view ?? 'model'} view`,
        type: 'line',
        showSymbol: false,
        lineStyle: { color: STYLES[i % 3]!.color, type: STYLES[i % 3]!.type, width: 2 },
        itemStyle: { color: STYLES[i % 3]!.color },
        data: r.run.final.sCurve.filter((p) => p.probability >= 0.01 && p.probability <= 0.99).map((p) => [p.date, p.probability]),
        ...(i === 0 ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#555', type: 'dotted' }, label: { formatter: '{b}', fontSize: 10 }, data: keyDates.map((k, n) => ({ name: String(n + 1), xAxis: k.date })) } } : {}),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [forecast, keyDates]);
  return <div ref={ref} className="chart" role="img" aria-label="Probability of the transfer by date, per view, with the key dates marked" />;
}
