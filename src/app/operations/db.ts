/** Database administration: migrate, status, seed. */
import { z } from 'zod';
import { ok, type Result } from '../../core/common/result.js';
import { defineOperation } from '../operation.js';
import type { MigrationState, WriteSummary } from '../ports.js';
import { seedFromFolder } from '../seeding.js';

export const migrateOperation = defineOperation({
  name: 'db.migrate',
  access: 'local',
  isWrite: true,
  summary: 'Bring the database schema up to date',
  input: z.strictObject({}),
  async run(deps): Promise<Result<MigrationState>> {
    const db = await deps.database({ isMigrating: true });
    return db.ok ? db.value.status() : db;
  },
});

export const statusOperation = defineOperation({
  name: 'db.status',
  access: 'local',
  summary: 'Applied and pending migrations, and rows per table',
  input: z.strictObject({}),
  async run(deps): Promise<Result<MigrationState>> {
    const db = await deps.database({ isMigrating: false });
    return db.ok ? db.value.status() : db;
  },
});

export const seedOperation = defineOperation({
  name: 'db.seed',
  access: 'local',
  isWrite: true,
  summary: 'Load a dataset folder (default: the built-in public record); running it twice changes nothing',
  input: z.strictObject({ folder: z.string().min(1).optional() }),
  async run(deps, input): Promise<Result<WriteSummary & { readonly folder: string }>> {
    const db = await deps.database({ isMigrating: true });
    if (!db.ok) return db;
    const folder = input.folder ?? deps.defaultDatasetDir;
    const result = await seedFromFolder(deps, db.value, folder);
    return result.ok ? ok({ ...result.value, folder }) : result;
  },
});
