/** What the dashboard offers each role (the server decides what is allowed; this only hides what would be refused). */

/** The party an assessor writes for; null when the role writes no assessments; "any" for the administrator. */
export function assessedParty(role: string): string | null {
  if (role === 'admin') return 'any';
  if (role === 'rok-assessor') return 'ROK';
  if (role === 'us-assessor') return 'US';
  if (role === 'combined-assessor') return 'combined';
  return null;
}

/** True when the role may store and review ingested articles. */
export function isEvidenceWriter(role: string): boolean {
  return role === 'admin' || role === 'analyst';
}
