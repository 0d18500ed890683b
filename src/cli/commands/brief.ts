/** `opcon brief`: the picture in the terminal. */
import type { Command } from 'commander';
import type { CommandContext } from '../run.js';
import { operations } from '../../app/registry.js';
import { renderBrief } from '../output/brief-text.js';
import { runCommand } from '../run.js';
import { asOfOption, knownAtOption, partyOption, scopeInput, type ScopeOpts } from './options.js';

/** Register the brief command. */
export function registerBrief(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  program
    .command('brief')
    .description('the picture as of a date: stages, conditions per party, divergence, decisions, escalation, key dates, latest statements')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--statements <n>', 'how many recent statements to show', (v) => Number(v), 8)
    .option('--json', 'print stable JSON instead of text')
    .action(async (o: ScopeOpts & { statements: number }) => {
      setExit(
        await runCommand(ctx, operations.brief, { ...scopeInput(o), statementLimit: o.statements }, {
          isJson: o.json === true,
          render: (brief) => renderBrief(brief, ctx.style, ctx.columns),
        }),
      );
    });

}
