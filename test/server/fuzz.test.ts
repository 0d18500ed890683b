// Every route fuzzed with malformed bodies, query strings and path parameters: the API answers
// 4xx (or 2xx) and never 5xx, and keeps answering afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/server/routes.js';
import { createTestApi, type TestApi } from '../helpers/api.js';

let t: TestApi;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApi();
  admin = await t.login('admin-1');
}, 120_000);
afterAll(() => t.close());

// Large iteration counts are valid input that takes long to answer, not a crash to find.
const SLOW_KEYS = new Set(['iterations', 'workers']);
const scalar = fc.oneof(fc.string({ maxLength: 40 }), fc.integer({ min: -5, max: 5000 }), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constantFrom('2026-02-30', '9999-99-99', 'ROK', 'US-ONLY', 'C1', 'S94', '../../etc/passwd', '<script>', '\u0000'));
const jsonish = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), scalar, { maxKeys: 6 }));
const keys = fc.constantFrom('asOf', 'knownAt', 'party', 'criterionId', 'conditionId', 'rating', 'confidence', 'text', 'sourceIds', 'statementIds', 'releasability', 'supersedes', 'view', 'scenario', 'q', 'limit', 'offset', 'status', 'history', 'format', 'id', 'username', 'role', 'password', 'scopes', 'from', 'to', 'forumId', 'level');
const body = fc.oneof(
  fc.dictionary(keys, jsonish, { maxKeys: 8 }),
  jsonish,
  fc.string({ maxLength: 60 }).map((s) => ({ raw: s })),
);

describe('fuzzing every route', () => {
  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(body, fc.string({ maxLength: 20 }), async (payload, param) => {
          const path = route.path.replace(/:([a-z]+)/gi, encodeURIComponent(param) || 'x');
          let response: Response;
          if (route.input === 'query') {
            const query = new URLSearchParams();
            if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
              for (const [k, v] of Object.entries(payload)) if (!SLOW_KEYS.has(k)) query.append(k, typeof v === 'string' ? v : JSON.stringify(v));
            }
            response = await t.request(`${path}?${query.toString()}`, { method: route.method.toUpperCase(), headers: admin });
          } else {
            const text = typeof payload === 'object' && payload !== null && 'raw' in payload ? String((payload as { raw: unknown }).raw) : JSON.stringify(payload);
            response = await t.request(path, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: text });
          }
          const answer = await response.text();
          expect(response.status, `${route.path} ${JSON.stringify(payload)} → ${answer.slice(0, 300)}`).toBeLessThan(500);
        }),
        { numRuns: 30, seed: 4310 },
      );
    }, 120_000);
  }
  it('still answers afterwards', async () => {
    expect((await t.request('/api/brief', { headers: admin })).status).toBe(200);
  });
});
