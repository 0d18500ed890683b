/** The distribution of the transfer date: iterations per calendar bin (ECharts bar chart). */
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { TimeSummary } from '../types';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export function Histogram({ summary, title }: { readonly summary: TimeSummary; readonly title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current === null) return undefined;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const total = summary.iterations;
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${(v * 100).toFixed(1)}% of iterations` },
      xAxis: { type: 'category', data: summary.histogram.bins.map((b) => b.startDate), axisLabel: { rotate: 45, fontSize: 10 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [{ type: 'bar', name: 'share of iterations', data: summary.histogram.bins.map((b) => b.count / total), itemStyle: { color: '#1f4e9c' }, barCategoryGap: '10%' }],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [summary]);
  const beyond = summary.histogram.beyondCount;
  return (
    <figure className="figure">
      <div ref={ref} className="chart" role="img" aria-label={`${title}: share of iterations by ${summary.histogram.binWidthDays}-day bin`} />
      <figcaption className="muted">
        {title}: share of {summary.iterations.toLocaleString('en')} iterations per bin of {summary.histogram.binWidthDays} days{beyond > 0 ? `; ${beyond.toLocaleString('en')} beyond the last bin` : ''}.
      </figcaption>
    </figure>
  );
}
