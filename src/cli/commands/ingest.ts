/** `opcon ingest extract|eval`: articles in, cited evidence out; and scoring against labelled documents. */
import type { Command } from 'commander';
import { operations } from '../../app/registry.js';
import { EXIT } from '../exit-codes.js';
import { renderEval, renderExtraction } from '../output/ingest-text.js';
import { renderAccepted, renderAdd, renderReviewed, renderReviewList } from '../output/ingest-review-text.js';
import type { CommandContext } from '../run.js';
import { createProgressBar } from '../output/progress.js';
import { runCommand } from '../run.js';

/** Parse "quoteF1=0.9,timelineF1=0.8" into numbers; anything unparsable is passed on for the schema to reject. */
function parseFloors(spec: string | undefined): Record<string, unknown> {
  if (spec === undefined) return {};
  return Object.fromEntries(
    spec
      .split(',')
      .filter((p) => p.trim() !== '')
      .map((pair) => {
        const [key, value] = pair.split('=');
        return [(key ?? '').trim(), value === undefined || value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value)];
      }),
  );
}

/** Register the ingestion commands. */
export function registerIngest(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  const ingest = program.command('ingest').description('articles in, cited evidence out: extract quotes, speakers, sides, dates, conditions, stances and forums');
  ingest
    .command('extract')
    .argument('<file>', 'article: plain text, HTML or a JSON document {text, published, outlet, url, title}; "-" reads standard input')
    .option('--published <date>', 'publication date (YYYY-MM-DD) against which relative dates are resolved')
    .option('--outlet <name>', 'the outlet that published it')
    .option('--json', 'print JSON (the corpus label keys, with spans and confidence)')
    .description('extract the evidence of one article; nothing is stored (exit 2 on empty, binary, non-English or over 2 MB input)')
    .action(async (file: string, o: { published?: string; outlet?: string; json?: boolean }) => {
      setExit(
        await runCommand(ctx, operations.ingestExtract, { file, published: o.published, outlet: o.outlet }, {
          isJson: o.json === true,
          render: (r) => renderExtraction(r, ctx.style, ctx.columns),
        }),
      );
    });
  ingest
    .command('eval')
    .argument('<folder>', 'folder of labelled documents (*.json in the corpus format)')
    .option('--floors <list>', `minimum per metric, e.g. "quoteF1=0.9,timelineF1=0.8" (defaults: the issue's targets)`)
    .option('--json', 'print JSON')
    .description('score extraction against labelled documents: precision, recall and F1 per label (exit 7 when a metric is below its floor)')
    .action(async (folder: string, o: { floors?: string; json?: boolean }) => {
      setExit(
        await runCommand(ctx, operations.ingestEval, { folder, floors: parseFloors(o.floors) }, {
          isJson: o.json === true,
          render: (r) => renderEval(r, ctx.style),
          // The report is printed either way; a metric under its floor fails the run.
          exitCode: (r) => (r.isPassing ? EXIT.ok : EXIT.belowFloors),
        }),
      );
    });
  ingest
    .command('add')
    .argument('<path>', 'an article (plain text, HTML or a JSON document) or a folder of them; "-" reads standard input')
    .option('--published <date>', 'publication date (YYYY-MM-DD): the date its statements were said on')
    .option('--outlet <name>', 'the outlet that published it')
    .option('--url <url>', 'where it was published (one article only)')
    .option('--json', 'print JSON')
    .description('extract and store articles with their proposed statements for review; an article stored before (same URL or text) stores nothing new')
    .action(async (path: string, o: { published?: string; outlet?: string; url?: string; json?: boolean }) => {
      const bar = createProgressBar(ctx.isProgressShown, ctx.columns);
      const withBar = { ...ctx, deps: { ...ctx.deps, onProgress: bar.update } };
      const code = await runCommand(withBar, operations.ingestAdd, { path, published: o.published, outlet: o.outlet, url: o.url }, {
          isJson: o.json === true,
          render: (r) => {
            bar.clear();
            return renderAdd(r, ctx.style);
          },
          // The others of a folder are stored; a refused one still fails the run.
          exitCode: (r) => (r.counts.refused > 0 ? EXIT.invalidInput : EXIT.ok),
        });
      bar.clear();
      setExit(code);
    });
  ingest
    .command('list')
    .option('--status <status>', 'pending, accepted or rejected (default: all)')
    .option('--json', 'print JSON')
    .description('proposed statements with the sentence around them and their extracted fields')
    .action(async (o: { status?: string; json?: boolean }) => {
      setExit(await runCommand(ctx, operations.ingestList, { status: o.status }, { isJson: o.json === true, render: (r) => renderReviewList(r, ctx.style, ctx.columns) }));
    });
  ingest
    .command('accept')
    .argument('<id>', 'proposal id (from "ingest list")')
    .option('--criterion <ids...>', 'criteria of the plan the statement bears on')
    .option('--condition <ids...>', 'conditions of the plan (default: those extracted, mapped by data/ingest/evidence.yaml)')
    .option('--stance <stance>', 'accelerate, cautious or neutral (default: the extracted or edited one)')
    .option('--json', 'print JSON')
    .description('accept a proposal as evidence: the source (once per article) and the statement enter the record (exit 5 if already decided)')
    .action(async (id: string, o: { criterion?: string[]; condition?: string[]; stance?: string; json?: boolean }) => {
      setExit(
        await runCommand(ctx, operations.ingestAccept, { id, criterionIds: o.criterion, conditionIds: o.condition, stance: o.stance }, {
          isJson: o.json === true,
          render: (r) => renderAccepted(r, ctx.style),
        }),
      );
    });
  ingest
    .command('edit')
    .argument('<id>', 'proposal id (from "ingest list")')
    .option('--text <text>', 'the quote')
    .option('--speaker <name>', 'who said it')
    .option('--role <role>', "the speaker's role")
    .option('--side <side>', 'ROK, US, combined or other')
    .option('--stance <stance>', 'accelerate, cautious or neutral')
    .option('--json', 'print JSON')
    .description("correct a proposal before accepting it (a new review row: the original is kept)")
    .action(async (id: string, o: { text?: string; speaker?: string; role?: string; side?: string; stance?: string; json?: boolean }) => {
      const { json, ...edit } = o;
      setExit(await runCommand(ctx, operations.ingestEdit, { id, ...edit }, { isJson: json === true, render: (r) => renderReviewed(r, ctx.style, ctx.columns) }));
    });
  ingest
    .command('reject')
    .argument('<id>', 'proposal id (from "ingest list")')
    .option('--reason <text>', 'why, for the review record')
    .option('--json', 'print JSON')
    .description('reject a proposal: it never enters the record (exit 5 if already decided)')
    .action(async (id: string, o: { reason?: string; json?: boolean }) => {
      setExit(await runCommand(ctx, operations.ingestReject, { id, reason: o.reason }, { isJson: o.json === true, render: (r) => renderReviewed(r, ctx.style, ctx.columns) }));
    });
}
