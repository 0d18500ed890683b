/** Terminal renderings of the timeline, sources and criteria lists. */
import type { CriterionEntry } from '../../app/operations/criteria.js';
import type { SourceEntry } from '../../app/operations/sources.js';
import type { TimelineEntry } from '../../app/operations/timeline.js';
import { citationText, gapText, ratingColour, ratingText } from './labels.js';
import { table, wrap, type Style } from './style.js';

/** The timeline, one event per block, oldest first. */
export function renderTimeline(entries: readonly TimelineEntry[], style: Style, columns: number): string {
  if (entries.length === 0) return 'No events match.\n';
  const lines = entries.flatMap(({ event, citations }) => [
    `${style.paint(event.date.padEnd(10), 'bold')}  ${style.paint(event.category.padEnd(11), 'cyan')} ${wrap(event.title, columns - 25, ' '.repeat(24))}`,
    ...(event.description ? [style.paint(`            ${wrap(event.description, columns - 14, ' '.repeat(12))}`, 'dim')] : []),
    ...citations.map((c) => style.paint(`            ${c.sourceId}: ${citationText(c)}`, 'gray')),
  ]);
  return `${lines.join('\n')}\n${entries.length} event(s)\n`;
}

/** The sources as a table. */
export function renderSources(entries: readonly SourceEntry[], style: Style, columns: number): string {
  if (entries.length === 0) return 'No sources match.\n';
  return `${table(
    [
      { header: 'Id' },
      { header: 'Published' },
      { header: 'Outlet', maxWidth: 34 },
      { header: 'Kind' },
      { header: 'Grade' },
      { header: 'Cited', align: 'right' },
      { header: 'URL', maxWidth: Math.max(30, columns - 100) },
    ],
    entries.map(({ source: s, statementCount, citationCount }) => [
      s.id,
      s.published ?? 'undated',
      s.outlet,
      s.sourceKind,
      s.reliability,
      String(statementCount + citationCount),
      s.url ?? '(no URL: user-supplied)',
    ]),
    style,
  )}\n${entries.length} source(s). Grades: A official text · B established outlet or wire · C syndicated/secondary · D aggregator, blog, unknown outlet · E low-quality mirror.\n`;
}

/** The criteria as a table, with each assessment's history when asked for. */
export function renderCriteria(entries: readonly CriterionEntry[], sides: readonly string[], style: Style, columns: number): string {
  if (entries.length === 0) return 'No criteria match.\n';
  const rows = entries.map(({ criterion, status, isBlocking }) => {
    const cells = sides.map((s) => status.byParty[s]);
    const confidences = cells.map((c) => (c?.confidence === null || c?.confidence === undefined ? '—' : c.confidence.toFixed(1)));
    const lastAssessed = cells.map((c) => c?.asOf ?? '').filter((d) => d !== '').sort().at(-1) ?? '—';
    const evidence = cells.reduce((sum, c) => sum + (c?.evidenceCount ?? 0), 0);
    return [
      criterion.id,
      criterion.title,
      ...cells.map((c) => style.paint(ratingText(c?.rating ?? null), ...ratingColour(c?.rating ?? null))),
      gapText(status.gap) + (isBlocking ? ' ⚑' : ''),
      confidences.join(' / '),
      lastAssessed,
      String(evidence),
    ];
  });
  const out = [
    table(
      [
        { header: 'Criterion' },
        { header: 'Title', maxWidth: Math.max(20, columns - 110) },
        ...sides.map((s) => ({ header: s })),
        { header: 'Gap', align: 'right' as const },
        { header: `Conf. ${sides.join('/')}` },
        { header: 'Last assessed' },
        { header: 'Evidence', align: 'right' as const },
      ],
      rows,
      style,
    ),
    '  ⚑ blocks consensus. Ratings: 0 not met · 1 partly · 2 largely · 3 met.',
  ];
  for (const entry of entries.filter((e) => e.history.length > 0)) {
    out.push(`\n${style.paint(`${entry.criterion.id} — history`, 'bold')}`);
    for (const a of entry.history) {
      out.push(`  ${a.asOf}  ${a.party.padEnd(8)} ${style.paint(ratingText(a.rating).padEnd(12), ...ratingColour(a.rating))} conf ${a.confidence.toFixed(1)}  ${a.basis === 'public-record-estimate' ? '[estimate]' : '[official]'}`);
      out.push(style.paint(`      ${wrap(a.rationale, columns - 8, '      ')}`, 'dim'));
      out.push(style.paint(`      cites: ${[...a.statementIds, ...a.sourceIds].join(', ')}`, 'gray'));
    }
  }
  return `${out.join('\n')}\n`;
}
