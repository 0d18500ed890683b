/** Timeline: the record's events from 1950 to the as-of date on one strip and in a list, with filters and the sources of each. */
import { Choice } from '../Choice';
import { useState } from 'react';
import { CitationLink } from '../Cite';
import type { Plan, TimelineEntry } from '../types';
import { useResource } from '../useResource';

const CATEGORIES = ['origins', 'agreement', 'delay', 'plan', 'stage', 'forum', 'decision', 'position', 'legislation', 'personnel', 'exercise', 'capability'] as const;
const FIRST_YEAR = 1950;
const STRIP_W = 1000;
const STRIP_H = 64;

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as a fractional year. */
function yearOf(date: string): number {
  const [y = '0', m = '7', d = '1'] = date.split('-');
  return Number(y) + (Number(m) - 1) / 12 + (Number(d) - 1) / 365;
}

function Strip({ entries, asOf }: { readonly entries: readonly TimelineEntry[]; readonly asOf: string }) {
  const last = Number(asOf.slice(0, 4)) + 1;
  const x = (year: number) => 10 + ((year - FIRST_YEAR) / (last - FIRST_YEAR)) * (STRIP_W - 20);
  const decades = Array.from({ length: Math.floor((last - FIRST_YEAR) / 10) + 1 }, (_, i) => FIRST_YEAR + i * 10);
  return (
    <svg viewBox={`0 0 ${STRIP_W} ${STRIP_H}`} width="100%" role="img" aria-label={`${entries.length} events from ${FIRST_YEAR} to ${asOf} on a time line`}>
      <line x1={10} x2={STRIP_W - 10} y1={28} y2={28} stroke="#4a4f57" />
      {decades.map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={22} y2={34} stroke="#4a4f57" />
          <text x={x(d)} y={52} fontSize="12" textAnchor="middle">{d}</text>
        </g>
      ))}
      {entries.map((e) => (
        <circle key={e.event.id} cx={x(yearOf(e.event.date))} cy={28} r={4} fill={e.event.category === 'delay' ? '#b2182b' : e.event.category === 'decision' || e.event.category === 'agreement' ? '#1b7837' : '#1f4e9c'} fillOpacity={0.7}>
          <title>{`${e.event.date}: ${e.event.title}`}</title>
        </circle>
      ))}
    </svg>
  );
}

export function Timeline({ asOf, plan }: { readonly asOf: string; readonly plan: Plan }) {
  const [filters, setFilters] = useState({ category: '', forum: '', stage: '', search: '', from: '', to: '' });
  const [applied, setApplied] = useState(filters);
  const timeline = useResource<readonly TimelineEntry[]>('/api/timeline', { asOf, ...applied });
  const set = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <div className="stack">
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline, {FIRST_YEAR} to {asOf}</h2>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(filters);
          }}
        >
          <label>Search <input type="search" value={filters.search} onChange={(e) => set({ search: e.target.value })} /></label>
          <Choice label="Category" value={filters.category} onChange={(category) => set({ category })} options={CATEGORIES} empty="any" />
          <Choice label="Forum" value={filters.forum} onChange={(forum) => set({ forum })} options={plan.forums.map((f) => ({ value: f.id, label: f.name }))} empty="any" />
          <Choice label="Stage" value={filters.stage} onChange={(stage) => set({ stage })} options={plan.stages.map((s) => s.id)} empty="any" />
          <label>From <input value={filters.from} placeholder="YYYY or YYYY-MM-DD" size={11} onChange={(e) => set({ from: e.target.value })} /></label>
          <label>To <input value={filters.to} placeholder="YYYY or YYYY-MM-DD" size={11} onChange={(e) => set({ to: e.target.value })} /></label>
          <button type="submit">Filter</button>
        </form>
        {timeline.state === 'loading' && <p role="status">Loading the timeline…</p>}
        {timeline.state === 'failed' && <p role="alert">{timeline.error.message}{timeline.error.path === undefined ? '' : ` (${timeline.error.path})`}</p>}
        {timeline.state === 'ready' && (
          <>
            <Strip entries={timeline.value} asOf={asOf} />
            <p className="muted">{timeline.value.length} events. Red: delays; green: agreements and decisions; blue: the rest.</p>
            <ol className="events">
              {[...timeline.value].reverse().map((e) => (
                <li key={e.event.id}>
                  <span className="date">{e.event.date}</span> <span className="badge">{e.event.category}</span> <strong>{e.event.title}</strong>
                  {e.event.description === undefined ? null : <p>{e.event.description}</p>}
                  <div className="muted">
                    Sources:{' '}
                    {e.citations.map((c, i) => (
                      <span key={c.sourceId}>{i > 0 && '; '}[{c.sourceId}] <CitationLink citation={c} /></span>
                    ))}
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
