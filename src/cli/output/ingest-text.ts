/** Ingestion results for people: the extracted evidence of one article, and the evaluation scores. */
import type { ExtractionResult } from '../../app/operations/ingest-extract.js';
import type { EvalReport } from '../../app/operations/ingest-eval.js';
import { table, wrap, type Style } from './style.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The evidence extracted from one article, section by section. */
export function renderExtraction(r: ExtractionResult, style: Style, columns: number): string {
  const out: string[] = [];
  const s = r.source;
  out.push(`${style.paint(s.title ?? s.file, 'bold')}`);
  out.push(`  ${s.format}, ${s.characters} characters; published ${s.published ?? 'unknown (relative dates not resolved)'}${s.outlet ? `; ${s.outlet}` : ''}`);
  const section = (title: string, n: number) => out.push('', style.paint(`${title} (${n})`, 'bold'));
  section('QUOTES', r.quotes.length);
  for (const q of r.quotes) {
    out.push(`  ${style.paint(q.speaker ?? q.role ?? 'unattributed', 'cyan')} [${q.side}]${q.role && q.speaker ? `, ${q.role}` : ''}`);
    out.push(`    “${wrap(q.text, columns - 6, '     ')}”`);
  }
  section('TIMELINE TARGETS', r.timeline_targets.length);
  if (r.timeline_targets.length > 0) {
    out.push(table([{ header: 'value' }, { header: 'kind' }, { header: 'holder' }, { header: 'expression', maxWidth: columns - 40 }], r.timeline_targets.map((t) => [t.normalized, t.kind, t.holder, t.expression]), style));
  }
  section('CONDITIONS', r.conditions_mentioned.length);
  for (const c of r.evidence.conditions) out.push(`  ${c.condition}: “${c.evidence}”`);
  section('STANCES', r.stances.length);
  for (const st of r.stances) out.push(`  ${st.side} ${style.paint(st.stance, 'yellow')}: “${wrap(st.evidence, columns - 20, '    ')}”`);
  section('FORUMS', r.forums.length);
  for (const f of r.evidence.forums) out.push(`  ${f.forum}: “${f.evidence}”`);
  section('EVENTS', r.events.length);
  for (const e of r.events) out.push(`  ${e.date}  “${wrap(e.evidence, columns - 16, '              ')}”`);
  if (r.warnings.length > 0) {
    section('WARNINGS', r.warnings.length);
    for (const w of r.warnings) out.push(`  at character ${w.at}: ${w.message}`);
  }
  return `${out.join('\n')}\n`;
}

/** Scores per label, the floors and whether they hold. */
export function renderEval(r: EvalReport, style: Style): string {
  const prfRow = (name: string, p: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) => [name, pct(p.precision), pct(p.recall), pct(p.f1), `${p.tp}/${p.fp}/${p.fn}`];
  const rows = [
    prfRow('quotes', r.quotes),
    prfRow('timeline', r.timeline),
    prfRow('conditions', r.conditions),
    prfRow('stances', r.stances),
    prfRow('forums', r.forums),
    prfRow('events', r.events),
  ];
  const accuracies = [
    ['speaker (matched quotes)', pct(r.speaker.accuracy), `${r.speaker.correct}/${r.speaker.total}`],
    ['side (matched quotes)', pct(r.side.accuracy), `${r.side.correct}/${r.side.total}`],
    ['stance (per document and side)', pct(r.stances.accuracy), ''],
  ];
  const floors = Object.entries(r.floors).map(([metric, floor]) => {
    const value = r.metrics[metric as keyof typeof r.metrics];
    return [metric, pct(value), pct(floor), value >= floor ? style.paint('ok', 'green') : style.paint('BELOW', 'red', 'bold')];
  });
  return [
    `${style.paint('ingest eval', 'bold')} ${r.folder}: ${r.documents} documents`,
    '',
    table([{ header: 'label' }, { header: 'precision', align: 'right' }, { header: 'recall', align: 'right' }, { header: 'F1', align: 'right' }, { header: 'tp/fp/fn', align: 'right' }], rows, style),
    '',
    table([{ header: 'accuracy' }, { header: 'value', align: 'right' }, { header: 'n', align: 'right' }], accuracies, style),
    '',
    table([{ header: 'metric' }, { header: 'value', align: 'right' }, { header: 'floor', align: 'right' }, { header: '' }], floors, style),
    '',
    r.isPassing ? style.paint('all floors met', 'green') : style.paint(`${r.failures.length} metric(s) below their floor`, 'red', 'bold'),
    '',
  ].join('\n');
}
