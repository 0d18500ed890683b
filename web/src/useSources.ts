/** The sources the reader may see as of a date, by id, for resolving citations. */
import { useMemo } from 'react';
import type { Source } from './types';
import { useResource } from './useResource';

export function useSources(asOf: string): ReadonlyMap<string, Source> {
  const load = useResource<readonly { readonly source: Source }[]>('/api/sources', { asOf });
  return useMemo(() => new Map(load.state === 'ready' ? load.value.map((e) => [e.source.id, e.source] as const) : []), [load]);
}
