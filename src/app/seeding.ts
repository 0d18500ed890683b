/** Loading a dataset folder into the database: idempotent, all or nothing. */
import { auditStamp } from './operation.js';
import { fail, type Result } from '../core/common/result.js';
import type { Deps } from './operation.js';
import type { LedgerDatabase, WriteSummary } from './ports.js';

/** Seed the database from a dataset folder; records already stored unchanged are skipped. */
export async function seedFromFolder(deps: Deps, db: LedgerDatabase, folder: string): Promise<Result<WriteSummary>> {
  const dataset = await deps.datasets.readFolder(folder);
  if (!dataset.ok) return dataset;
  const { manifest, plan, ledger } = dataset.value;
  const { kind: _kind, ...records } = ledger;
  return db.write({ plan, manifest, records, recordedAt: deps.clock.now(), audit: auditStamp(deps, 'db.seed', folder) });
}

/**
 * A record store over the database that loads the default dataset the first time it finds the
 * database empty, so that a new user's first command shows the picture rather than an error.
 */
export function firstRunStore(deps: Omit<Deps, 'store'>): Deps['store'] {
  const withDatabase = async <T>(read: (db: LedgerDatabase) => Promise<Result<T>>): Promise<Result<T>> => {
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const first = await read(db.value);
    if (first.ok || first.error.code !== 'not-found') return first;
    const seeded = await seedFromFolder({ ...deps, store: firstRunStore(deps) }, db.value, deps.defaultDatasetDir);
    if (!seeded.ok) return fail(seeded.error.code, `loading the default dataset into the new database failed: ${seeded.error.message}`, seeded.error.problems);
    const n = seeded.value.inserted;
    deps.notify(
      `Loaded ${deps.defaultDatasetDir} into ${db.value.location} (first use): ${n.sources} sources, ${n.statements} statements, ${n.events} events, ${n.assessments} assessments.`,
    );
    return read(db.value);
  };
  return {
    kind: 'record-store',
    load: () => withDatabase((db) => db.load()),
    loadForPicture: (scope, alsoAsOf) => withDatabase((db) => db.loadForPicture(scope, alsoAsOf)),
  };
}
