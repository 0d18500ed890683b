// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fake-api';
import type { Forecast as ForecastResult, ForecastRunEntry, Plan } from '../types';
import { Forecast } from './Forecast';

// The charts are ECharts on SVG, which a simulated DOM cannot lay out; they are seen in the browser tests.
vi.mock('../charts/SCurve', () => ({ SCurve: () => null, viewSeries: () => [] }));
vi.mock('../charts/Histogram', () => ({ Histogram: () => null }));

const PLAN: Plan = {
  title: 'Plan',
  parties: [{ id: 'ROK', name: 'ROK' }, { id: 'US', name: 'US' }],
  conditions: [],
  criteria: [{ id: 'C1.x', conditionId: 'C1', title: 'x' }],
  stages: [{ id: 'FOC', title: 'FOC' }],
  forums: [],
  escalationLevels: [],
  forecast: { scenarios: [{ id: 'us-accepts-rok', title: 'The US accepts the ROK assessment' }], stages: { FOC: { failureProbability: 0.15 } }, decision: {} },
};

function entry(view: string, scenario: { id: string; title: string } | null, p50: string): ForecastRunEntry {
  const summary = { iterations: 1000, meanDays: 900, quantiles: [{ percentile: 50, days: 800, date: p50 }, { percentile: 80, days: 1200, date: '2031-01-01' }], probabilities: [{ date: '2028-12-31', label: 'End of 2028', probability: 0.25, standardError: 0.01 }], sCurve: [], histogram: { binWidthDays: 91, bins: [], beyondCount: 0 } };
  return { view, scenario: scenario === null ? null : { ...scenario, description: null }, run: { asOf: '2026-06-25', seed: 7, iterations: 1000, convergence: { rule: 'fixed-iterations', maxStandardError: 0.01, isConverged: true }, final: summary, nodes: [{ id: 'C1.x', title: 'x', quantiles: summary.quantiles, criticality: 0.4 }], decision: { title: 'Decision', criticality: 1 }, sensitivity: [] } };
}

const RESULT: ForecastResult = {
  seed: 7,
  asOf: '2026-06-25',
  runs: [entry('ROK', null, '2029-01-01'), entry('ROK', { id: 'custom-1', title: 'FOC slips 365 days' }, '2030-01-01')],
  deltas: [{ view: 'ROK', scenario: 'custom-1', p50Days: 365, p80Days: 300, probabilities: [{ date: '2028-12-31', label: 'End of 2028', baseline: 0.25, scenario: 0.1, delta: -0.15, standardError: 0.01 }] }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const running = (id: string, done: number) => ({ kind: 'forecast-run', id, status: 'running', startedAt: '', finishedAt: null, progress: { done, planned: 20000, runIndex: 1, runCount: 2, label: 'rok' }, result: null, error: null });

describe('forecast view', () => {
  it('shows a long run\'s progress and cancels it', async () => {
    const log = fakeApi((r) => {
      if (r.method === 'POST' && r.url === '/api/forecast-runs') return { status: 202, body: running('r1', 0) };
      if (r.method === 'GET' && r.url === '/api/forecast-runs/r1') return { status: 200, body: running('r1', 5000) };
      if (r.method === 'DELETE' && r.url === '/api/forecast-runs/r1') return { status: 200, body: { ...running('r1', 5000), status: 'cancelled' } };
      return undefined;
    });
    render(<Forecast asOf="2026-06-25" plan={PLAN} />);
    const bar = await screen.findByRole('progressbar', { name: 'Forecast progress' });
    await waitFor(() => expect(bar.getAttribute('value')).toBe('5000'));
    expect(bar.getAttribute('max')).toBe('40000');
    expect(screen.getByRole('status').textContent).toContain('run 1 of 2: 5,000 of 20,000 iterations');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/^Cancelled/)).toBeTruthy();
    expect(log.some((r) => r.method === 'DELETE')).toBe(true);
  });

  it('sends the chosen and the built scenarios, and lays the runs side by side with their shifts', async () => {
    const posted: unknown[] = [];
    fakeApi((r) => {
      if (r.method === 'POST' && r.url === '/api/forecast-runs') {
        posted.push(r.body);
        return { status: 202, body: running(`r${posted.length}`, 0) };
      }
      if (r.method === 'GET' && r.url.startsWith('/api/forecast-runs/')) return { status: 200, body: { ...running('rX', 20000), id: r.url.split('/').pop(), status: 'done', result: RESULT } };
      return undefined;
    });
    const user = userEvent.setup();
    render(<Forecast asOf="2026-06-25" plan={PLAN} />);
    await user.click(screen.getByRole('checkbox', { name: /The US accepts the ROK assessment/ }));
    await user.selectOptions(screen.getByLabelText(/^Slip/), 'FOC');
    await user.type(screen.getByLabelText('by (days)'), '365');
    await user.click(screen.getByRole('button', { name: 'Add scenario' }));
    expect(within(screen.getByRole('list', { name: 'Your scenarios' })).getByText('FOC slips 365 days')).toBeTruthy();
    // The baseline runs as the view opens; the button waits for it.
    await screen.findByText(/^Done: 2 runs/);
    await user.click(screen.getByRole('button', { name: 'Run forecast' }));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[0]).toEqual({ asOf: '2026-06-25', view: 'all', iterations: 20000, seed: 20260625 });
    expect(posted[1]).toMatchObject({ scenarios: ['us-accepts-rok'], custom: [{ id: 'custom-1', title: 'FOC slips 365 days', overrides: [{ kind: 'delay', target: 'FOC', days: 365 }] }] });
    const table = await screen.findByRole('table', { name: 'Each view and scenario side by side' });
    const rows = within(table).getAllByRole('row').slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['ROK view', 'baseline', '2029-01-01', '2031-01-01', '—', '25% ±2.0'],
      ['ROK view', 'FOC slips 365 days', '2030-01-01', '2031-01-01', '+365 days', '25% ±2.0 (−15.0 pt)'],
    ]);
    expect(screen.getByRole('table', { name: 'Criticality of each criterion' }).textContent).toContain('40%');
  });
});
