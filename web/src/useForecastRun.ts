/** A forecast run in the background on the server: start it, follow its progress, cancel it. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { del, get, post, type ApiFailure } from './api';
import type { ForecastRunView } from './types';

const POLL_MS = 250;

export type RunState = { readonly state: 'idle' } | { readonly state: 'failed'; readonly error: ApiFailure | NonNullable<ForecastRunView['error']> } | { readonly state: 'run'; readonly view: ForecastRunView };

export function useForecastRun(): { readonly run: RunState; readonly start: (input: unknown) => void; readonly cancel: () => void } {
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  const current = useRef<string | null>(null);
  const stopPolling = () => {
    if (timer.current !== undefined) window.clearTimeout(timer.current);
    timer.current = undefined;
  };
  useEffect(() => stopPolling, []);
  const poll = useCallback((id: string) => {
    timer.current = window.setTimeout(() => {
      void get<ForecastRunView>(`/api/forecast-runs/${id}`, {}).then((r) => {
        if (current.current !== id) return;
        if (!r.ok) return setRun({ state: 'failed', error: r.error });
        if (r.value.status === 'failed' && r.value.error !== null) return setRun({ state: 'failed', error: r.value.error });
        setRun({ state: 'run', view: r.value });
        if (r.value.status === 'running') poll(id);
      });
    }, POLL_MS);
  }, []);
  const start = useCallback(
    (input: unknown) => {
      stopPolling();
      void post<ForecastRunView>('/api/forecast-runs', input).then((r) => {
        if (!r.ok) return setRun({ state: 'failed', error: r.error });
        current.current = r.value.id;
        setRun({ state: 'run', view: r.value });
        poll(r.value.id);
      });
    },
    [poll],
  );
  const cancel = useCallback(() => {
    const id = current.current;
    if (id === null) return;
    stopPolling();
    void del<ForecastRunView>(`/api/forecast-runs/${id}`).then((r) => {
      if (r.ok) setRun({ state: 'run', view: r.value });
      // The run stops between blocks; one more look shows it cancelled.
      poll(id);
    });
  }, [poll]);
  return { run, start, cancel };
}
