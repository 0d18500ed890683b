/**
 * The API's routes over the operation registry: each names its method, path, operation, where its
 * input comes from and the status of success. The HTTP app, the OpenAPI document and the
 * authorization tests are all generated from this one table.
 */
import type { z } from 'zod';
import type { Operation } from '../app/operation.js';
import { operations } from '../app/registry.js';

export type Method = 'get' | 'post' | 'delete';

export interface Route {
  readonly kind: 'route';
  readonly method: Method;
  /** Hono path syntax (`:id` for a path parameter). */
  readonly path: string;
  readonly operation: Operation<z.ZodType, unknown>;
  /** Where the input comes from: the query string, or the JSON body (path parameters are added to either). */
  readonly input: 'query' | 'body';
  readonly successStatus: 200 | 201 | 202;
  /** Singular query parameters that fill a list field (`scenario` → `scenarios`). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Fixed input the route adds (e.g. `isDisabled`). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** A superseding write: the version corrected comes in `If-Match`. */
  readonly isVersioned?: boolean;
  /** The response is the operation's text (an export), not JSON. */
  readonly textType?: string;
  /** GET responses that may be cached until the next write. */
  readonly isCacheable?: boolean;
  readonly tag: string;
}

function route(method: Method, path: string, operation: Operation<z.ZodType, unknown>, tag: string, extra: Partial<Omit<Route, 'kind' | 'method' | 'path' | 'operation' | 'tag'>> = {}): Route {
  return {
    kind: 'route',
    method,
    path,
    operation,
    tag,
    input: method === 'get' || method === 'delete' ? 'query' : 'body',
    successStatus: method === 'post' && operation.isWrite ? 201 : 200,
    ...extra,
  };
}

const op = <I extends z.ZodType, O>(operation: Operation<I, O>) => operation as unknown as Operation<z.ZodType, unknown>;

/** Every operation route. Session, health, forecast-run, report and docs routes are added by the app. */
export const ROUTES: readonly Route[] = [
  route('get', '/api/plan', op(operations.plan), 'plan', { isCacheable: true }),
  route('get', '/api/plan/schema', op(operations.planSchema), 'plan', { isCacheable: true }),
  route('get', '/api/brief', op(operations.brief), 'picture', { isCacheable: true }),
  route('get', '/api/changes', op(operations.changes), 'picture', { isCacheable: true }),
  route('get', '/api/criteria', op(operations.criteria), 'picture', { isCacheable: true }),
  route('get', '/api/timeline', op(operations.timeline), 'record', { isCacheable: true }),
  route('get', '/api/sources', op(operations.sources), 'record', { isCacheable: true }),
  route('get', '/api/statements', op(operations.statements), 'record', { isCacheable: true }),
  route('get', '/api/assessments', op(operations.assessments), 'record', { isCacheable: true }),
  route('get', '/api/forecast', op(operations.forecast), 'forecast', { isCacheable: true, aliases: { scenario: 'scenarios', date: 'dates' } }),
  route('get', '/api/export', op(operations.export), 'record', { textType: 'application/json' }),
  route('post', '/api/assessments', op(operations.recordAssessment), 'record', { isVersioned: true }),
  route('post', '/api/sources', op(operations.recordSource), 'record', { isVersioned: true }),
  route('post', '/api/statements', op(operations.recordStatement), 'record', { isVersioned: true }),
  route('post', '/api/events', op(operations.recordEvent), 'record', { isVersioned: true }),
  route('post', '/api/gate-records', op(operations.recordGateRecord), 'record', { isVersioned: true }),
  route('post', '/api/decisions', op(operations.recordDecision), 'record', { isVersioned: true }),
  route('post', '/api/escalations', op(operations.recordEscalation), 'record', { isVersioned: true }),
  route('post', '/api/ingest/documents', op(operations.ingestAddText), 'ingestion'),
  route('get', '/api/ingest/documents/:id', op(operations.ingestDocument), 'ingestion'),
  route('get', '/api/ingest/proposals', op(operations.ingestList), 'ingestion'),
  route('post', '/api/ingest/proposals/:id/edit', op(operations.ingestEdit), 'ingestion'),
  route('post', '/api/ingest/proposals/:id/accept', op(operations.ingestAccept), 'ingestion'),
  route('post', '/api/ingest/proposals/:id/reject', op(operations.ingestReject), 'ingestion'),
  route('get', '/api/users', op(operations.userList), 'accounts'),
  route('post', '/api/users', op(operations.userAdd), 'accounts'),
  route('post', '/api/users/:username/disable', op(operations.userDisable), 'accounts', { fixed: { isDisabled: true }, successStatus: 200 }),
  route('post', '/api/users/:username/enable', op(operations.userDisable), 'accounts', { fixed: { isDisabled: false }, successStatus: 200 }),
  route('post', '/api/users/:username/reset-password', op(operations.userResetPassword), 'accounts', { successStatus: 200 }),
  route('get', '/api/tokens', op(operations.tokenList), 'accounts'),
  route('post', '/api/tokens', op(operations.tokenCreate), 'accounts'),
  route('delete', '/api/tokens/:id', op(operations.tokenRevoke), 'accounts'),
  route('get', '/api/audit', op(operations.auditList), 'audit'),
  route('get', '/api/audit/verify', op(operations.auditVerify), 'audit'),
];

/** The OpenAPI form of a Hono path: `/a/:id` → `/a/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** The names of a path's parameters. */
export function pathParams(path: string): readonly string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
}
