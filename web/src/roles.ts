/** What the dashboard offers a user, read from the grants the server sent with the session. */
import type { SessionUser } from './api';

/** The party the user writes assessments for: null when none, "any" for a role that may write every party's. */
export function assessedParty(user: SessionUser): string | null {
  if (!user.grants.permissions.includes('write-assessment')) return null;
  return user.grants.assessesParty ?? 'any';
}

/** True when the user may store and review ingested articles. */
export function isEvidenceWriter(user: SessionUser): boolean {
  return user.grants.permissions.includes('write-evidence');
}
