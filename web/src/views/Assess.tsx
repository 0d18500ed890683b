/** Assessment entry: an assessor records their party's rating of a criterion with confidence, rationale and cited evidence; a correction names the version it corrects, and a conflict shows the newer record. */
import { useState, type FormEvent } from 'react';
import { post, type ApiFailure, type SessionUser } from '../api';
import { Choice } from '../Choice';
import { assessedParty } from '../roles';
import type { Assessment, Plan, SourceCitation, Statement } from '../types';
import { useResource } from '../useResource';
import { ratingText } from '../words';

const RATINGS = [0, 1, 2, 3, 'unassessed'] as const;

interface AssessmentVersion {
  readonly assessment: Assessment;
  readonly isCurrent: boolean;
  readonly supersededBy: string | null;
}

type Outcome = { readonly kind: 'none' } | { readonly kind: 'saved'; readonly record: Assessment } | { readonly kind: 'conflict'; readonly error: ApiFailure; readonly current: Assessment } | { readonly kind: 'error'; readonly error: ApiFailure };

function EvidencePicker({ asOf, chosen, onChange }: { readonly asOf: string; readonly chosen: readonly string[]; readonly onChange: (ids: readonly string[]) => void }) {
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const found = useResource<{ readonly total: number; readonly items: readonly { readonly statement: Statement; readonly citation: SourceCitation }[] }>('/api/statements', { asOf, q: applied, limit: 20 });
  return (
    <fieldset>
      <legend>Evidence: the statements the rating rests on ({chosen.length} chosen)</legend>
      <div className="row">
        <label>Find statements <input type="search" value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); setApplied(q); } }} /></label>
        <button type="button" onClick={() => setApplied(q)}>Find</button>
      </div>
      {found.state === 'ready' && (
        <ul className="picker">
          {found.value.items.map(({ statement: s, citation: c }) => (
            <li key={s.id}>
              <label className="check">
                <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))} />{' '}
                <span>“{s.text.length > 160 ? `${s.text.slice(0, 159)}…` : s.text}” <span className="muted">— {s.speaker ?? 'unnamed'} ({s.side}), {c.outlet} {c.published ?? ''} [{s.id}]</span></span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {found.state === 'failed' && <p role="alert">{found.error.message}</p>}
    </fieldset>
  );
}

