/** Conditions: every criterion with each party's rating, the gap, confidence, last assessed and evidence; a divergence heat map criterion × year; each cell opens the criterion's history and citations. */
import { useEffect, useMemo, useRef } from 'react';
import { SourceList } from '../Cite';
import { heatRow, heatYears, type HeatCell } from '../heatmap';
import { GAP_FILL, GAP_INK } from '../palette';
import type { CriterionEntry, Plan, Statement } from '../types';
import { useResource } from '../useResource';
import { useSources } from '../useSources';
import { gapText, ratingText } from '../words';


function sidesOf(plan: Plan): readonly string[] {
  return plan.parties.filter((p) => p.isJoint !== true).map((p) => p.id);
}

function HeatMap({ entries, sides, asOf, onSelect }: { readonly entries: readonly CriterionEntry[]; readonly sides: readonly string[]; readonly asOf: string; readonly onSelect: (id: string) => void }) {
  const years = useMemo(() => heatYears(entries.map((e) => e.history), asOf), [entries, asOf]);
  if (years.length === 0) return <p>No assessment is in the record by {asOf}.</p>;
  const label = (c: HeatCell) => (c.gap === null ? 'not comparable' : `gap ${(c.gap / 3).toFixed(2)}`) + ` (${sides.map((s) => `${s} ${c.ratings[s] ?? '—'}`).join(', ')})`;
  return (
    <div className="scroll">
      <table className="heat" aria-label="Divergence between the parties, criterion by year">
        <thead>
          <tr><th scope="col">Criterion</th>{years.map((y) => <th scope="col" key={y} className="num">{y}</th>)}</tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.criterion.id}>
              <th scope="row">{e.criterion.id}</th>
              {heatRow(e.history, sides, years, asOf).map((c) => (
                <td key={c.year} className="cell" style={c.gap === null ? undefined : { background: GAP_FILL[Math.min(c.gap, 3)], color: GAP_INK[Math.min(c.gap, 3)] }}>
                  <button type="button" className="cellbutton" aria-label={`${e.criterion.id} ${c.year}: ${label(c)}`} title={label(c)} onClick={() => onSelect(e.criterion.id)}>
                    {c.gap === null ? '·' : (c.gap / 3).toFixed(2)}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Each cell is the gap between the parties' ratings in force at the end of the year, as in the table above: the difference in rating steps (0 not met … 3 met) divided by three; · where fewer than two parties had rated it. Select a cell for the criterion's history.</p>
    </div>
  );
}

function History({ entry, asOf }: { readonly entry: CriterionEntry; readonly asOf: string }) {
  const sources = useSources(asOf);
  const statements = useResource<{ readonly items: readonly { readonly statement: Statement; readonly citation: { readonly outlet: string; readonly published: string | null; readonly url: string | null } }[] }>('/api/statements', { asOf, limit: 500 });
  const byId = new Map(statements.state === 'ready' ? statements.value.items.map((i) => [i.statement.id, i] as const) : []);
  const heading = useRef<HTMLHeadingElement>(null);
  // A click in the table or the heat map lands the reader (and keyboard focus) on the history.
  useEffect(() => {
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, [entry.criterion.id]);
  return (
    <section aria-labelledby="history-h" className="detail">
      <h2 id="history-h" ref={heading} tabIndex={-1}>{entry.criterion.id} — {entry.criterion.title}</h2>
      <p>{entry.criterion.description}</p>
      <p className="muted">Measure: {entry.criterion.measure} Plan sources: <SourceList ids={entry.criterion.sourceIds} sources={sources} /></p>
      {entry.history.length === 0 ? (
        <p>No party has assessed this criterion by {asOf}.</p>
      ) : (
        <table aria-label={`Assessments of ${entry.criterion.id}, oldest first`}>
          <thead>
            <tr><th scope="col">Party</th><th scope="col">As of</th><th scope="col">Rating</th><th scope="col" className="num">Confidence</th><th scope="col">Basis</th><th scope="col">Rationale</th><th scope="col">Evidence</th></tr>
          </thead>
          <tbody>
            {entry.history.map((a) => (
              <tr key={a.id}>
                <td>{a.party}</td>
                <td>{a.asOf}</td>
                <td>{ratingText(a.rating)}</td>
                <td className="num">{Math.round(a.confidence * 100)}%</td>
                <td>{a.basis === 'public-record-estimate' ? 'public-record estimate' : 'official'}{a.supersedes === undefined ? '' : ` (corrects ${a.supersedes})`}</td>
                <td>{a.rationale}</td>
                <td>
                  <ul className="evidence">
                    {a.statementIds.map((id) => {
                      const s = byId.get(id);
                      return (
                        <li key={id}>
                          {s === undefined ? id : <>“{s.statement.text}” — {s.statement.speaker ?? 'unnamed'}, {s.citation.url === null ? s.citation.outlet : <a href={s.citation.url} rel="noreferrer noopener" target="_blank">{s.citation.outlet}</a>} {s.citation.published ?? ''}</>}
                        </li>
                      );
                    })}
                    {a.sourceIds.length > 0 && <li><SourceList ids={a.sourceIds} sources={sources} /></li>}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Conditions({ asOf, plan, selected, onSelect }: { readonly asOf: string; readonly plan: Plan; readonly selected: string | null; readonly onSelect: (id: string | null) => void }) {
  const criteria = useResource<readonly CriterionEntry[]>('/api/criteria', { asOf, history: 'true' });
  const sides = sidesOf(plan);
  if (criteria.state === 'loading') return <p role="status">Loading the criteria…</p>;
  if (criteria.state === 'failed') return <p role="alert">{criteria.error.message}</p>;
  const entries = criteria.value;
  const chosen = entries.find((e) => e.criterion.id === selected);
  const last = (e: CriterionEntry) => sides.map((s) => e.status.byParty[s]?.asOf ?? null).filter((d): d is string => d !== null).sort().at(-1) ?? '—';
  return (
    <div className="stack">
      <section aria-labelledby="criteria-h">
        <h2 id="criteria-h">Criteria as of {asOf}</h2>
        <div className="scroll">
          <table aria-label="Criteria with each party's rating">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                {sides.map((s) => <th scope="col" key={s}>{s} rating</th>)}
                <th scope="col" className="num">Gap</th>
                {sides.map((s) => <th scope="col" key={s} className="num">{s} confidence</th>)}
                <th scope="col">Last assessed</th>
                <th scope="col" className="num">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {plan.conditions.map((c) => [
                <tr key={c.id} className="group"><th scope="rowgroup" colSpan={4 + sides.length * 2}>{c.id} {c.title}</th></tr>,
                ...entries.filter((e) => e.criterion.conditionId === c.id).map((e) => (
                  <tr key={e.criterion.id} className={e.criterion.id === selected ? 'selected' : undefined}>
                    <th scope="row">
                      <button type="button" className="link" onClick={() => onSelect(e.criterion.id)} aria-label={`History of ${e.criterion.id}`}>{e.criterion.id}</button> {e.criterion.title}
                      {e.isBlocking && <span className="badge">blocks consensus</span>}
                    </th>
                    {sides.map((s) => {
                      const cell = e.status.byParty[s];
                      return <td key={s} className="nowrap"><button type="button" className="link" onClick={() => onSelect(e.criterion.id)}>{ratingText(cell?.rating ?? null)}</button>{cell?.isEstimate === true ? ' †' : ''}</td>;
                    })}
                    <td className="num">{gapText(e.status.gap)}</td>
                    {sides.map((s) => <td key={s} className="num">{e.status.byParty[s]?.confidence == null ? '—' : `${Math.round((e.status.byParty[s]?.confidence ?? 0) * 100)}%`}</td>)}
                    <td>{last(e)}</td>
                    <td className="num">{sides.reduce((n, s) => n + (e.status.byParty[s]?.evidenceCount ?? 0), 0)}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </div>
        <p className="muted">† a public-record estimate: the record gives no score, and the rating is inferred from public statements (the rationale says how).</p>
      </section>
      <section aria-labelledby="heat-h">
        <h2 id="heat-h">Divergence over time</h2>
        <HeatMap entries={entries} sides={sides} asOf={asOf} onSelect={onSelect} />
      </section>
      {chosen !== undefined && <History entry={chosen} asOf={asOf} />}
    </div>
  );
}
