/** `opcon db migrate|status|seed`, `opcon export|import`, `opcon backup|restore`. */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { operations } from '../../app/registry.js';
import type { MigrationState, WriteSummary } from '../../app/ports.js';
import { runCommand, type CommandContext } from '../run.js';

function stateText(s: MigrationState): string {
  const width = Math.max(0, ...Object.keys(s.counts).map((t) => t.length));
  const counts = Object.entries(s.counts).map(([t, n]) => `  ${t.padEnd(width)} ${String(n).padStart(9)}`);
  return [
    `${s.location} (${s.dialect})`,
    `migrations applied: ${s.applied.length === 0 ? 'none' : s.applied.join(', ')}`,
    `pending: ${s.pending.length === 0 ? 'none' : s.pending.join(', ')}`,
    ...(counts.length > 0 ? ['rows:', ...counts] : []),
  ].join('\n') + '\n';
}

function summaryText(s: WriteSummary, what: string): string {
  const added = Object.entries(s.inserted).filter(([, n]) => n > 0).map(([c, n]) => `${n} ${c}`);
  return `${what}: ${added.length === 0 ? 'nothing new' : `added ${added.join(', ')}`}; ${s.unchanged} already present unchanged` +
    `${s.isPlanInserted ? '; plan stored' : ''}${s.isManifestInserted ? '; manifest stored' : ''}.\n`;
}

/** Register the database and exchange commands. */
export function registerDb(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  const db = program.command('db').description('the database: migrate, status, seed (use --db or OPCON_DB to choose it)');
  db.command('migrate')
    .description('bring the schema up to date')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => setExit(await runCommand(ctx, operations.dbMigrate, {}, { isJson: o.json === true, render: stateText })));
  db.command('status')
    .description('applied and pending migrations, rows per table')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => setExit(await runCommand(ctx, operations.dbStatus, {}, { isJson: o.json === true, render: stateText })));
  db.command('seed')
    .description('load a dataset folder (default: the built-in public record); running it twice changes nothing')
    .argument('[folder]', 'dataset folder with dataset.yaml')
    .option('--json', 'print JSON')
    .action(async (folder: string | undefined, o: { json?: boolean }) =>
      setExit(await runCommand(ctx, operations.dbSeed, { folder }, { isJson: o.json === true, render: (s) => summaryText(s, `seeded from ${s.folder}`) })),
    );

  program
    .command('export')
    .description('the whole dataset as JSON or YAML, or the assessments as CSV')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'yaml', 'csv']).default('json'))
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: { format: string; out?: string }) =>
      setExit(
        await runCommand(ctx, operations.export, { format: o.format }, {
          isJson: false,
          render: (text) => {
            if (o.out === undefined) return text;
            writeFileSync(o.out, text);
            return `wrote ${o.out} (${Buffer.byteLength(text)} bytes)\n`;
          },
        }),
      ),
    );
  program
    .command('import')
    .description('import a dataset (.json/.yaml export) or assessments (.csv): all or nothing, every bad row reported')
    .argument('<file>', 'file to import')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { json?: boolean }) =>
      setExit(await runCommand(ctx, operations.import, { file }, { isJson: o.json === true, render: (s) => summaryText(s, `imported ${file}`) })),
    );
  program
    .command('backup')
    .description('copy the database to a file (SQLite online backup; PostgreSQL: a JSON export)')
    .argument('<file>', 'backup file to write')
    .action(async (file: string) =>
      setExit(await runCommand(ctx, operations.backup, { file }, { isJson: false, render: (r) => `backed up to ${r.file} (${r.bytes} bytes)\n` })),
    );
  program
    .command('restore')
    .description('replace the SQLite database with a backup (checked first); PostgreSQL restores through `import`')
    .argument('<file>', 'backup file to restore')
    .action(async (file: string) => setExit(await runCommand(ctx, operations.restore, { file }, { isJson: false, render: (r) => `restored from ${r.file}\n` })));
}

/** Register developer commands. */
export function registerDev(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  const dev = program.command('dev').description('developer tools');
  dev
    .command('synth')
    .description('generate a synthetic plan and ledger into the database (for scale tests and benchmarks)')
    .option('--criteria <n>', 'number of criteria', (v) => Number(v), 200)
    .option('--assessments <n>', 'number of assessments', (v) => Number(v), 1_000_000)
    .option('--seed <n>', 'random seed', (v) => Number(v), 1)
    .action(async (o: { criteria: number; assessments: number; seed: number }) =>
      setExit(
        await runCommand(ctx, operations.devSynth, o, {
          isJson: false,
          render: (r) => `generated ${r.criteria} criteria and ${r.assessments} assessments (seed ${r.seed}) in ${r.location}\n`,
        }),
      ),
    );
}
