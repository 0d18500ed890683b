// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type Recorded } from '../test/fake-api';
import type { Plan, ReviewItem } from '../types';
import { Ingest } from './Ingest';

const PLAN: Plan = { title: 'Plan', parties: [], conditions: [], criteria: [{ id: 'C1.x', conditionId: 'C1', title: 'x' }], stages: [], forums: [], escalationLevels: [] };
const TEXT = 'SEOUL -- The minister said the transfer "will be completed soon". A US official said "conditions come first".';
const DOC = { id: 'D0123456789ab', outlet: 'Yonhap', published: '2026-12-01', url: null, file: 'pasted article' };

function item(id: number, quote: string, status: ReviewItem['status'], side = 'unknown'): ReviewItem {
  const start = TEXT.indexOf(quote);
  return { id, status, fields: { text: quote, speaker: null, role: null, side, stance: null }, isEdited: false, proposal: { span: { start, end: start + quote.length }, confidence: 0.8, conditions: [], context: TEXT }, document: DOC };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ingestion review', () => {
  it('highlights each extracted statement in the text and sends edits, acceptance and rejection', async () => {
    let accepted = false;
    const log: Recorded[] = fakeApi((r) => {
      if (r.method === 'POST' && r.url === '/api/ingest/documents') return { status: 201, body: { kind: 'added-document', document: DOC, isNew: true, matchedBy: null, proposalIds: [1, 2] } };
      if (r.url === `/api/ingest/documents/${DOC.id}`) return { status: 200, body: { kind: 'ingest-document', text: TEXT, items: [item(1, 'will be completed soon', 'pending'), item(2, 'conditions come first', accepted ? 'accepted' : 'pending', 'US')] } };
      if (r.method === 'POST' && r.url.startsWith('/api/ingest/proposals/')) {
        if (r.url.endsWith('/accept')) accepted = true;
        return { status: 200, body: {} };
      }
      return undefined;
    });
    const user = userEvent.setup();
    render(<Ingest plan={PLAN} />);
    await user.type(screen.getByLabelText('Article text (plain text or HTML)'), 'An article.');
    await user.type(screen.getByLabelText('Outlet'), 'Yonhap');
    await user.click(screen.getByRole('button', { name: 'Extract statements' }));
    expect(log[0]?.body).toEqual({ text: 'An article.', outlet: 'Yonhap' });
    const article = await screen.findByLabelText('The article with the extracted statements highlighted');
    const marks = article.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['1will be completed soon', '2conditions come first']);
    expect(article.textContent).toBe(TEXT.replace('will', '1will').replace('conditions come', '2conditions come'));

    const first = screen.getByRole('heading', { name: /Proposal 1/ }).closest('li')!;
    await user.selectOptions(within(first).getByLabelText('Side'), 'ROK');
    await user.click(within(first).getByRole('button', { name: 'Save edits' }));
    await waitFor(() => expect(log.some((r) => r.url === '/api/ingest/proposals/1/edit')).toBe(true));
    expect(log.find((r) => r.url === '/api/ingest/proposals/1/edit')?.body).toEqual({ side: 'ROK' });

    const second = screen.getByRole('heading', { name: /Proposal 2/ }).closest('li')!;
    await user.selectOptions(within(second).getByLabelText('Criteria it speaks to'), ['C1.x']);
    await user.click(within(second).getByRole('button', { name: 'Accept into evidence' }));
    await waitFor(() => expect(log.find((r) => r.url === '/api/ingest/proposals/2/accept')?.body).toEqual({ criterionIds: ['C1.x'] }));
    // Reloaded: the accepted statement's mark and card say so, and it can no longer be acted on.
    await waitFor(() => expect(article.ownerDocument.querySelector('mark.accepted')?.textContent).toBe('2conditions come first'));
    const done = screen.getByRole('heading', { name: /Proposal 2/ }).closest('li')!;
    expect(within(done).queryByRole('button', { name: 'Accept into evidence' })).toBeNull();

    const first2 = screen.getByRole('heading', { name: /Proposal 1/ }).closest('li')!;
    await user.type(within(first2).getByLabelText('Reason'), 'not a statement on the transfer');
    await user.click(within(first2).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(log.find((r) => r.url === '/api/ingest/proposals/1/reject')?.body).toEqual({ reason: 'not a statement on the transfer' }));
  });
});
