// Two processes appending at once lose nothing; a writer killed (SIGKILL) at 50 random points
// leaves a database that opens, passes its integrity check and holds every acknowledged write.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../src/core/ledger/schema.js';
import { samplePlan } from '../../src/core/testing/fixtures.js';
import { connect } from '../../src/store/db/connect.js';
import { openDatabase } from '../../src/store/db/database.js';
import { describeLocation, type DbLocation } from '../../src/store/db/url.js';
import { databasesUnderTest } from '../helpers/databases.js';

const manifest: DatasetManifest = {
  kind: 'dataset', id: 'sample', title: 'Sample', description: 'Sample', plan: 'plan.yaml', recordedAtConvention: 'test', currentTo: '2026-06-25', caveats: [], recordGaps: [],
};
let writerScript = '';

beforeAll(async () => {
  // Inside the repository so the bundle finds node_modules.
  const cache = join(import.meta.dirname, '..', '..', '.cache');
  mkdirSync(cache, { recursive: true });
  writerScript = join(cache, `writer-${process.pid}.mjs`);
  await build({ entryPoints: [join(import.meta.dirname, 'writer.ts')], outfile: writerScript, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning', absWorkingDir: join(import.meta.dirname, '..', '..') });
});

function startWriter(location: DbLocation, prefix: string, count: number): { child: ChildProcess; acks: string[]; done: Promise<number | null>; writing: Promise<void> } {
  const url = location.kind === 'sqlite' ? `sqlite:${location.path}` : location.url;
  const child = spawn(process.execPath, [writerScript, url, prefix, String(count)], { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: string[] = [];
  let buffer = '';
  let markWriting: () => void = () => undefined;
  const writing = new Promise<void>((resolve) => (markWriting = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
    if (acks.length > 0) markWriting();
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void done.then((code) => {
    if (code !== 0 && code !== null) throw new Error(`writer failed: ${stderr}`);
  });
  return { child, acks, done, writing };
}

async function prepared(create: () => Promise<DbLocation>): Promise<DbLocation> {
  const location = await create();
  const db = await openDatabase(location, { isMigrating: true });
  if (!db.ok) throw new Error(db.error.message);
  await db.value.write({ audit: { actor: 'test', operation: 'write' },  plan: samplePlan(), manifest, records: {}, recordedAt: '2026-01-01T00:00:00Z' });
  await db.value.close();
  return location;
}

async function storedIds(location: DbLocation): Promise<{ ids: Set<string>; integrity: string }> {
  const conn = await connect(location);
  if (!conn.ok) throw new Error(conn.error.message);
  try {
    const integrity = conn.value.sqlite ? String(conn.value.sqlite.pragma('integrity_check', { simple: true })) : (await sql<{ ok: number }>`SELECT 1 AS ok`.execute(conn.value.db)).rows[0]?.ok === 1 ? 'ok' : 'failed';
    const rows = await conn.value.db.selectFrom('assessments').select('id').execute();
    return { ids: new Set(rows.map((r) => r.id)), integrity };
  } finally {
    await conn.value.close();
  }
}

/** A small seeded generator so the kill points are the same on every run. */
function delays(seed: number, n: number, minMs: number, maxMs: number): number[] {
  let x = seed >>> 0;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return minMs + (x % (maxMs - minMs));
  });
}

for (const target of databasesUnderTest()) {
  describe(`durability on ${target.name}`, () => {
    afterAll(() => target.dropAll(), 60_000);

    it('two processes appending at once lose nothing', async () => {
      const location = await prepared(() => target.create());
      const a = startWriter(location, 'a', 150);
      const b = startWriter(location, 'b', 150);
      expect(await a.done).toBe(0);
      expect(await b.done).toBe(0);
      const { ids } = await storedIds(location);
      expect(ids.size).toBe(300);
      for (const id of [...a.acks, ...b.acks]) expect(ids.has(id)).toBe(true);
    }, 120_000);

    it(`survives SIGKILL at 50 random points with every acknowledged write kept (${target.name})`, async () => {
      const location = await prepared(() => target.create());
      const acked: string[] = [];
      for (const [round, delayMs] of delays(target.name === 'sqlite' ? 7 : 11, 50, 0, 120).entries()) {
        const writer = startWriter(location, `r${round}`, 1_000_000);
        // Kill mid-stream: a random time after the writer has started committing.
        await writer.writing;
        await new Promise((r) => setTimeout(r, delayMs));
        writer.child.kill('SIGKILL');
        await writer.done;
        acked.push(...writer.acks);
        const { ids, integrity } = await storedIds(location);
        expect(integrity, `round ${round} on ${describeLocation(location)}`).toBe('ok');
        const lost = acked.filter((id) => !ids.has(id));
        expect(lost, `round ${round}`).toEqual([]);
      }
      expect(acked.length).toBeGreaterThan(50);
    }, 300_000);
  });
}
