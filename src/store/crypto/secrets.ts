/**
 * Passwords are hashed with scrypt (a random salt per password, parameters stored with the hash so
 * they can be raised later); tokens and session ids are random and stored only as SHA-256 digests.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Secrets } from '../../app/ports.js';

const KEY_BYTES = 32;
/** N = 2^15, r = 8, p = 1: about 30 ms and 32 MiB per hash on this class of machine. */
const DEFAULT_COST = { N: 32_768, r: 8, p: 1 } as const;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The secrets port; `cost` lowers scrypt's work factor for tests only. */
export function createSecrets(cost: { readonly N: number; readonly r: number; readonly p: number } = DEFAULT_COST): Secrets {
  return {
    kind: 'secrets',
    async hashPassword(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    },
    async verifyPassword(password, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
      const expected = Buffer.from(hash, 'base64url');
      const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
    randomToken: (bytes) => randomBytes(bytes).toString('base64url'),
    digest: (text) => createHash('sha256').update(text).digest('hex'),
  };
}
