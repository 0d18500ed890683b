/**
 * Reading the ledger. The whole ledger for exports; for an as-of picture, only what the picture
 * can use: every small collection in scope, and of the assessments — which grow to millions —
 * only the latest visible, unsuperseded one per party and subject at each date asked for.
 */
import { sql, type Kysely } from 'kysely';
import { dayOf } from '../../core/common/dates.js';
import { fail, ok, type Result } from '../../core/common/result.js';
import { visibleMarkings } from '../../core/common/releasability.js';
import { DatasetManifestSchema, type DatasetManifest, type Ledger, type LedgerRecord } from '../../core/ledger/schema.js';
import { PlanSchema, type Plan } from '../../core/plan/schema.js';
import type { Scope } from '../../core/picture/scope.js';
import type { LoadedDataset } from '../../app/ports.js';
import { fromRow } from './rows.js';
import { COLLECTIONS, TABLES, type Database } from './tables.js';

export interface Header {
  readonly manifest: DatasetManifest;
  readonly plan: Plan;
}

/** The current manifest and plan (the latest stored versions), or a not-found failure. */
export async function readHeader(db: Kysely<Database>, cache?: HeaderCache): Promise<Result<Header>> {
  if (cache !== undefined) {
    // One cheap query tells whether the cached, parsed header is still the latest.
    const latest = await sql<{ p: number | null; d: number | null }>`SELECT (SELECT max(seq) FROM plans) AS p, (SELECT max(seq) FROM datasets) AS d`.execute(db);
    const key = `${latest.rows[0]?.p ?? ''}|${latest.rows[0]?.d ?? ''}`;
    if (cache.key === key && cache.header !== undefined) return ok(cache.header);
    const fresh = await readHeader(db);
    if (fresh.ok) {
      cache.key = key;
      cache.header = fresh.value;
    }
    return fresh;
  }
  const manifestRow = await db.selectFrom('datasets').select('body').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const planRow = await db.selectFrom('plans').select('body').orderBy('version', 'desc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (manifestRow === undefined || planRow === undefined) {
    return fail('not-found', 'the database holds no dataset yet: run `opcon db seed` (or `opcon import FILE`)');
  }
  return ok({ manifest: DatasetManifestSchema.parse(JSON.parse(manifestRow.body)) as DatasetManifest, plan: PlanSchema.parse(JSON.parse(planRow.body)) as Plan });
}

/** The parsed plan and manifest of one connection, kept while they are the latest stored. */
export interface HeaderCache {
  key: string;
  header: Header | undefined;
}

type Rows = Omit<Ledger, 'kind'>;

/** Every record of every collection, in the order it was recorded. */
export async function readAll(db: Kysely<Database>): Promise<Ledger> {
  const parts = await Promise.all(
    COLLECTIONS.map(async (c) => (await db.selectFrom(TABLES[c]).select('body').orderBy('seq').execute()).map((r) => fromRow<LedgerRecord>(r))),
  );
  return { kind: 'ledger', ...(Object.fromEntries(COLLECTIONS.map((c, i) => [c, parts[i]])) as unknown as Rows) };
}

/** Latest visible, unsuperseded assessment per party and subject as of one date (row seqs). */
async function latestAssessmentSeqs(db: Kysely<Database>, plan: Plan, scope: Scope, asOf: string): Promise<number[]> {
  const subjects = [...plan.criteria.map((c) => c.id), ...plan.conditions.map((c) => c.id)];
  const groups = plan.parties.flatMap((p) => subjects.map((s) => sql`(${p.id}, ${s})`));
  const markings = visibleMarkings(scope.audience);
  const inScope = (alias: string) => sql`${sql.ref(`${alias}.day`)} <= ${dayOf(asOf)} AND ${sql.ref(`${alias}.recorded_at`)} <= ${scope.knownAt} AND ${sql.ref(`${alias}.releasability`)} IN (${sql.join(markings)})`;
  const result = await sql<{ seq: number | null }>`
    WITH g(party, subject) AS (VALUES ${sql.join(groups)})
    SELECT (
      SELECT a.seq FROM assessments a
      WHERE a.party = g.party AND a.subject = g.subject AND ${inScope('a')}
        AND NOT EXISTS (SELECT 1 FROM assessments s WHERE s.supersedes = a.id AND ${inScope('s')})
      ORDER BY a.day DESC, a.recorded_at DESC, a.id DESC
      LIMIT 1
    ) AS seq
    FROM g`.execute(db);
  return result.rows.map((r) => r.seq).filter((s): s is number => s !== null).map(Number);
}

/** What an as-of picture (and its comparisons at `alsoAsOf`) needs, and nothing it cannot use. */
export async function readForPicture(db: Kysely<Database>, header: Header, scope: Scope, alsoAsOf: readonly string[]): Promise<Ledger> {
  const markings = visibleMarkings(scope.audience);
  const small = COLLECTIONS.filter((c) => c !== 'assessments');
  const parts = await Promise.all(
    small.map(async (c) =>
      (
        await db
          .selectFrom(TABLES[c])
          .select('body')
          .where('recorded_at', '<=', scope.knownAt)
          .where('releasability', 'in', [...markings])
          .orderBy('seq')
          .execute()
      ).map((r) => fromRow<LedgerRecord>(r)),
    ),
  );
  const seqs = new Set((await Promise.all([scope.asOf, ...alsoAsOf].map((date) => latestAssessmentSeqs(db, header.plan, scope, date)))).flat());
  const assessments =
    seqs.size === 0
      ? []
      : (await db.selectFrom('assessments').select('body').where('seq', 'in', [...seqs]).orderBy('seq').execute()).map((r) => fromRow<LedgerRecord>(r));
  const byCollection = Object.fromEntries(small.map((c, i) => [c, parts[i]]));
  return { kind: 'ledger', ...(byCollection as unknown as Omit<Rows, 'assessments'>), assessments } as Ledger;
}

/** A loaded dataset from its header and ledger. */
export function loaded(header: Header, ledger: Ledger, location: string): LoadedDataset {
  return { kind: 'loaded-dataset', manifest: header.manifest, plan: header.plan, ledger, location };
}
