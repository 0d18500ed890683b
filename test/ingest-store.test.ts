// `opcon ingest add|list|edit|accept|reject` as a user runs them: an article in, reviewed, and out
// as cited evidence in the brief and the sources. Only the constructed fixtures of this repository.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, opcon, ROOT } from './helpers/cli.js';

const ARTICLE = join(ROOT, 'test', 'fixtures', 'ingest-store', 'review-week.txt');
const URL_A = 'https://example.org/review-week';

function rows(db: string): Record<string, number> {
  const r = opcon(['db', 'status', '--json'], { OPCON_DB: db });
  return (JSON.parse(r.stdout) as { counts: Record<string, number> }).counts;
}

describe('opcon ingest add → list → edit → accept → brief', () => {
  const db = freshDb();
  const run = (args: readonly string[]) => opcon(args, { OPCON_DB: db });

  it('stores the article and its proposed statements, once', () => {
    const added = run(['ingest', 'add', ARTICLE, '--published', '2026-11-20', '--url', URL_A, '--outlet', 'Test Wire', '--json']);
    expect(added.code).toBe(0);
    const report = JSON.parse(added.stdout);
    expect(report.counts).toMatchObject({ added: 1, storedBefore: 0, refused: 0, proposals: 2 });
    expect(report.items[0].added.proposalIds).toEqual([1, 2]);

    const again = run(['ingest', 'add', ARTICLE, '--published', '2026-11-20', '--url', URL_A]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('same URL');
    expect(again.stdout).toContain('nothing new stored');
    // The same text under another name and without a URL is recognised by its content.
    const copy = join(mkdtempSync(join(tmpdir(), 'opcon-copy-')), 'copy.txt');
    copyFileSync(ARTICLE, copy);
    const byText = run(['ingest', 'add', copy, '--published', '2026-11-20']);
    expect(byText.stdout).toContain('same text');
    expect(rows(db)).toMatchObject({ ingest_documents: 1, ingest_proposals: 2, ingest_reviews: 0 });
  });

  it('lists the proposals with their sentence and extracted fields', () => {
    const r = run(['ingest', 'list', '--status', 'pending', '--json']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ id: 1, status: 'pending', fields: { side: 'ROK' }, proposal: { conditions: ['capability_to_lead'], forums: ['MCM'] }, document: { url: URL_A, outlet: 'Test Wire', published: '2026-11-20' } });
    expect(items[0].proposal.context).toContain('a South Korean defense official said on Thursday');
    expect(items[1].fields).toMatchObject({ side: 'US', text: 'Verification has to be completed before any date is set' });
    expect(run(['ingest', 'list']).stdout).toContain('#2 pending');
  });

  it('keeps the original when a proposal is edited', () => {
    const r = run(['ingest', 'edit', '1', '--speaker', 'South Korean defense official', '--stance', 'accelerate', '--json']);
    expect(r.code).toBe(0);
    const item = JSON.parse(r.stdout).item;
    expect(item).toMatchObject({ isEdited: true, status: 'pending', fields: { speaker: 'South Korean defense official', stance: 'accelerate' }, proposal: { speaker: null } });
    expect(run(['ingest', 'edit', '1']).code).toBe(2);
  });

  it('accepts a proposal into the record: the brief and the sources show it', () => {
    const r = run(['ingest', 'accept', '1', '--criterion', 'C1.command-structure', '--json']);
    expect(r.code).toBe(0);
    const accepted = JSON.parse(r.stdout);
    expect(accepted.statement).toMatchObject({
      sourceId: accepted.source.id,
      isVerbatim: true,
      side: 'ROK',
      stance: 'accelerate',
      saidOn: '2026-11-20',
      speaker: 'South Korean defense official',
      conditionIds: ['C1'],
      forumIds: ['MCM'],
      criterionIds: ['C1.command-structure'],
      recordedAt: '2026-11-23T12:00:00.000Z',
    });
    expect(accepted.source).toMatchObject({ outlet: 'Test Wire', url: URL_A, published: '2026-11-20', sourceKind: 'news', reliability: 'C' });
    const brief = JSON.parse(run(['brief', '--json']).stdout);
    expect(brief.picture.recentStatements[0].statement.id).toBe(accepted.statement.id);
    expect(run(['sources', '--outlet', 'Test Wire']).stdout).toContain(accepted.source.id);
    // A second quote of the same article reuses its source.
    const second = JSON.parse(run(['ingest', 'accept', '2', '--condition', 'C3', '--json']).stdout);
    expect(second).toMatchObject({ isSourceNew: false, source: { id: accepted.source.id }, statement: { conditionIds: ['C3'], side: 'US' } });
  });

  it('refuses to decide a decided proposal again (exit 5), naming the earlier decision', () => {
    const again = run(['ingest', 'accept', '1']);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/proposal 1 was already accepted as statement ING-D\w+-q1/);
    expect(run(['ingest', 'reject', '1']).code).toBe(5);
    expect(run(['ingest', 'edit', '1', '--side', 'US']).code).toBe(5);
    expect(run(['ingest', 'accept', '99']).code).toBe(3);
    expect(run(['ingest', 'accept', '2', '--criterion', 'C1.c2-is']).code).toBe(5);
  });
});

