import { describe, expect, it } from 'vitest';
import type { Grants, SessionUser } from './api';
import { assessedParty, isEvidenceWriter } from './roles';

const user = (grants: Partial<Grants>): SessionUser => ({ username: 'u', role: 'r', party: 'ROK', grants: { permissions: ['read'], assessesParty: null, markings: ['PUBLIC'], ...grants } });

describe('what the dashboard offers a user', () => {
  it('offers assessment entry for the granted party, any party when none is named, or not at all', () => {
    expect(assessedParty(user({ permissions: ['read', 'write-assessment'], assessesParty: 'ROK' }))).toBe('ROK');
    expect(assessedParty(user({ permissions: ['read', 'write-assessment'] }))).toBe('any');
    expect(assessedParty(user({ permissions: ['read', 'forecast'] }))).toBeNull();
  });
  it('offers ingestion review only with write-evidence', () => {
    expect(isEvidenceWriter(user({ permissions: ['read', 'write-evidence'] }))).toBe(true);
    expect(isEvidenceWriter(user({ permissions: ['read', 'write-assessment'] }))).toBe(false);
  });
});
