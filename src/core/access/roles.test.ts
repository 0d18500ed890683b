import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUDIENCES, RELEASABILITY, isVisibleTo, narrowAudience } from '../common/releasability.js';
import { ROLES, ROLE_TABLE, audienceOf, checkAssessedParty, checkMarking, grantsOf, isAllowed, localActor, partyFor, type Actor } from './roles.js';

const actor = (role: Actor['role'], audience: Actor['audience'], via: Actor['via'] = 'session', scopes: Actor['scopes'] = []): Actor => ({
  kind: 'actor', name: 'u', role, audience, via, scopes,
});

describe('role table', () => {
  it('gives assessors their own party and nothing of the other side', () => {
    expect(audienceOf('rok-assessor', 'US')).toBe('ROK');
    expect(audienceOf('us-assessor', 'public')).toBe('US');
    expect(audienceOf('analyst', 'ROK')).toBe('ROK');
    expect(checkAssessedParty(actor('rok-assessor', 'ROK'), 'US').ok).toBe(false);
    expect(checkAssessedParty(actor('rok-assessor', 'ROK'), 'ROK').ok).toBe(true);
    expect(checkAssessedParty(actor('admin', 'all'), 'US').ok).toBe(true);
  });
  it('refuses a party that contradicts the role', () => {
    expect(partyFor('us-assessor', 'ROK').ok).toBe(false);
    expect(partyFor('viewer', undefined)).toEqual({ ok: true, value: 'combined' });
  });
  it('limits tokens to their scopes and local operations to the command line', () => {
    expect(isAllowed(actor('analyst', 'ROK', 'token', ['read']), 'write-evidence')).toBe(false);
    expect(isAllowed(actor('analyst', 'ROK', 'token', ['read']), 'read')).toBe(true);
    expect(isAllowed(actor('analyst', 'ROK', 'token', ['read', 'write']), 'write-evidence')).toBe(true);
    expect(isAllowed(actor('admin', 'all'), 'local')).toBe(false);
    expect(isAllowed(localActor('cli'), 'local')).toBe(true);
    for (const role of ROLES) expect(isAllowed(actor(role, 'combined'), 'manage-users')).toBe(role === 'admin');
  });
  it('lets nobody write a marking they cannot read', () => {
    for (const role of ROLES) {
      for (const marking of RELEASABILITY) {
        const a = actor(role, audienceOf(role, 'ROK'));
        expect(checkMarking(a, marking).ok).toBe(isVisibleTo(marking, a.audience));
      }
    }
    expect(ROLE_TABLE.viewer.permissions).not.toContain('write-assessment');
  });
});

describe('narrowAudience', () => {
  it('never widens what a reader sees', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AUDIENCES), fc.constantFrom(...AUDIENCES), fc.constantFrom(...RELEASABILITY), (requested, allowed, marking) => {
        const narrowed = narrowAudience(requested, allowed);
        expect(isVisibleTo(marking, narrowed)).toBe(isVisibleTo(marking, requested) && isVisibleTo(marking, allowed));
      }),
    );
    expect(narrowAudience('all', 'ROK')).toBe('ROK');
    expect(narrowAudience('US', 'ROK')).toBe('combined');
  });
});

describe('grants', () => {
  it('say what the checks allow: permissions, the assessed party, and the markings that may be written', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(...AUDIENCES), fc.constantFrom<Actor['via']>('session', 'token'), (role, audience, via) => {
        const a = actor(role, audience, via, via === 'token' ? ['read'] : []);
        const grants = grantsOf(a);
        for (const p of ['read', 'forecast', 'write-assessment', 'write-evidence', 'write-record', 'manage-users', 'audit'] as const) expect(grants.permissions.includes(p)).toBe(isAllowed(a, p));
        for (const m of RELEASABILITY) expect(grants.markings.includes(m)).toBe(checkMarking(a, m).ok);
        expect(grants.assessesParty).toBe(ROLE_TABLE[role].assessesParty);
      }),
    );
  });
});
