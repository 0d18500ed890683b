/** Ingestion storage for people: what `ingest add` stored, the review queue, and review outcomes. */
import type { AddReport } from '../../app/operations/ingest-add.js';
import type { AcceptReport, ReviewItem, ReviewReport } from '../../app/operations/ingest-review.js';
import { wrap, type Style } from './style.js';

/** One line per article: added (with its proposals), stored before (and how it was recognised), or refused. */
export function renderAdd(r: AddReport, style: Style): string {
  const out: string[] = [];
  for (const item of r.items) {
    const a = item.added;
    if (item.status === 'added' && a !== null) {
      const ids = a.proposalIds.length === 0 ? 'no quotes to review' : `${a.proposalIds.length} proposed statement(s): ${a.proposalIds.join(', ')}`;
      out.push(`${style.paint('added', 'green')} ${item.file} as ${a.document.id}: ${ids}`);
    } else if (item.status === 'stored-before' && a !== null) {
      out.push(`${style.paint('stored before', 'yellow')} ${item.file}: same ${a.matchedBy === 'url' ? 'URL' : 'text'} as ${a.document.id} (${a.document.file}); nothing new stored`);
    } else {
      out.push(`${style.paint('refused', 'red')} ${item.error?.message ?? item.file}`);
    }
  }
  const c = r.counts;
  if (r.isFolder) out.push('', `${c.added} added (${c.proposals} proposed statements), ${c.storedBefore} stored before, ${c.refused} refused`);
  if (c.proposals > 0) out.push(`review them with: opcon ingest list --status pending`);
  return `${out.join('\n')}\n`;
}

function describe(item: ReviewItem, style: Style, columns: number): string[] {
  const f = item.fields;
  const p = item.proposal;
  const d = item.document;
  const who = `${f.speaker ?? 'unattributed'}${f.role !== null && f.role !== f.speaker ? `, ${f.role}` : ''}`;
  const status = item.status === 'accepted' ? style.paint('accepted', 'green') : item.status === 'rejected' ? style.paint('rejected', 'red') : style.paint('pending', 'yellow');
  const out = [
    `${style.paint(`#${item.id}`, 'bold')} ${status}${item.isEdited ? ' (edited)' : ''}  ${style.paint(who, 'cyan')} [${f.side}]  stance ${f.stance ?? '—'}  confidence ${p.confidence.toFixed(2)}`,
    `    “${wrap(f.text, columns - 6, '     ')}”`,
    `    in: ${wrap(p.context, columns - 10, '        ')}`,
  ];
  if (p.stanceEvidence !== null) out.push(`    stance evidence: “${p.stanceEvidence}”`);
  const facts = [
    p.conditions.length > 0 ? `conditions ${p.conditions.join(', ')}` : '',
    p.forums.length > 0 ? `forums ${p.forums.join(', ')}` : '',
    p.dates.length > 0 ? `dates ${p.dates.map((t) => `${t.normalized} (“${t.expression}”)`).join(', ')}` : '',
  ].filter((x) => x !== '');
  if (facts.length > 0) out.push(`    ${facts.join('; ')}`);
  out.push(`    from ${d.title ?? d.file}${d.outlet === null ? '' : `, ${d.outlet}`}, ${d.published ?? 'undated'}${d.url === null ? '' : ` <${d.url}>`}`);
  const decision = item.decision?.decision;
  if (decision?.action === 'accept') out.push(`    accepted ${decision.recordedAt} as statement ${decision.statementId ?? '?'}`);
  if (decision?.action === 'reject') out.push(`    rejected ${decision.recordedAt}${decision.reason === undefined ? '' : `: ${decision.reason}`}`);
  return out;
}

/** The review queue, one block per proposal. */
export function renderReviewList(items: readonly ReviewItem[], style: Style, columns: number): string {
  if (items.length === 0) return 'no proposals (add articles with: opcon ingest add FILE|FOLDER)\n';
  return `${items.map((item) => describe(item, style, columns).join('\n')).join('\n\n')}\n\n${items.length} proposal(s)\n`;
}

/** The outcome of an edit or a rejection. */
export function renderReviewed(r: ReviewReport, style: Style, columns: number): string {
  return `${describe(r.item, style, columns).join('\n')}\n`;
}

/** What an accept wrote into the record. */
export function renderAccepted(r: AcceptReport, style: Style): string {
  const s = r.statement;
  const links = [s.conditionIds.length > 0 ? `conditions ${s.conditionIds.join(', ')}` : '', s.criterionIds.length > 0 ? `criteria ${s.criterionIds.join(', ')}` : '', s.forumIds.length > 0 ? `forums ${s.forumIds.join(', ')}` : '']
    .filter((x) => x !== '')
    .join('; ');
  return [
    `${style.paint('accepted', 'green')} proposal ${r.id} as statement ${s.id}${s.isVerbatim ? '' : ' (paraphrase: the edited text is not in the article)'}`,
    `  ${s.speaker ?? 'unattributed'} [${s.side}], stance ${s.stance ?? '—'}, said on ${s.saidOn ?? 'an unknown date'}${links === '' ? '' : `; ${links}`}`,
    `  source ${r.source.id} (${r.source.outlet}, grade ${r.source.reliability})${r.isSourceNew ? ', new' : ', already in the record'}`,
    '',
  ].join('\n');
}
