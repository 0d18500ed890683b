// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fake-api';
import type { Assessment, CriterionEntry, Plan } from '../types';
import { Conditions } from './Conditions';

const PLAN: Plan = {
  title: 'Plan',
  parties: [{ id: 'ROK', name: 'ROK' }, { id: 'US', name: 'US' }, { id: 'combined', name: 'CFC', isJoint: true }],
  conditions: [{ id: 'C1', title: 'Capability' }],
  criteria: [{ id: 'C1.x', conditionId: 'C1', title: 'Criterion x' }, { id: 'C1.y', conditionId: 'C1', title: 'Criterion y' }],
  stages: [],
  forums: [],
  escalationLevels: [],
};

const assessment = (party: string, asOf: string, rating: 0 | 1 | 2 | 3, extra: Partial<Assessment> = {}): Assessment => ({
  kind: 'assessment', id: `as-${party}-${asOf}`, releasability: 'PUBLIC', recordedAt: `${asOf}T12:00:00Z`, party, criterionId: 'C1.x', asOf, rating, confidence: 0.4,
  rationale: `${party} rationale of ${asOf}`, basis: 'public-record-estimate', statementIds: ['st-1'], sourceIds: ['S2'], recordedBy: 'maintainers', ...extra,
});

const cell = (rating: 0 | 1 | 2 | 3 | null, asOf: string | null, evidenceCount: number) => ({ rating, confidence: rating === null ? null : 0.4, asOf, isEstimate: rating !== null, evidenceCount, assessmentId: null });

const ENTRIES: readonly CriterionEntry[] = [
  {
    criterion: { id: 'C1.x', conditionId: 'C1', title: 'Criterion x', description: 'What x is.', measure: 'No metric.', sourceIds: ['S2'] },
    status: { byParty: { ROK: cell(3, '2025-05-01', 2), US: cell(1, '2025-06-01', 1) }, gap: 2 / 3 },
    isBlocking: true,
    history: [assessment('ROK', '2024-03-01', 2), assessment('US', '2024-04-01', 2), assessment('ROK', '2025-05-01', 3), assessment('US', '2025-06-01', 1)],
  },
  { criterion: { id: 'C1.y', conditionId: 'C1', title: 'Criterion y', description: 'What y is.', measure: 'No metric.', sourceIds: [] }, status: { byParty: { ROK: cell(null, null, 0), US: cell(null, null, 0) }, gap: null }, isBlocking: false, history: [] },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function serve() {
  return fakeApi((r) => {
    if (r.url.startsWith('/api/criteria?')) return { status: 200, body: ENTRIES };
    if (r.url.startsWith('/api/sources')) return { status: 200, body: [{ source: { id: 'S2', outlet: 'Yonhap', published: '2025-06-01', url: 'https://example.org/s2', title: null, sourceKind: 'news', reliability: 'B', releasability: 'PUBLIC', recordedAt: '2025-06-01T00:00:00Z' }, statementCount: 1, citationCount: 1 }] };
    if (r.url.startsWith('/api/statements')) return { status: 200, body: { total: 1, items: [{ statement: { id: 'st-1', text: 'most of the requirements', speaker: 'Official', side: 'ROK' }, citation: { sourceId: 'S2', outlet: 'Yonhap', published: '2025-06-01', url: 'https://example.org/s2' } }] } };
    return undefined;
  });
}

describe('conditions view', () => {
  it('lists each criterion with both ratings, the gap, confidence, last assessed and evidence', async () => {
    const log = serve();
    render(<Conditions asOf="2025-12-31" plan={PLAN} selected={null} onSelect={() => undefined} />);
    const row = (await screen.findByRole('button', { name: 'History of C1.x' })).closest('tr')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['met (3) †', 'partly (1) †', '0.67', '40%', '40%', '2025-06-01', '3']);
    expect(within(row).getByText('blocks consensus')).toBeTruthy();
    expect(log[0]?.url).toBe('/api/criteria?asOf=2025-12-31&history=true');
  });

  it('draws the gap per year in the heat map, and a cell opens the history with its citations', async () => {
    serve();
    const selected: (string | null)[] = [];
    const { rerender } = render(<Conditions asOf="2025-12-31" plan={PLAN} selected={null} onSelect={(id) => selected.push(id)} />);
    const heat = await screen.findByRole('table', { name: 'Divergence between the parties, criterion by year' });
    expect(within(heat).getByRole('button', { name: /^C1\.x 2024: gap 0\.00/ })).toBeTruthy();
    const cell2025 = within(heat).getByRole('button', { name: /^C1\.x 2025: gap 0\.67 \(ROK 3, US 1\)/ });
    expect(within(heat).getByRole('button', { name: /^C1\.y 2025: not comparable/ })).toBeTruthy();
    await userEvent.setup().click(cell2025);
    expect(selected).toEqual(['C1.x']);
    rerender(<Conditions asOf="2025-12-31" plan={PLAN} selected="C1.x" onSelect={() => undefined} />);
    const history = await screen.findByRole('table', { name: 'Assessments of C1.x, oldest first' });
    expect(within(history).getAllByRole('row')).toHaveLength(5);
    expect(within(history).getByText('US rationale of 2025-06-01')).toBeTruthy();
    expect(await within(history).findAllByRole('link', { name: 'Yonhap, 2025-06-01' })).not.toHaveLength(0);
    expect(await within(history).findAllByText(/most of the requirements/)).not.toHaveLength(0);
  });
});
