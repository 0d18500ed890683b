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

const MARKINGS: Readonly<Record<string, readonly string[]>> = {
  public: ['PUBLIC'],
  combined: ['PUBLIC', 'ROK-US'],
  ROK: ['PUBLIC', 'ROK-US', 'ROK-ONLY'],
  US: ['PUBLIC', 'ROK-US', 'US-ONLY'],
  all: ['PUBLIC', 'ROK-US', 'ROK-ONLY', 'US-ONLY'],
};

/** The markings a reader may put on a record: those they may read (the server refuses the others). */
export function writableMarkings(party: string): readonly string[] {
  return MARKINGS[party] ?? ['PUBLIC'];
}
