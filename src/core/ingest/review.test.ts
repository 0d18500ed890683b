import { describe, expect, it } from 'vitest';
import type { Proposal } from './proposals.js';
import { contextAround } from './proposals.js';
import { evidenceOf, outletGrades, requirePending, reviewState } from './review.js';
import { source } from '../testing/fixtures.js';

const proposal: Proposal = {
  kind: 'proposal', index: 2, text: 'the plan is on track', speaker: null, role: 'an official', side: 'unknown', stance: null, stanceEvidence: null,
  context: '', span: { start: 0, end: 1 }, confidence: 0.8, conditions: ['capability_to_lead', 'regional_security_environment'], forums: ['SCM', 'other: Shangri-La Dialogue'], dates: [],
};
const mapping = { version: 1, conditions: { capability_to_lead: 'C1', regional_security_environment: 'C3' }, forums: { SCM: 'SCM' }, source: { sourceKind: 'news' as const, defaultReliability: 'C' as const } };
const doc = { id: 'Dabc', outlet: 'Test Wire', title: null, url: null, published: '2026-11-20', recordedAt: '2026-11-21T00:00:00Z', text: 'He said the plan is on track.' };
const review = (seq: number, action: 'edit' | 'accept' | 'reject', extra = {}) => ({ seq, decision: { kind: 'review' as const, action, recordedAt: `t${seq}`, ...extra } });

describe('review state', () => {
  it('applies edits in order over the original and lets the decision decide', () => {
    const state = reviewState(proposal, [review(7, 'edit', { edit: { side: 'ROK' } }), review(3, 'edit', { edit: { side: 'US', speaker: 'X' } })]);
    expect(state).toMatchObject({ status: 'pending', isEdited: true, latestSeq: 7, fields: { side: 'ROK', speaker: 'X', text: 'the plan is on track' } });
    const decided = reviewState(proposal, [review(3, 'reject', { reason: 'off topic' })]);
    expect(decided.status).toBe('rejected');
    const conflict = requirePending(4, decided, 'accept');
    expect(!conflict.ok && conflict.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('already rejected (off topic)') });
    expect(requirePending(4, reviewState(proposal, []), 'accept').ok).toBe(true);
  });
});

describe('evidence of an accepted proposal', () => {
  const choices = { criterionIds: ['C1.x'], recordedAt: '2026-11-23T12:00:00Z', outletGrades: new Map<string, 'A' | 'B' | 'C' | 'D' | 'E'>() };
  it('needs a side', () => {
    expect(evidenceOf(proposal, proposal, doc, mapping, choices).ok).toBe(false);
  });
  it('maps labels to plan ids, drops unmapped ones, and marks an edited text not in the article as a paraphrase', () => {
    const r = evidenceOf(proposal, { ...proposal, side: 'ROK' }, doc, mapping, choices);
    expect(r.ok && r.value.statement).toMatchObject({ id: 'ING-Dabc-q2', sourceId: 'ING-Dabc', isVerbatim: true, conditionIds: ['C1', 'C3'], forumIds: ['SCM'], criterionIds: ['C1.x'], saidOn: '2026-11-20' });
    expect(r.ok && r.value.source).toMatchObject({ reliability: 'C', recordedAt: doc.recordedAt, sourceKind: 'news' });
    const edited = evidenceOf(proposal, { ...proposal, side: 'US', text: 'a paraphrase' }, doc, mapping, { ...choices, conditionIds: ['C2'], outletGrades: outletGrades([source('S1', '2020-01-01', { outlet: 'test wire', reliability: 'E' }), source('S2', '2024-01-01', { outlet: 'Test Wire', reliability: 'B' })]) });
    expect(edited.ok && edited.value.statement).toMatchObject({ isVerbatim: false, conditionIds: ['C2'] });
    expect(edited.ok && edited.value.source.reliability).toBe('B');
  });
});

describe('context around a quote', () => {
  it('is the paragraph, or whole sentences of a long one', () => {
    const text = 'First line.\nA short paragraph with "a quote" in it.\nLast.';
    const at = text.indexOf('a quote');
    expect(contextAround(text, { start: at, end: at + 7 })).toBe('A short paragraph with "a quote" in it.');
    const long = `${'Filler sentence here. '.repeat(40)}The key "quoted words" came then. ${'More filler words. '.repeat(40)}`;
    const k = long.indexOf('quoted words');
    const ctx = contextAround(long, { start: k, end: k + 12 }, 120);
    expect(ctx).toContain('The key "quoted words" came then.');
    expect(ctx.length).toBeLessThanOrEqual(130);
  });
});
