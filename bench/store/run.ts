// bench/store: the as-of picture over a large ledger on SQLite and PostgreSQL.
// Usage: npx tsx bench/store/run.ts [--criteria 200] [--assessments 1000000] [--runs 15]
//   SQLite file: .cache/bench-store.db (generated once). PostgreSQL: set OPCON_BENCH_PG_URL (or
//   OPCON_TEST_PG_URL) to an admin URL; a database opcon_bench is generated once.
// Prints, per database: median and p90 time of the picture (read + compute), the peer (load the
// whole ledger, then compute) and the ratio, memory, and the query plan of the index seek.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { addDays, endOfDay } from '../../src/core/common/dates.js';
import { computePicture } from '../../src/core/picture/picture.js';
import type { Scope } from '../../src/core/picture/scope.js';
import { connect } from '../../src/store/db/connect.js';
import { openDatabase } from '../../src/store/db/database.js';
import type { DbLocation } from '../../src/store/db/url.js';
import { mulberry32, syntheticAssessments, syntheticEvidence, syntheticPlan, SYNTHETIC_MANIFEST } from '../../src/core/synth/synthetic.js';

const { values } = parseArgs({ options: { criteria: { type: 'string', default: '200' }, assessments: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '15' } } });
const criteria = Number(values.criteria);
const total = Number(values.assessments);
const runs = Number(values.runs);

async function ensureData(location: DbLocation): Promise<void> {
  const db = await openDatabase(location, { isMigrating: true });
  if (!db.ok) throw new Error(db.error.message);
  const status = await db.value.status();
  if (status.ok && (status.value.counts['assessments'] ?? 0) >= total) return db.value.close();
  console.log(`  generating ${total} assessments over ${criteria} criteria…`);
  const plan = syntheticPlan(criteria);
  await db.value.write({ audit: { actor: 'bench', operation: 'write' },  plan, manifest: SYNTHETIC_MANIFEST, records: syntheticEvidence(), recordedAt: '2026-07-01T00:00:00Z' });
  const random = mulberry32(1);
  for (let from = 0; from < total; from += 25_000) {
    const r = await db.value.write({ audit: { actor: 'bench', operation: 'write' },  records: { assessments: syntheticAssessments(plan, from, Math.min(total, from + 25_000), random) }, recordedAt: '2026-07-01T00:00:00Z' });
    if (!r.ok) throw new Error(r.error.message);
  }
  await db.value.optimize();
  await db.value.close();
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function bench(name: string, location: DbLocation): Promise<void> {
  console.log(`\n${name}`);
  await ensureData(location);
  const db = await openDatabase(location, { isMigrating: false });
  if (!db.ok) throw new Error(db.error.message);
  const scopes: Scope[] = ['2019-06-30', '2022-12-31', '2024-06-30', '2026-06-30'].flatMap((asOf) =>
    (['all', 'ROK'] as const).map((audience) => ({ kind: 'scope' as const, asOf, knownAt: endOfDay(asOf), audience })),
  );
  const times: number[] = [];
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = 0;
  for (let i = 0; i < runs; i++) {
    for (const scope of scopes) {
      const t0 = performance.now();
      const data = await db.value.loadForPicture(scope, [addDays(scope.asOf, -365)]);
      if (!data.ok) throw new Error(data.error.message);
      computePicture(data.value.plan, data.value.ledger, scope);
      times.push(performance.now() - t0);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  const median = quantile(times, 0.5);
  console.log(`  as-of picture (index seek, ${times.length} runs over ${scopes.length} scopes): median ${median.toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms (goal ≤ 100 ms)`);
  console.log(`  memory: heap +${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB, peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);
  // Peer, measured in the same run: read the whole ledger, then compute the same picture.
  const scope = scopes[5]!;
  const t0 = performance.now();
  const all = await db.value.load();
  if (!all.ok) throw new Error(all.error.message);
  computePicture(all.value.plan, all.value.ledger, scope);
  const full = performance.now() - t0;
  console.log(`  peer — whole ledger then compute: ${full.toFixed(0)} ms; index seek is ${(full / median).toFixed(0)}× faster; RSS now ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  await db.value.close();
  const conn = await connect(location);
  if (!conn.ok) throw new Error(conn.error.message);
  const probe = sql`SELECT a.seq FROM assessments a WHERE a.party = 'A' AND a.subject = 'C1.k0' AND a.day <= 19000 AND a.recorded_at <= '2022-01-01' ORDER BY a.day DESC, a.recorded_at DESC, a.id DESC LIMIT 1`;
  const plan = conn.value.dialect === 'sqlite' ? await sql`EXPLAIN QUERY PLAN ${probe}`.execute(conn.value.db) : await sql`EXPLAIN ${probe}`.execute(conn.value.db);
  console.log('  query plan of the per-subject seek:');
  for (const row of plan.rows as Record<string, unknown>[]) console.log(`    ${String(row['detail'] ?? row['QUERY PLAN'])}`);
  await conn.value.close();
}

const cache = join(import.meta.dirname, '..', '..', '.cache');
mkdirSync(cache, { recursive: true });
await bench('SQLite', { kind: 'sqlite', path: join(cache, `bench-store-${criteria}-${total}.db`) });
const pgAdmin = process.env['OPCON_BENCH_PG_URL'] ?? process.env['OPCON_TEST_PG_URL'];
if (pgAdmin) {
  const name = `opcon_bench_${criteria}_${total}`;
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgAdmin);
  url.pathname = `/${name}`;
  await bench('PostgreSQL', { kind: 'postgres', url: url.toString() });
} else console.log('\nPostgreSQL: skipped (set OPCON_BENCH_PG_URL to an admin URL of a PostgreSQL 15 server)');

