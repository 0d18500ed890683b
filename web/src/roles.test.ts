import { describe, expect, it } from 'vitest';
import { assessedParty, isEvidenceWriter, writableMarkings } from './roles';

describe('what the dashboard offers each role', () => {
  it('lets assessors write their own party only, and the administrator any', () => {
    expect(['admin', 'rok-assessor', 'us-assessor', 'combined-assessor', 'analyst', 'viewer'].map(assessedParty)).toEqual(['any', 'ROK', 'US', 'combined', null, null]);
    expect(isEvidenceWriter('analyst')).toBe(true);
    expect(isEvidenceWriter('rok-assessor')).toBe(false);
  });
  it('offers only the markings the reader may read', () => {
    expect(writableMarkings('ROK')).toEqual(['PUBLIC', 'ROK-US', 'ROK-ONLY']);
    expect(writableMarkings('US')).not.toContain('ROK-ONLY');
    expect(writableMarkings('combined')).toEqual(['PUBLIC', 'ROK-US']);
    expect(writableMarkings('nobody')).toEqual(['PUBLIC']);
  });
});
