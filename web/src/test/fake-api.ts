/** A fake server for component tests: answers fetch by method and path, and records every request. */
import { vi } from 'vitest';

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

type Handler = (request: Recorded) => { readonly status: number; readonly body: unknown } | undefined;

/** Replace fetch with `handler`; unanswered requests get a 404. */
export function fakeApi(handler: Handler): Recorded[] {
  const log: Recorded[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const request: Recorded = { method: init.method ?? 'GET', url, headers: (init.headers ?? {}) as Record<string, string>, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    log.push(request);
    const answer = handler(request) ?? { status: 404, body: { error: { code: 'route-not-found', message: `no fake for ${request.method} ${url}` } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  return log;
}
