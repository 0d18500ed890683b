import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelText, readModelFile } from './model-file.js';

const GOOD = `{
  "kind": "forecast-model",
  "title": "Two steps",
  "nodes": [
    { "id": "a", "duration": { "kind": "uniform", "minDays": 10, "maxDays": 20 } },
    { "id": "b", "duration": { "kind": "met" }, "dependsOn": ["a"] }
  ]
}
`;

describe('forecast model files', () => {
  it('accepts a valid JSON model and fills defaults', () => {
    const r = parseModelText(GOOD, 'm.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.nodes[1]).toMatchObject({ dependency: 'finish-to-start', elapsedDays: 0, isMilestone: false });
  });

  it('reports schema problems with file, line and path', () => {
    const text = GOOD.replace('"maxDays": 20', '"maxDays": 5').replace('"kind": "met"', '"kind": "gamma"');
    const r = parseModelText(text, 'm.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const where = r.error.problems.map((p) => `${p.file}:${p.line} ${p.path}`);
      expect(where).toContain('m.json:5 nodes[0].duration.maxDays');
      expect(where.some((w) => w.startsWith('m.json:6 nodes[1].duration'))).toBe(true);
    }
  });

  it('reports unknown references with their line, after the structure is valid', () => {
    const r = parseModelText(GOOD.replace('"dependsOn": ["a"]', '"dependsOn": ["x"]'), 'm.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.problems).toEqual([{ message: 'unknown node "x"', path: 'nodes[1].dependsOn[0]', file: 'm.json', line: 6, column: 63 }]);
  });

  it('reports a syntax error with its line', () => {
    const r = parseModelText('{ "kind": "forecast-model",\n  "title": }', 'm.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.problems[0]?.line).toBe(2);
  });

  it('reads files, and fails as unreadable when there is none', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'opcon-model-')), 'm.json');
    writeFileSync(file, GOOD);
    expect((await readModelFile(file)).ok).toBe(true);
    const missing = await readModelFile(join(tmpdir(), 'no-such-model.json'));
    expect(!missing.ok && missing.error.code).toBe('unreadable');
  });
});
