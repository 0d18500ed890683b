/** The dashboard's place in its URL: `#/<view>?asOf=YYYY-MM-DD&…`, so that a view can be bookmarked and shared. */

export const VIEWS = ['overview', 'conditions', 'forecast', 'timeline', 'decisions', 'evidence', 'assess', 'ingest'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  readonly view: View;
  readonly params: URLSearchParams;
}

/** Parse a location hash; unknown views fall back to the overview. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : 'overview';
  return { view, params: new URLSearchParams(query) };
}

/** The hash for a view and its parameters (empty values left out). */
export function formatHash(view: View, params: Readonly<Record<string, string | undefined>>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, v);
  const qs = query.toString();
  return `#/${view}${qs === '' ? '' : `?${qs}`}`;
}
