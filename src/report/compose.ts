/** Compose the report document from its data: the sections in reading order, with one citation register across them. */
import type { ReportData } from '../app/operations/report.js';
import { createCitations } from './citations.js';
import type { ReportDocument } from './document.js';
import { withInTextCitations } from './in-text-citations.js';
import { methodSection, sourcesSection } from './sections/appendix.js';
import { changesSection } from './sections/changes.js';
import { conditionsSection } from './sections/conditions.js';
import { decisionsSection } from './sections/decisions.js';
import { forecastSection } from './sections/forecast.js';
import { quotesSection } from './sections/quotes.js';
import { stagesSection } from './sections/stages.js';
import { summarySection } from './sections/summary.js';

const AUDIENCE_WORDS = { all: 'all records', ROK: 'ROK staff', US: 'US staff', combined: 'the combined staff', public: 'the public' } as const;

/** The report document of `data`. */
export function composeReport(data: ReportData): ReportDocument {
  const ctx = { data, citations: createCitations(data.ledger) };
  const body = [summarySection, conditionsSection, stagesSection, forecastSection, decisionsSection, changesSection, quotesSection].flatMap((section) => withInTextCitations(section(ctx), ctx.citations));
  // The method cites sources too: compose it before the source list, print it after.
  const method = withInTextCitations(methodSection(ctx), ctx.citations);
  const sources = sourcesSection(ctx);
  const audience = data.brief.picture.scope.audience;
  return {
    kind: 'report-document',
    title: `OPCON transition brief as of ${data.asOf}`,
    subtitle: `${data.brief.plan.title} · for ${AUDIENCE_WORDS[audience]} · changes since ${data.since} · record current to ${data.brief.dataset.currentTo}`,
    marking: data.marking,
    asOf: data.asOf,
    blocks: [...body, ...sources, ...method],
  };
}
