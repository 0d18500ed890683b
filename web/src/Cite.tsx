/** Citations: a source as "Outlet, date" linked to its URL, and lists of them by source id. */
import type { Citation, Source } from './types';

export function CitationLink({ citation }: { readonly citation: Citation }) {
  const label = `${citation.outlet}, ${citation.published ?? 'undated'}`;
  return citation.url === null ? <span>{label}</span> : <a href={citation.url} rel="noreferrer noopener" target="_blank">{label}</a>;
}

/** The sources behind a record, by id, as links; ids the reader cannot see are left out. */
export function SourceList({ ids, sources }: { readonly ids: readonly string[]; readonly sources: ReadonlyMap<string, Source> }) {
  const known = ids.flatMap((id) => {
    const s = sources.get(id);
    return s === undefined ? [] : [s];
  });
  if (known.length === 0) return <span className="muted">no source in view</span>;
  return (
    <span className="sources">
      {known.map((s, i) => (
        <span key={s.id}>
          {i > 0 && '; '}[{s.id}] <CitationLink citation={s} />
        </span>
      ))}
    </span>
  );
}
