import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanText, readPlanFile } from './plan-file.js';

const GOOD = `kind: plan
id: demo
version: 1
title: Demo handover
description: Two parties, one condition.
parties:
  - { id: A, name: Party A }
  - { id: B, name: Party B }
conditions:
  - id: C1
    title: Capability
    officialWording: { text: Capability to lead, sourceIds: [S1] }
    sourceIds: [S1]
criteria:
  - id: C1.x
    conditionId: C1
    title: Command
    description: Command structure in place
    sourceIds: [S1]
rollup:
  A: { kind: weighted-mean }
  B: { kind: all-met }
`;

describe('plan files', () => {
  it('accepts a minimal valid plan and fills defaults', () => {
    const r = parsePlanText(GOOD, 'demo.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.criteria[0]!.dependsOn).toEqual([]);
      expect(r.value.escalationLevels).toEqual(['military', 'ministerial', 'political']);
    }
  });

  it('reports every schema problem with its line and path', () => {
    const bad = GOOD.replace('version: 1', 'version: zero')
      .replace('    title: Command\n', '    title: Command\n    weights: { A: -1 }\n    colour: red\n')
      .replace('  B: { kind: all-met }', '  B: { kind: majority }');
    const r = parsePlanText(bad, 'demo.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-plan');
    const found = r.error.problems.map((p) => `${p.file}:${p.line} ${p.path}`);
    expect(found).toContain('demo.yaml:3 version');
    expect(found).toContain('demo.yaml:18 criteria[0].weights.A');
    expect(found).toContain('demo.yaml:19 criteria[0].colour');
    expect(found.some((f) => f.startsWith('demo.yaml:24 rollup.B'))).toBe(true);
    expect(r.error.problems.find((p) => p.path === 'criteria[0].colour')?.message).toBe('unknown field "colour"');
  });

  it('reports cross-reference problems with lines once the structure is valid', () => {
    const bad = GOOD.replace('conditionId: C1', 'conditionId: C2').replace('  A: { kind: weighted-mean }', '  A: { kind: weighted-mean }\n  Z: { kind: all-met }');
    const r = parsePlanText(bad, 'demo.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.error.problems.map((p) => `${p.line} ${p.path}: ${p.message}`);
    expect(found).toContain('16 criteria[0].conditionId: unknown condition "C2" (did you mean "C1"?)');
    expect(found).toContain('10 conditions[0]: condition "C1" has no criteria');
    expect(found.some((f) => f.startsWith('22 rollup.Z: unknown party "Z"'))).toBe(true);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const r = parsePlanText(GOOD.replace('version: 1', 'version: 1\nversion: 2'), 'demo.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.problems[0]).toMatchObject({ file: 'demo.yaml', line: 4 });
    const broken = parsePlanText('kind: plan\nparties: [A, B\n', 'x.yaml');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.problems[0]?.line).toBeGreaterThan(0);
  });

  it('fails with `unreadable` for a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opcon-plan-'));
    const r = await readPlanFile(join(dir, 'nope.yaml'));
    expect(r.ok ? null : r.error.code).toBe('unreadable');
    writeFileSync(join(dir, 'ok.yaml'), GOOD);
    expect((await readPlanFile(join(dir, 'ok.yaml'))).ok).toBe(true);
  });
});
