// The default dataset: it loads without a single problem, every reference resolves, quotes
// from the user-supplied seed articles are verbatim, and it covers what the product promises.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../src/app/ports.js';
import { computePicture } from '../src/core/picture/picture.js';
import { readDatasetFolder } from '../src/store/files/dataset-folder.js';
import { DEFAULT_DATASET, ROOT } from './helpers/cli.js';

let data: LoadedDataset;
beforeAll(async () => {
  const loaded = await readDatasetFolder(DEFAULT_DATASET);
  if (!loaded.ok) throw new Error(`${loaded.error.message}\n${loaded.error.problems.map((p) => `${p.file}:${p.line} ${p.path} ${p.message}`).join('\n')}`);
  data = loaded.value;
});

describe('the default dataset', () => {
  it('has at least 40 sources, each with an outlet and a URL or a stated reason for none', () => {
    expect(data.ledger.sources.length).toBeGreaterThanOrEqual(40);
    for (const s of data.ledger.sources) {
      expect(s.outlet.length).toBeGreaterThan(0);
      if (s.url === null) expect(s.sourceKind).toBe('user-supplied');
      else expect(s.url).toMatch(/^https?:\/\//);
    }
  });

  it('keeps the full text of both seed articles, identical to what the user supplied', () => {
    const withText = data.ledger.sources.filter((s) => s.fullTextFile !== undefined);
    expect(withText.map((s) => s.id).sort()).toEqual(['S94', 'SEED-000']);
    const shared = join(ROOT, '..', 'shared', 'seeds');
    for (const s of withText) {
      const text = readFileSync(join(DEFAULT_DATASET, s.fullTextFile!), 'utf8');
      const original = join(shared, s.fullTextFile!.split('/').pop()!);
      if (existsSync(original)) expect(text).toBe(readFileSync(original, 'utf8'));
      expect(text.length).toBeGreaterThan(1000);
    }
  });

  it('quotes every statement attributed to a seed article verbatim', () => {
    const seeds = new Map(
      data.ledger.sources.filter((s) => s.fullTextFile).map((s) => [s.id, readFileSync(join(DEFAULT_DATASET, s.fullTextFile!), 'utf8')]),
    );
    const fromSeeds = data.ledger.statements.filter((s) => seeds.has(s.sourceId) && s.isVerbatim);
    expect(fromSeeds.length).toBeGreaterThanOrEqual(5);
    for (const s of fromSeeds) expect(seeds.get(s.sourceId), s.id).toContain(s.text);
  });

  it('has statements with speaker, role, side and stance', () => {
    const statements = data.ledger.statements;
    expect(statements.length).toBeGreaterThanOrEqual(60);
    expect(new Set(statements.map((s) => s.side))).toEqual(new Set(['ROK', 'US', 'combined', 'other']));
    const official = statements.filter((s) => s.side === 'ROK' || s.side === 'US');
    expect(official.filter((s) => s.stance !== null).length / official.length).toBeGreaterThan(0.8);
    for (const s of statements) expect(s.role ?? s.speaker).not.toBeNull();
  });

  it('has at least 60 dated timeline events from 1950 to 2026', () => {
    const events = data.ledger.events;
    expect(events.length).toBeGreaterThanOrEqual(60);
    const years = events.map((e) => Number(e.date.slice(0, 4)));
    expect(Math.min(...years)).toBe(1950);
    expect(Math.max(...years)).toBe(2026);
    for (const e of events) expect(e.sourceIds.length).toBeGreaterThan(0);
  });

  it('marks every assessment as a public-record estimate with a rationale and cited statements', () => {
    for (const a of data.ledger.assessments) {
      expect(a.basis).toBe('public-record-estimate');
      expect(a.rationale.length).toBeGreaterThan(40);
      expect(a.statementIds.length).toBeGreaterThan(0);
    }
  });

  it('assesses each condition for each party in every year since 2019, except where the record is silent', () => {
    const conditionOf = new Map(data.plan.criteria.map((c) => [c.id, c.conditionId]));
    const cells = new Set(data.ledger.assessments.map((a) => `${a.party}|${a.conditionId ?? conditionOf.get(a.criterionId!)}|${a.asOf.slice(0, 4)}`));
    const missing: string[] = [];
    for (let year = 2019; year <= 2026; year++) {
      for (const party of ['ROK', 'US']) for (const condition of ['C1', 'C2', 'C3']) if (!cells.has(`${party}|${condition}|${year}`)) missing.push(`${party} ${condition} ${year}`);
    }
    // Where the record says nothing about a party's view of a condition in a year, there is no
    // assessment rather than an invented one — and the gap is declared in dataset.yaml with its reason.
    const declared = data.manifest.recordGaps.flatMap((g) => g.years.map((y) => `${g.party} ${g.conditionId} ${y}`));
    expect(missing.sort()).toEqual([...declared].sort());
    expect(cells.size).toBeGreaterThanOrEqual(28);
  });

  it('records decisions by forum at the matching level', () => {
    const levels = new Map(data.plan.forums.map((f) => [f.id, f.level]));
    expect(data.ledger.decisions.length).toBeGreaterThanOrEqual(15);
    for (const d of data.ledger.decisions) expect(d.level, d.id).toBe(levels.get(d.forumId));
    for (const forum of ['SCM', 'summit', 'MCM', 'congress']) expect(data.ledger.decisions.some((d) => d.forumId === forum), forum).toBe(true);
  });

  it('records the 2026 escalation: military talks stalled → ministerial (11 May) → political', () => {
    const esc = data.ledger.escalations.filter((e) => e.date.startsWith('2026'));
    expect(esc.some((e) => e.date === '2026-05-11' && e.fromLevel === 'military' && e.toLevel === 'ministerial')).toBe(true);
    expect(esc.some((e) => e.toLevel === 'political' && e.outcome === 'pending')).toBe(true);
    const picture = computePicture(data.plan, data.ledger, { kind: 'scope', asOf: '2026-06-25', knownAt: '2026-06-25T23:59:59.999Z', audience: 'all' });
    expect(picture.escalation.level).toBe('political');
    expect(picture.escalation.isOpen).toBe(true);
  });

  it('shows the parties diverging in mid-2026, with blocking criteria listed', () => {
    const picture = computePicture(data.plan, data.ledger, { kind: 'scope', asOf: '2026-06-25', knownAt: '2026-06-25T23:59:59.999Z', audience: 'all' });
    expect(picture.divergence.plan).not.toBeNull();
    expect(picture.divergence.plan!).toBeGreaterThan(0);
    expect(picture.divergence.blocking.length).toBeGreaterThan(0);
    const rok = picture.overall.byParty['ROK']!.readinessPct!;
    const us = picture.overall.byParty['US']!.readinessPct!;
    expect(rok).toBeGreaterThan(us);
    expect(picture.currentStageId).toBe('FOC');
  });
});
