/** The one mapping from failure codes to HTTP statuses, and the error body every failure is sent as. */
import type { Failure, FailureCode } from '../core/common/result.js';

const STATUS: Readonly<Record<FailureCode, number>> = {
  'invalid-input': 400,
  'invalid-plan': 400,
  'invalid-dataset': 400,
  'future-date': 400,
  'not-found': 404,
  unreadable: 422,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
  cancelled: 409,
};

/** HTTP status for a failure. */
export function statusFor(code: FailureCode): number {
  return STATUS[code];
}

/** Codes the edge adds that no operation returns. */
export type EdgeCode = 'too-large' | 'rate-limited' | 'precondition-required' | 'csrf' | 'method-not-allowed' | 'route-not-found';

export interface ErrorBody {
  readonly error: {
    readonly code: FailureCode | EdgeCode;
    readonly message: string;
    readonly path?: string;
    readonly problems: readonly { readonly message: string; readonly path: string }[];
    readonly current?: unknown;
    readonly requestId?: string;
  };
}

/** The JSON body of a failure. */
export function errorBody(failure: Failure | { readonly code: EdgeCode; readonly message: string; readonly path?: string }, requestId?: string): ErrorBody {
  const problems = 'problems' in failure ? failure.problems.map((p) => ({ message: p.message, path: p.path })) : [];
  return {
    error: {
      code: failure.code,
      message: failure.message,
      ...(failure.path === undefined ? {} : { path: failure.path }),
      problems,
      ...('current' in failure && failure.current !== undefined ? { current: failure.current } : {}),
      ...(requestId === undefined ? {} : { requestId }),
    },
  };
}
