import { describe, expect, it } from 'vitest';
import { ok } from '../core/common/result.js';
import type { LedgerDatabase } from '../app/ports.js';
import { createAuditHead } from './audit-head.js';

/** A database whose audit head is `seq`, counting reads; `during` runs inside a read. */
function fakeDatabase(state: { seq: number; reads: number; during?: () => void }) {
  const database = {
    auditHead: async () => {
      state.reads++;
      const seq = state.seq;
      state.during?.();
      return { seq, hash: 'h' };
    },
  } as unknown as LedgerDatabase;
  return { database: async () => ok(database) };
}

describe('the audit head as the server knows it', () => {
  it('is read at most once per maxAgeMs, and again once it is older', async () => {
    const state = { seq: 7, reads: 0 };
    let nowMs = 1_000;
    const head = createAuditHead(fakeDatabase(state), 100, () => nowMs);
    expect(await head.seq()).toEqual(ok(7));
    state.seq = 8; // a write by another process
    nowMs += 99;
    expect(await head.seq()).toEqual(ok(7));
    expect(state.reads).toBe(1);
    nowMs += 1;
    expect(await head.seq()).toEqual(ok(8));
    expect(state.reads).toBe(2);
  });
  it('is read again at once after this server writes', async () => {
    const state = { seq: 1, reads: 0 };
    const head = createAuditHead(fakeDatabase(state), 60_000, () => 0);
    expect(await head.seq()).toEqual(ok(1));
    state.seq = 2;
    head.invalidate();
    expect(await head.seq()).toEqual(ok(2));
    expect(state.reads).toBe(2);
  });
  it('does not keep a head read while a write of this server finished', async () => {
    const state: { seq: number; reads: number; during?: () => void } = { seq: 1, reads: 0 };
    const head = createAuditHead(fakeDatabase(state), 60_000, () => 0);
    state.during = () => {
      state.seq = 2;
      head.invalidate();
    };
    expect(await head.seq()).toEqual(ok(1));
    state.during = undefined;
    expect(await head.seq()).toEqual(ok(2));
  });
  it('reads on every call when maxAgeMs is 0', async () => {
    const state = { seq: 3, reads: 0 };
    const head = createAuditHead(fakeDatabase(state), 0, () => 5);
    await head.seq();
    await head.seq();
    expect(state.reads).toBe(2);
  });
});
