/** Evidence: statements with full-text search and filters (outlet, side, stance, condition, date), each with its citation; the sources with theirs. */
import { Choice } from '../Choice';
import { useState } from 'react';
import { CitationLink } from '../Cite';
import type { Plan, Source, SourceCitation, Statement } from '../types';
import { useResource } from '../useResource';

const PAGE = 50;
const SIDES = ['ROK', 'US', 'combined', 'other'] as const;
const STANCES = ['accelerate', 'cautious', 'neutral'] as const;

interface StatementList {
  readonly total: number;
  readonly items: readonly { readonly statement: Statement; readonly citation: SourceCitation }[];
}

const NO_FILTERS = { q: '', outlet: '', side: '', stance: '', condition: '', from: '', to: '' };

function Statements({ asOf, plan }: { readonly asOf: string; readonly plan: Plan }) {
  const [filters, setFilters] = useState(NO_FILTERS);
  const [applied, setApplied] = useState(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const list = useResource<StatementList>('/api/statements', { asOf, ...applied, limit: PAGE, offset });
  const set = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <section aria-labelledby="statements-h">
      <h2 id="statements-h">Statements</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setApplied(filters);
        }}
      >
        <label>Search <input type="search" name="q" value={filters.q} onChange={(e) => set({ q: e.target.value })} /></label>
        <label>Outlet <input value={filters.outlet} onChange={(e) => set({ outlet: e.target.value })} size={12} /></label>
        <Choice label="Side" value={filters.side} onChange={(side) => set({ side })} options={SIDES} empty="any" />
        <Choice label="Stance" value={filters.stance} onChange={(stance) => set({ stance })} options={STANCES} empty="any" />
        <Choice label="Condition" value={filters.condition} onChange={(condition) => set({ condition })} options={plan.conditions.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }))} empty="any" />
        <label>From <input value={filters.from} placeholder="YYYY[-MM[-DD]]" size={11} onChange={(e) => set({ from: e.target.value })} /></label>
        <label>To <input value={filters.to} placeholder="YYYY[-MM[-DD]]" size={11} onChange={(e) => set({ to: e.target.value })} /></label>
        <button type="submit">Search</button>
        <button type="button" onClick={() => { setFilters(NO_FILTERS); setApplied(NO_FILTERS); setOffset(0); }}>Clear</button>
      </form>
      {list.state === 'loading' && <p role="status">Searching…</p>}
      {list.state === 'failed' && <p role="alert">{list.error.message}{list.error.path === undefined ? '' : ` (${list.error.path})`}</p>}
      {list.state === 'ready' && (
        <>
          <p className="muted" aria-live="polite">{list.value.total === 0 ? 'No statement matches.' : `${offset + 1}–${offset + list.value.items.length} of ${list.value.total} statements, newest first.`}</p>
          <ul className="statements">
            {list.value.items.map(({ statement: s, citation: c }) => (
              <li key={s.id}>
                <blockquote>{s.isVerbatim ? `“${s.text}”` : `(paraphrase) ${s.text}`}</blockquote>
                <div className="muted">
                  {s.speaker ?? 'Unnamed source'}{s.role === null ? '' : `, ${s.role}`} — {[s.side, s.stance, s.saidOn ?? 'undated'].filter((x) => x !== null && x !== '').join(', ')}
                  {s.conditionIds.length + s.criterionIds.length > 0 ? ` · on ${[...s.conditionIds, ...s.criterionIds].join(', ')}` : ''}
                  {s.releasability === 'PUBLIC' ? '' : <span className="badge">{s.releasability}</span>} · [{c.sourceId}] <CitationLink citation={c} />
                </div>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Newer</button>
            <button type="button" disabled={offset + PAGE >= list.value.total} onClick={() => setOffset(offset + PAGE)}>Older</button>
          </div>
        </>
      )}
    </section>
  );
}

function Sources({ asOf }: { readonly asOf: string }) {
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const list = useResource<readonly { readonly source: Source; readonly statementCount: number; readonly citationCount: number }[]>('/api/sources', { asOf, search: applied });
  return (
    <section aria-labelledby="sources-h">
      <h2 id="sources-h">Sources</h2>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setApplied(search); }}>
        <label>Search sources <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} /></label>
        <button type="submit">Search</button>
      </form>
      {list.state === 'failed' && <p role="alert">{list.error.message}</p>}
      {list.state === 'ready' && (
        <div className="scroll tall">
          <table aria-label="Sources">
            <thead><tr><th scope="col">Id</th><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Reliability</th><th scope="col" className="num">Statements</th><th scope="col" className="num">Cited</th></tr></thead>
            <tbody>
              {[...list.value].sort((a, b) => (b.source.published ?? '').localeCompare(a.source.published ?? '')).map(({ source: s, statementCount, citationCount }) => (
                <tr key={s.id}>
                  <td>{s.id}</td>
                  <td><CitationLink citation={s} />{s.title === null ? '' : ` — ${s.title}`}{s.note == null ? null : <div className="muted">{s.note}</div>}</td>
                  <td>{s.sourceKind}</td>
                  <td>{s.reliability}</td>
                  <td className="num">{statementCount}</td>
                  <td className="num">{citationCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function Evidence({ asOf, plan }: { readonly asOf: string; readonly plan: Plan }) {
  return (
    <div className="grid wide">
      <Statements asOf={asOf} plan={plan} />
      <Sources asOf={asOf} />
    </div>
  );
}
