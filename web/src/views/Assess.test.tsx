// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fake-api';
import type { Assessment, Plan } from '../types';
import { Assess } from './Assess';

const PLAN: Plan = {
  title: 'Plan',
  parties: [{ id: 'ROK', name: 'ROK' }, { id: 'US', name: 'US' }, { id: 'combined', name: 'CFC', isJoint: true }],
  conditions: [{ id: 'C1', title: 'Capability' }],
  criteria: [{ id: 'C1.x', conditionId: 'C1', title: 'Criterion x' }],
  stages: [],
  forums: [],
  escalationLevels: [],
};

const base = { kind: 'assessment', releasability: 'PUBLIC', party: 'ROK', criterionId: 'C1.x', confidence: 0.5, basis: 'public-record-estimate', statementIds: ['st-1'], sourceIds: [] } as const;
const OLD: Assessment = { ...base, id: 'A-old', recordedAt: '2026-01-01T00:00:00Z', asOf: '2026-01-01', rating: 1, rationale: 'Partly, in January.', recordedBy: 'rok-assessor-1' };
const NEWER: Assessment = { ...base, id: 'A-newer', recordedAt: '2026-02-01T00:00:00Z', asOf: '2026-02-01', rating: 2, rationale: 'Largely, after the exercise.', recordedBy: 'rok-assessor-2', supersedes: 'A-old' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function serve(onPost: (body: unknown, headers: Readonly<Record<string, string>>) => { status: number; body: unknown }) {
  return fakeApi((r) => {
    if (r.url.startsWith('/api/assessments?')) return { status: 200, body: { kind: 'assessment-list', items: [{ assessment: OLD, isCurrent: true, supersededBy: null }] } };
    if (r.url.startsWith('/api/statements')) return { status: 200, body: { total: 1, items: [{ statement: { id: 'st-1', text: 'We have met most of the requirements', speaker: 'Official', side: 'ROK', stance: 'accelerate', saidOn: '2026-01-01', isVerbatim: true }, citation: { sourceId: 'S1', outlet: 'Outlet', published: '2026-01-02', url: 'https://example.org/a' } }] } };
    if (r.method === 'POST' && r.url === '/api/assessments') return onPost(r.body, r.headers);
    return undefined;
  });
}

async function fillAndCorrect() {
  const user = userEvent.setup();
  render(<Assess asOf="2026-03-01" plan={PLAN} user={{ username: 'rok-assessor-1', role: 'rok-assessor', party: 'ROK', grants: { permissions: ['read', 'forecast', 'write-assessment'], assessesParty: 'ROK', markings: ['PUBLIC', 'ROK-US', 'ROK-ONLY'] } }} />);
  expect(screen.getByRole('button', { name: 'Record assessment' })).toHaveProperty('disabled', true);
  await user.type(screen.getByLabelText('Rationale'), 'Largely met after the spring exercise.');
  await user.click(await screen.findByRole('checkbox', { name: /We have met most of the requirements/ }));
  await user.click(await screen.findByRole('checkbox', { name: /This corrects the current assessment A-old/ }));
  await user.click(screen.getByRole('button', { name: 'Record assessment' }));
  return user;
}

describe('assessment entry', () => {
  it('offers only the assessor\'s own party and refuses to send without rationale and evidence', async () => {
    serve(() => ({ status: 500, body: {} }));
    render(<Assess asOf="2026-03-01" plan={PLAN} user={{ username: 'us-assessor-1', role: 'us-assessor', party: 'US', grants: { permissions: ['read', 'forecast', 'write-assessment'], assessesParty: 'US', markings: ['PUBLIC', 'ROK-US', 'US-ONLY'] } }} />);
    const party = screen.getByLabelText('Party') as HTMLSelectElement;
    expect([...party.options].map((o) => o.value)).toEqual(['US']);
    const marking = screen.getByLabelText('Releasability') as HTMLSelectElement;
    expect([...marking.options].map((o) => o.value)).toEqual(['PUBLIC', 'ROK-US', 'US-ONLY']);
    expect(screen.getByText('Give the rationale for the rating.')).toBeTruthy();
    expect(screen.getByText('Cite at least one statement as evidence.')).toBeTruthy();
  });

  it('sends a correction with If-Match and says what was recorded', async () => {
    const posted: { body: unknown; headers: Readonly<Record<string, string>> }[] = [];
    serve((body, headers) => {
      posted.push({ body, headers });
      return { status: 201, body: { kind: 'record-written', collection: 'assessments', record: { ...NEWER, id: 'A-mine', recordedBy: 'rok-assessor-1' } } };
    });
    await fillAndCorrect();
    expect(await screen.findByText(/Recorded as A-mine/)).toBeTruthy();
    expect(posted[0]?.headers['if-match']).toBe('"A-old"');
    expect(posted[0]?.body).toMatchObject({ party: 'ROK', criterionId: 'C1.x', rating: 2, confidence: 0.5, statementIds: ['st-1'], supersedes: 'A-old', rationale: 'Largely met after the spring exercise.' });
  });

  it('explains a conflict in plain words, shows the newer record and offers to correct that one', async () => {
    const sent: unknown[] = [];
    serve((body) => {
      sent.push(body);
      return sent.length === 1
        ? { status: 409, body: { error: { code: 'conflict', message: '"A-old" was already corrected by "A-newer"', path: 'supersedes', problems: [], current: NEWER } } }
        : { status: 201, body: { kind: 'record-written', collection: 'assessments', record: { ...NEWER, id: 'A-third' } } };
    });
    const user = await fillAndCorrect();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('someone corrected this assessment first');
    expect(alert.textContent).toContain('A-newer');
    expect(alert.textContent).toContain('rok-assessor-2');
    expect(alert.textContent).toContain('Largely, after the exercise.');
    await user.click(screen.getByRole('button', { name: 'Correct the newer version instead' }));
    await user.click(screen.getByRole('button', { name: 'Record assessment' }));
    await waitFor(() => expect(sent.length).toBe(2));
    expect(sent[1]).toMatchObject({ supersedes: 'A-newer' });
  });
});