export function Assess({ asOf, plan, user }: { readonly asOf: string; readonly plan: Plan; readonly user: SessionUser }) {
  const fixed = assessedParty(user);
  const parties = fixed === 'any' ? plan.parties.map((p) => p.id) : fixed === null ? [] : [fixed];
  const [party, setParty] = useState(parties[0] ?? '');
  const [criterionId, setCriterionId] = useState(plan.criteria[0]?.id ?? '');
  const [date, setDate] = useState(asOf);
  const [rating, setRating] = useState<(typeof RATINGS)[number]>(2);
  const [confidencePct, setConfidencePct] = useState(50);
  const [basis, setBasis] = useState<'public-record-estimate' | 'official'>('public-record-estimate');
  const [rationale, setRationale] = useState('');
  const [statementIds, setStatementIds] = useState<readonly string[]>([]);
  const [releasability, setReleasability] = useState('PUBLIC');
  const [supersedes, setSupersedes] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [reload, setReload] = useState(0);
  const versions = useResource<{ readonly items: readonly AssessmentVersion[] }>(party === '' ? null : '/api/assessments', { party, criterionId }, reload);
  const current = versions.state === 'ready' ? versions.value.items.filter((v) => v.isCurrent).map((v) => v.assessment).sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0] : undefined;
  const problems: string[] = [];
  if (rationale.trim() === '') problems.push('Give the rationale for the rating.');
  if (statementIds.length === 0) problems.push('Cite at least one statement as evidence.');
  if (date > asOf) problems.push('The assessment cannot speak for a date after today.');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) return;
    const body = { party, criterionId, asOf: date, rating, confidence: confidencePct / 100, basis, rationale: rationale.trim(), statementIds, sourceIds: [], releasability, ...(supersedes === null ? {} : { supersedes }) };
    const r = await post<{ readonly record: Assessment }>('/api/assessments', body, supersedes ?? undefined);
    if (r.ok) {
      setOutcome({ kind: 'saved', record: r.value.record });
      setSupersedes(null);
      setReload((n) => n + 1);
    } else if (r.error.status === 409 && r.error.current !== undefined) {
      setOutcome({ kind: 'conflict', error: r.error, current: r.error.current as Assessment });
      setReload((n) => n + 1);
    }
    else setOutcome({ kind: 'error', error: r.error });
  };
  if (parties.length === 0) return <p role="alert">Your role ({user.role}) records no assessments.</p>;
  return (
    <div className="grid wide">
      <section aria-labelledby="assess-h">
        <h2 id="assess-h">Record an assessment</h2>
        <form onSubmit={(e) => void submit(e)} className="form" noValidate>
          <label>
            Party{' '}
            <select value={party} onChange={(e) => { setParty(e.target.value); setSupersedes(null); }} disabled={parties.length === 1}>
              {parties.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          <label>
            Criterion{' '}
            <select value={criterionId} onChange={(e) => { setCriterionId(e.target.value); setSupersedes(null); }}>
              {plan.criteria.map((c) => <option key={c.id} value={c.id}>{c.id} — {c.title}</option>)}
            </select>
          </label>
          <label>Judgement as of <input type="date" value={date} max={asOf} onChange={(e) => setDate(e.target.value)} required /></label>
          <fieldset>
            <legend>Rating</legend>
            {RATINGS.map((r) => (
              <label key={String(r)} className="check"><input type="radio" name="rating" checked={rating === r} onChange={() => setRating(r)} /> {ratingText(r)}</label>
            ))}
          </fieldset>
          <label>Confidence: {confidencePct}% <input type="range" min={0} max={100} step={5} value={confidencePct} onChange={(e) => setConfidencePct(Number(e.target.value))} /></label>
          <label>
            Basis{' '}
            <select value={basis} onChange={(e) => setBasis(e.target.value as typeof basis)}>
              <option value="public-record-estimate">public-record estimate (inferred from statements)</option>
              <option value="official">official (the party's own score)</option>
            </select>
          </label>
          <label>Rationale <textarea value={rationale} rows={4} onChange={(e) => setRationale(e.target.value)} aria-invalid={rationale.trim() === ''} required /></label>
          <EvidencePicker asOf={asOf} chosen={statementIds} onChange={setStatementIds} />
          <Choice label="Releasability" value={releasability} onChange={setReleasability} options={user.grants.markings} />
          {current !== undefined && (
            <label className="check">
              <input type="checkbox" checked={supersedes !== null} onChange={(e) => setSupersedes(e.target.checked ? current.id : null)} />{' '}
              {supersedes === null || supersedes === current.id ? `This corrects the current assessment ${current.id} (${ratingText(current.rating)}, as of ${current.asOf})` : `This corrects ${supersedes}`}
            </label>
          )}
          {problems.length > 0 && <ul className="problems" aria-label="Still needed">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          <button type="submit" disabled={problems.length > 0}>Record assessment</button>
        </form>
        <div aria-live="polite">
          {outcome.kind === 'saved' && <p role="status" className="ok">Recorded as {outcome.record.id}: {outcome.record.party} rates {outcome.record.criterionId} {ratingText(outcome.record.rating)} as of {outcome.record.asOf}.</p>}
          {outcome.kind === 'error' && <p role="alert">Not recorded: {outcome.error.message}{outcome.error.path === undefined ? '' : ` (field: ${outcome.error.path})`}</p>}
          {outcome.kind === 'conflict' && (
            <div role="alert" className="conflict">
              <p><strong>Not recorded: someone corrected this assessment first.</strong> The version you meant to correct is no longer the latest. Here is the newer record; read it, then correct that one if you still disagree.</p>
              <dl>
                <dt>Record</dt><dd>{outcome.current.id}, recorded {outcome.current.recordedAt} by {outcome.current.recordedBy}</dd>
                <dt>Rating</dt><dd>{ratingText(outcome.current.rating)}, confidence {Math.round(outcome.current.confidence * 100)}%, as of {outcome.current.asOf}</dd>
                <dt>Rationale</dt><dd>{outcome.current.rationale}</dd>
              </dl>
              <button type="button" onClick={() => { setSupersedes(outcome.current.id); setOutcome({ kind: 'none' }); }}>Correct the newer version instead</button>
            </div>
          )}
        </div>
      </section>
      <section aria-labelledby="versions-h">
        <h2 id="versions-h">{party}'s assessments of {criterionId}</h2>
        {versions.state === 'ready' && versions.value.items.length === 0 && <p>None yet.</p>}
        {versions.state === 'ready' && versions.value.items.length > 0 && (
          <table>
            <thead><tr><th scope="col">Id</th><th scope="col">As of</th><th scope="col">Rating</th><th scope="col">State</th><th scope="col">Rationale</th></tr></thead>
            <tbody>
              {versions.value.items.map((v) => (
                <tr key={v.assessment.id}>
                  <td>{v.assessment.id}</td>
                  <td>{v.assessment.asOf}</td>
                  <td>{ratingText(v.assessment.rating)}</td>
                  <td>{v.supersededBy !== null ? `corrected by ${v.supersededBy}` : v.assessment.id === current?.id ? 'latest judgement' : 'earlier judgement'}</td>
                  <td>{v.assessment.rationale}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
