/** `opcon plan validate|schema`: plan files. */
import type { Command } from 'commander';
import type { CommandContext } from '../run.js';
import { operations } from '../../app/registry.js';
import { runCommand } from '../run.js';

/** Register the plan commands. */
export function registerPlan(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  const plan = program.command('plan').description('plan files: validate one, or print the JSON Schema for editors');
  plan
    .command('validate')
    .argument('<file>', 'plan file (YAML)')
    .description('check a plan file and report every problem with file, line and path (exit 2 if any)')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      setExit(
        await runCommand(ctx, operations.validatePlan, { file }, {
          isJson: o.json === true,
          render: (p) => `${file}: valid plan "${p.id}" v${p.version} — ${p.conditions.length} conditions, ${p.criteria.length} criteria, ${p.stages.length} stages, ${p.forums.length} forums\n`,
        }),
      );
    });
  plan
    .command('schema')
    .description('print the JSON Schema of plan files (for editor completion)')
    .action(async () => {
      setExit(await runCommand(ctx, operations.planSchema, {}, { isJson: true, render: () => '' }));
    });
}
