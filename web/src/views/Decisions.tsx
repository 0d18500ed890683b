/** Decisions and escalation: every decision by forum and level with its sources, the escalation ladder and each move on it. */
import { Choice } from '../Choice';
import { useState } from 'react';
import { SourceList } from '../Cite';
import type { Brief, Plan } from '../types';
import { useResource } from '../useResource';
import { useSources } from '../useSources';

export function Decisions({ asOf, plan }: { readonly asOf: string; readonly plan: Plan }) {
  const brief = useResource<Brief>('/api/brief', { asOf });
  const sources = useSources(asOf);
  const [level, setLevel] = useState('');
  const [forum, setForum] = useState('');
  if (brief.state === 'loading') return <p role="status">Loading the decisions…</p>;
  if (brief.state === 'failed') return <p role="alert">{brief.error.message}</p>;
  const { decisions, escalation } = brief.value.picture;
  const levels = [...new Set(plan.forums.map((f) => f.level))];
  const shown = decisions.filter((d) => (level === '' || d.level === level) && (forum === '' || d.forumId === forum));
  const forums = plan.forums.filter((f) => shown.some((d) => d.forumId === f.id));
  return (
    <div className="stack">
      <section aria-labelledby="escalation-h">
        <h2 id="escalation-h">Escalation</h2>
        <ol className="ladder" aria-label="Escalation levels, lowest first">
          {plan.escalationLevels.map((l) => (
            <li key={l} aria-current={l === escalation.level ? 'step' : undefined} className={l === escalation.level ? 'current' : undefined}>{l}{l === escalation.level ? (escalation.isOpen ? ' — an item is open here' : ' — current level') : ''}</li>
          ))}
        </ol>
        <table aria-label="Escalation records, newest first">
          <thead><tr><th scope="col">Date</th><th scope="col">Item</th><th scope="col">Move</th><th scope="col">Forum</th><th scope="col">Outcome</th><th scope="col">Sources</th></tr></thead>
          <tbody>
            {escalation.records.map((e) => (
              <tr key={e.id}>
                <td>{e.date}</td>
                <td>{e.item}{e.description === undefined ? null : <div className="muted">{e.description}</div>}</td>
                <td>{e.fromLevel} → {e.toLevel}</td>
                <td>{plan.forums.find((f) => f.id === e.forumId)?.name ?? e.forumId ?? '—'}</td>
                <td>{e.outcome}</td>
                <td><SourceList ids={e.sourceIds ?? []} sources={sources} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="decisions-h">
        <h2 id="decisions-h">Decisions by forum</h2>
        <div className="filters">
          <Choice label="Level" value={level} onChange={setLevel} options={levels} empty="any" />
          <Choice label="Forum" value={forum} onChange={setForum} options={plan.forums.map((f) => ({ value: f.id, label: f.name }))} empty="any" />
          <span className="muted">{shown.length} of {decisions.length} decisions</span>
        </div>
        {forums.map((f) => (
          <article key={f.id} aria-labelledby={`forum-${f.id}`} className="forum">
            <h3 id={`forum-${f.id}`}>{f.name} <span className="badge">{f.level}</span></h3>
            {f.role === undefined ? null : <p className="muted">{f.role}</p>}
            <ul>
              {shown.filter((d) => d.forumId === f.id).map((d) => (
                <li key={d.id}>
                  <span className="date">{d.date}</span> <strong>{d.title}</strong> <span className="badge">{d.level}</span>
                  <p>{d.decided}</p>
                  <div className="muted">Sources: <SourceList ids={d.sourceIds} sources={sources} /></div>
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
    </div>
  );
}
