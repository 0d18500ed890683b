/** The one mapping from failure codes to process exit codes (documented in the README and --help). */
import type { FailureCode } from '../core/common/result.js';

export const EXIT = {
  ok: 0,
  bug: 1,
  invalidInput: 2,
  notFound: 3,
  unreadable: 4,
  conflict: 5,
  forbidden: 6,
  belowFloors: 7,
  unavailable: 8,
  auditBroken: 9,
  cancelled: 130,
} as const;

const BY_CODE: Readonly<Record<FailureCode, number>> = {
  'invalid-input': EXIT.invalidInput,
  'invalid-plan': EXIT.invalidInput,
  'invalid-dataset': EXIT.invalidInput,
  'future-date': EXIT.invalidInput,
  'not-found': EXIT.notFound,
  unreadable: EXIT.unreadable,
  conflict: EXIT.conflict,
  forbidden: EXIT.forbidden,
  unauthenticated: EXIT.forbidden,
  unavailable: EXIT.unavailable,
  cancelled: EXIT.cancelled,
};

/** Exit code for a failure. */
export function exitCodeFor(code: FailureCode): number {
  return BY_CODE[code];
}

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  internal error (a bug: please report it)
  2  invalid input: bad option value, malformed or future date, invalid plan or dataset file
  3  not found: an unknown id (condition, criterion, forum, stage)
  4  unreadable: a file or folder that does not exist or cannot be read
  5  conflict: a stale version was superseded (storage)
  6  forbidden: not allowed for this user, or not logged in
  7  below the floors: a quality metric of "ingest eval" is under its floor
  8  unavailable: a tool the command needs is not installed (e.g. Chromium for PDF)
  9  the audit log is broken: "opcon audit verify" found an altered, inserted or deleted row
  130 cancelled`;