describe('opcon ingest reject and bad input', () => {
  it('rejects a proposal; accepting it afterwards is a conflict', () => {
    const db = freshDb();
    const run = (args: readonly string[]) => opcon(args, { OPCON_DB: db });
    expect(run(['ingest', 'add', ARTICLE, '--published', '2026-11-20']).code).toBe(0);
    const rejected = run(['ingest', 'reject', '2', '--reason', 'not about the transition', '--json']);
    expect(rejected.code).toBe(0);
    expect(JSON.parse(rejected.stdout).item).toMatchObject({ status: 'rejected', decision: { decision: { action: 'reject', reason: 'not about the transition' } } });
    const accept = run(['ingest', 'accept', '2']);
    expect(accept.code).toBe(5);
    expect(accept.stderr).toContain('already rejected (not about the transition)');
    expect(JSON.parse(run(['ingest', 'list', '--status', 'rejected', '--json']).stdout).map((i: { id: number }) => i.id)).toEqual([2]);
    expect(run(['ingest', 'accept', '1', '--criterion', 'C1.c2-is']).code).toBe(3);
  });

  it('stores nothing from empty, binary, non-English or oversized input, and keeps the good files of a folder', () => {
    const db = freshDb();
    const dir = mkdtempSync(join(tmpdir(), 'opcon-bad-'));
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-binary.bin'), new Uint8Array([0x89, 0x50, 0, 0, 1, 2]));
    writeFileSync(join(dir, 'c-german.txt'), 'Der Minister sagte am Mittwoch, dass die Übergabe der Kontrolle noch nicht entschieden sei und die Gespräche weitergehen.');
    writeFileSync(join(dir, 'd-large.txt'), 'word '.repeat(450_000));
    for (const name of ['a-empty.txt', 'b-binary.bin', 'c-german.txt', 'd-large.txt']) {
      const r = opcon(['ingest', 'add', join(dir, name)], { OPCON_DB: db });
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain('nothing was stored');
    }
    expect(rows(db)).toMatchObject({ ingest_documents: 0, ingest_proposals: 0 });
    copyFileSync(ARTICLE, join(dir, 'e-good.txt'));
    const folder = opcon(['ingest', 'add', dir, '--published', '2026-11-20', '--json'], { OPCON_DB: db });
    expect(folder.code).toBe(2);
    expect(JSON.parse(folder.stdout).counts).toMatchObject({ added: 1, refused: 4, proposals: 2 });
    expect(rows(db)).toMatchObject({ ingest_documents: 1, ingest_proposals: 2 });
    expect(opcon(['ingest', 'add', dir, '--url', URL_A], { OPCON_DB: db }).code).toBe(2);
    expect(opcon(['ingest', 'add', ARTICLE, '--url', 'not a url'], { OPCON_DB: db }).code).toBe(2);
  });
});
