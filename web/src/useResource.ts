/** Loading a resource from the API as React state: a newer query cancels the older request. */
import { useEffect, useState } from 'react';
import { get, type ApiFailure } from './api';

export type Load<T> = { readonly state: 'loading' } | { readonly state: 'failed'; readonly error: ApiFailure } | { readonly state: 'ready'; readonly value: T };

/** Fetch `path` whenever its query (or `reload`) changes; `path` null waits. */
export function useResource<T>(path: string | null, query: Readonly<Record<string, string | number | undefined>>, reload = 0): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const key = JSON.stringify(query);
  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    get<T>(path, JSON.parse(key) as Record<string, string>, controller.signal)
      .then((r) => setLoad(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'failed', error: { status: 0, code: 'network', message: String(error) } });
      });
    return () => controller.abort();
  }, [path, key, reload]);
  return load;
}
