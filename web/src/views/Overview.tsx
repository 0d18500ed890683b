/** The overview: stages and gates, the three conditions per party, divergence, key dates with the forecast, decisions and escalation, what changed since, latest statements. */
import { useMemo, useState } from 'react';
import { SCurve, viewSeries } from '../charts/SCurve';
import { CitationLink } from '../Cite';
import { addDays } from '../dates';
import type { Brief, Forecast, RecordChanges } from '../types';
import { useResource, type Load } from '../useResource';
import { gapText, percentText, ratingText, readinessText } from '../words';

/** Enough for probabilities to about ±1 point (2 SE) at the overview's speed (the reports run 20 000). */
const OVERVIEW_ITERATIONS = 10_000;

function Stages({ brief }: { readonly brief: Brief }) {
  const p = brief.picture;
  return (
    <section aria-labelledby="stages-h">
      <h2 id="stages-h">Stages and gates</h2>
      <ol className="stages">
        {p.stages.map((s) => (
          <li key={s.stageId} className={s.isComplete ? 'stage done' : s.stageId === p.currentStageId ? 'stage current' : 'stage'}>
            <h3>
              {s.isComplete ? '✓ ' : s.stageId === p.currentStageId ? '▶ ' : ''}
              {s.stageId} <span className="muted">{s.isComplete ? 'complete' : s.phase === null ? 'not started' : `${s.phase} ${s.state}`}</span>
            </h3>
            <table>
              <thead>
                <tr><th scope="col">Sub-step</th><th scope="col">State</th><th scope="col">Planned</th><th scope="col">Slips</th></tr>
              </thead>
              <tbody>
                {s.substeps.map((x) => (
                  <tr key={x.substep}>
                    <td>{x.substep}</td>
                    <td>{x.state}{x.recordDate === null ? '' : ` ${x.recordDate}`}</td>
                    <td>{x.plannedDate ?? 'no date set'}{x.originalPlannedDate !== null && x.originalPlannedDate !== x.plannedDate ? ` (first ${x.originalPlannedDate})` : ''}</td>
                    <td>{x.slips.length === 0 ? '—' : `${x.slips.length}×${x.slipDays ? `, +${x.slipDays} days` : ''}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!s.isComplete && <p className="muted">{s.criteriaCheck.isPassed ? 'Criteria gate passes on the current ratings.' : `Criteria gate: ${s.criteriaCheck.blocking.length} rating(s) below the bar.`}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Conditions({ brief }: { readonly brief: Brief }) {
  const p = brief.picture;
  return (
    <section aria-labelledby="conditions-h">
      <h2 id="conditions-h">Conditions — readiness as each party sees it</h2>
      <table>
        <thead>
          <tr><th scope="col">Condition</th>{p.sides.map((s) => <th scope="col" key={s}>{s}</th>)}<th scope="col">Consensus</th><th scope="col" className="num">Gap</th></tr>
        </thead>
        <tbody>
          {p.conditions.map((c) => (
            <tr key={c.conditionId}>
              <th scope="row">{c.conditionId} {c.title}</th>
              {p.sides.map((s) => <td key={s}>{readinessText(c.byParty[s])}</td>)}
              <td>{c.consensus.metCount}/{c.consensus.criteriaCount} met</td>
              <td className="num">{gapText(c.divergence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Plan-level gap <strong>{gapText(p.divergence.plan)}</strong>
        {p.divergence.trend.delta === null ? '' : ` (${p.divergence.trend.delta > 0 ? 'wider' : 'narrower'} by ${Math.abs(p.divergence.trend.delta).toFixed(2)} since ${p.divergence.trend.comparedTo})`}.
      </p>
      {p.divergence.blocking.length > 0 && (
        <table aria-label="Criteria that block consensus">
          <thead>
            <tr><th scope="col">Blocking criterion</th>{p.sides.map((s) => <th scope="col" key={s}>{s}</th>)}<th scope="col">Why</th></tr>
          </thead>
          <tbody>
            {p.divergence.blocking.map((b) => (
              <tr key={b.criterionId}>
                <td>{b.criterionId}</td>
                {p.sides.map((s) => <td key={s}>{ratingText(b.ratings[s] ?? null)}</td>)}
                <td>{b.reason === 'split-on-met' ? 'one side says met' : b.reason === 'gap' ? 'ratings differ' : 'only one side has assessed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function KeyDates({ brief, forecast }: { readonly brief: Brief; readonly forecast: Load<Forecast> }) {
  const p = brief.picture;
  const runs = forecast.state === 'ready' ? forecast.value.runs.filter((r) => r.scenario === null) : [];
  const series = useMemo(() => (forecast.state === 'ready' ? viewSeries(forecast.value) : []), [forecast]);
  return (
    <section aria-labelledby="dates-h">
      <h2 id="dates-h">Key dates and the forecast</h2>
      <table>
        <thead>
          <tr><th scope="col">Date</th><th scope="col">What</th><th scope="col" className="num">Days left</th>{runs.map((r) => <th scope="col" className="num" key={r.view}>P(by) {r.view}</th>)}</tr>
        </thead>
        <tbody>
          {p.keyDates.map((k) => (
            <tr key={k.id}>
              <td>{k.date}</td>
              <td>{k.label}</td>
              <td className="num">{k.daysLeft}</td>
              {runs.map((r) => {
                const prob = r.run.final.probabilities.find((x) => x.date === k.date);
                return <td className="num" key={r.view}>{prob === undefined ? '—' : percentText(prob.probability)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {forecast.state === 'loading' && <p role="status">Running the forecast…</p>}
      {forecast.state === 'failed' && <p role="alert">Forecast: {forecast.error.message}</p>}
      {forecast.state === 'ready' && (
        <>
          <SCurve series={series} keyDates={p.keyDates} />
          <p className="muted">
            P50 / P80 per view: {runs.map((r) => `${r.view}: ${r.run.final.quantiles.find((q) => q.percentile === 50)?.date ?? '—'} / ${r.run.final.quantiles.find((q) => q.percentile === 80)?.date ?? '—'}`).join(' · ')}. Seed {forecast.value.seed},{' '}
            {runs[0]?.run.iterations ?? 0} iterations per view; the durations are the plan's assumptions applied to public-record estimates.
          </p>
        </>
      )}
    </section>
  );
}

function Decisions({ brief }: { readonly brief: Brief }) {
  const esc = brief.picture.escalation;
  return (
    <section aria-labelledby="decisions-h">
      <h2 id="decisions-h">Decisions and escalation</h2>
      <p>Escalation level: <strong>{esc.level}</strong>{esc.isOpen ? ` — open since ${esc.records.find((e) => e.outcome === 'pending')?.date ?? '?'}: ${esc.records.find((e) => e.outcome === 'pending')?.item ?? ''}` : ' — nothing open'}.</p>
      <ul>
        {brief.picture.decisions.slice(0, 6).map((d) => (
          <li key={d.id}><span className="date">{d.date}</span> {d.forumId} ({d.level}): {d.title}</li>
        ))}
      </ul>
    </section>
  );
}

function Statements({ brief }: { readonly brief: Brief }) {
  return (
    <section aria-labelledby="statements-h">
      <h2 id="statements-h">Latest statements</h2>
      <ul className="statements">
        {brief.picture.recentStatements.map(({ statement: s, citation: c }) => (
          <li key={s.id}>
            <blockquote>{s.isVerbatim ? `“${s.text}”` : `(paraphrase) ${s.text}`}</blockquote>
            <div className="muted">
              {s.speaker ?? 'Unnamed source'} — {s.side}, {s.saidOn ?? 'undated'} · <CitationLink citation={c} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

const MOVE_WORDS: Readonly<Record<string, string>> = { raised: 'raised', lowered: 'lowered', first: 'first rated', reaffirmed: 'reaffirmed', 'now-unassessed': 'now unassessed', 'now-rated': 'now rated' };

function Changes({ asOf }: { readonly asOf: string }) {
  // The server's default is the same 90 days; a date not before the as-of date falls back to it.
  const [since, setSince] = useState(() => addDays(asOf, -90));
  const changes = useResource<RecordChanges>('/api/changes', { asOf, since: since < asOf ? since : undefined });
  return (
    <section aria-labelledby="changes-h">
      <h2 id="changes-h">What changed since</h2>
      <label>Since <input type="date" name="since" value={since} max={asOf} min="1950-01-01" onChange={(e) => setSince(e.target.value)} /></label>
      {changes.state === 'loading' && <p role="status">Loading the changes…</p>}
      {changes.state === 'failed' && <p role="alert">{changes.error.message}</p>}
      {changes.state === 'ready' && (
        <>
          <p className="muted">
            {changes.value.since} to {changes.value.asOf}: {changes.value.sources.length} sources, {changes.value.statements.length} statements, {changes.value.assessments.length} assessments, {changes.value.decisions.length} decisions, {changes.value.escalations.length} escalations, {changes.value.gateRecords.length} gate records, {changes.value.events.length} events entered the record.
          </p>
          {changes.value.assessments.length > 0 && (
            <table aria-label="Assessment changes">
              <thead><tr><th scope="col">Party</th><th scope="col">Criterion</th><th scope="col">Move</th><th scope="col">Before</th><th scope="col">Now</th></tr></thead>
              <tbody>
                {changes.value.assessments.map((a) => (
                  <tr key={a.after.id}>
                    <td>{a.party}</td>
                    <td>{a.subjectId}</td>
                    <td>{MOVE_WORDS[a.move] ?? a.move}</td>
                    <td>{a.before === null ? '—' : `${ratingText(a.before.rating)}, ${a.before.asOf}`}</td>
                    <td>{ratingText(a.after.rating)}, {a.after.asOf}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ul>
            {[...changes.value.decisions.map((d) => ({ id: d.id, date: d.date, text: `Decision (${d.forumId}, ${d.level}): ${d.title}` })), ...changes.value.escalations.map((e) => ({ id: e.id, date: e.date, text: `Escalation ${e.fromLevel} → ${e.toLevel}: ${e.item} (${e.outcome})` })), ...changes.value.gateRecords.map((g) => ({ id: g.id, date: g.date, text: `${g.stageId} ${g.substep} ${g.status}: ${g.description}` }))]
              .sort((x, y) => (x.date < y.date ? 1 : -1))
              .map((x) => <li key={x.id}><span className="date">{x.date}</span> {x.text}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

export function Overview({ asOf }: { readonly asOf: string }) {
  const brief = useResource<Brief>('/api/brief', { asOf });
  const forecast = useResource<Forecast>('/api/forecast', { asOf, iterations: OVERVIEW_ITERATIONS });
  if (brief.state === 'loading') return <p role="status">Loading the picture…</p>;
  if (brief.state === 'failed') return <p role="alert">{brief.error.message}</p>;
  const b = brief.value;
  return (
    <div className="overview">
      <p className="lede">
        {b.plan.title} · as of <strong>{b.picture.scope.asOf}</strong> · record current to {b.dataset.currentTo} · {b.picture.counts.sources} sources, {b.picture.counts.statements} statements, {b.picture.counts.assessments} current assessments in view
        {b.isBeyondRecord ? ' · nothing after the record\'s last date is in it: the picture is the last known one' : ''}.
      </p>
      <div className="grid">
        <Conditions brief={b} />
        <Stages brief={b} />
        <KeyDates brief={b} forecast={forecast} />
        <Decisions brief={b} />
        <Changes key={asOf} asOf={asOf} />
        <Statements brief={b} />
      </div>
    </div>
  );
}
