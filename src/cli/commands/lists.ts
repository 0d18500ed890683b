/** `opcon timeline`, `opcon sources`, `opcon criteria`: the record as lists. */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CommandContext } from '../run.js';
import { operations } from '../../app/registry.js';
import { EVENT_CATEGORIES, RELIABILITY_GRADES, SOURCE_KINDS } from '../../core/ledger/schema.js';
import { renderCriteria, renderSources, renderTimeline } from '../output/lists-text.js';
import { runCommand } from '../run.js';
import { asOfOption, knownAtOption, partyOption, scopeInput, type ScopeOpts } from './options.js';

/** Register the list commands. */
export function registerLists(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  program
    .command('timeline')
    .description('dated events of the record, oldest first, with sources')
    .option('--from <date>', 'from this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'up to this date')
    .addOption(new Option('--category <name>', 'only this kind of event').choices(EVENT_CATEGORIES as unknown as string[]))
    .option('--forum <id>', 'only events at this forum (e.g. SCM, MCM, KIDD, summit)')
    .option('--stage <id>', 'only events of this stage (IOC, FOC, FMC)')
    .option('--search <text>', 'words in the title or description')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--json', 'print JSON')
    .action(async (o: ScopeOpts & { from?: string; to?: string; category?: string; forum?: string; stage?: string; search?: string }) => {
      setExit(
        await runCommand(
          ctx,
          operations.timeline,
          { ...scopeInput(o), from: o.from, to: o.to, category: o.category, forum: o.forum, stage: o.stage, search: o.search },
          { isJson: o.json === true, render: (entries) => renderTimeline(entries, ctx.style, ctx.columns) },
        ),
      );
    });

  program
    .command('sources')
    .description('sources of the record: outlet, date, kind, reliability grade, URL, times cited')
    .option('--outlet <text>', 'outlet name contains')
    .addOption(new Option('--kind <kind>', 'only this kind of source').choices(SOURCE_KINDS as unknown as string[]))
    .addOption(new Option('--min-grade <grade>', 'only sources at least this reliable (A best)').choices(RELIABILITY_GRADES as unknown as string[]))
    .option('--from <date>', 'published from')
    .option('--to <date>', 'published up to')
    .option('--search <text>', 'words in outlet, title, note or URL')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--json', 'print JSON')
    .action(async (o: ScopeOpts & { outlet?: string; kind?: string; minGrade?: string; from?: string; to?: string; search?: string }) => {
      setExit(
        await runCommand(
          ctx,
          operations.sources,
          { ...scopeInput(o), outlet: o.outlet, sourceKind: o.kind, minReliability: o.minGrade, from: o.from, to: o.to, search: o.search },
          { isJson: o.json === true, render: (entries) => renderSources(entries, ctx.style, ctx.columns) },
        ),
      );
    });

  program
    .command('criteria')
    .description('criteria with each party\'s rating, the gap, confidence, last assessed and evidence count')
    .option('--condition <id>', 'only criteria of this condition (C1, C2, C3)')
    .option('--id <criterion>', 'only this criterion')
    .addOption(new Option('--status <status>', 'blocking: the parties disagree; unmet: a party rates it below met; met: all rate it met').choices(['blocking', 'unmet', 'met']))
    .option('--history', 'show every assessment behind each rating, with rationale and citations')
    .addOption(asOfOption())
    .addOption(knownAtOption())
    .addOption(partyOption())
    .option('--json', 'print JSON')
    .action(async (o: ScopeOpts & { condition?: string; id?: string; status?: string; history?: boolean }) => {
      const loaded = await ctx.deps.store.load();
      const sides = loaded.ok ? loaded.value.plan.parties.filter((p) => !p.isJoint).map((p) => p.id) : [];
      setExit(
        await runCommand(
          ctx,
          operations.criteria,
          { ...scopeInput(o), condition: o.condition, id: o.id, status: o.status, history: o.history === true },
          { isJson: o.json === true, render: (entries) => renderCriteria(entries, sides, ctx.style, ctx.columns) },
        ),
      );
    });

}
