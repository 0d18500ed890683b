// `opcon forecast` as a user runs it: the plan forecast (views, scenarios) and standalone model files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDataset, opcon } from './helpers/cli.js';

const ANSI = /\u001b\[/;
const KEY_DATES = ['2028-12-31', '2029-01-20', '2029-03-31', '2030-06-03'];

function modelFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'opcon-model-')), 'model.json');
  writeFileSync(file, text);
  return file;
}

const MODEL = JSON.stringify({
  kind: 'forecast-model',
  title: 'Harbour handover',
  asOf: '2026-07-01',
  dates: ['2027-12-31'],
  nodes: [
    { id: 'patrol', duration: { kind: 'lognormal', p5Days: 90, p95Days: 540 } },
    { id: 'command', duration: { kind: 'pert', minDays: 60, modeDays: 120, maxDays: 360 }, dependsOn: ['patrol'] },
  ],
  decision: { delay: { kind: 'uniform', minDays: 30, maxDays: 90 } },
}, null, 2);

describe('opcon forecast over the built-in plan', () => {
  it('prints each view with dates, probabilities by the key dates, and drivers, plain when piped', () => {
    const r = opcon(['forecast', '--iterations', '20000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const text of ['FORECAST as of 2026-11-23', 'seed 20260625', 'ROK VIEW', 'US VIEW', 'COMBINED VIEW', 'What drives the date', ...KEY_DATES.map((d) => `by ${d}`)]) {
      expect(r.stdout).toContain(text);
    }
    expect(r.stdout).toContain('modelling assumption');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('gives stable JSON with the seed, standard errors under half a point and every output', () => {
    const a = opcon(['forecast', '--json', '--view', 'combined']);
    const b = opcon(['forecast', '--json', '--view', 'combined']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(result).toMatchObject({ kind: 'forecast', schemaVersion: 1, seed: 20_260_625, asOf: '2026-11-23', source: { kind: 'plan', planId: 'opcon' } });
    expect(result.runs).toHaveLength(1);
    const [entry] = result.runs;
    expect(entry).toMatchObject({ view: 'combined', scenario: null, escalationLevel: 'political' });
    expect(entry.run.seed).toBe(20_260_625);
    expect(entry.run.convergence).toMatchObject({ rule: 'standard-error', isConverged: true });
    expect(entry.run.convergence.maxStandardError).toBeLessThan(0.005);
    expect(entry.run.final.probabilities.map((p: { date: string }) => p.date)).toEqual(KEY_DATES);
    expect(entry.run.final.quantiles.map((q: { percentile: number }) => q.percentile)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95]);
    expect(entry.run.final.sCurve).toHaveLength(101);
    expect(entry.run.final.histogram.bins.length).toBeGreaterThan(5);
    expect(entry.run.milestones.map((m: { id: string }) => m.id)).toEqual(['conditions-met']);
    expect(entry.run.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['C1.operational-proficiency', 'FOC', 'FMC.verification']));
    expect(entry.run.sensitivity.length).toBeGreaterThan(5);
    expect(entry.derivations).toHaveLength(10);
  });

  it('gives the same result on worker threads as in one thread', () => {
    const pooled = opcon(['forecast', '--json', '--view', 'us', '--iterations', '40000', '--workers', '2']);
    const single = opcon(['forecast', '--json', '--view', 'us', '--iterations', '40000', '--workers', '0']);
    expect(pooled.code).toBe(0);
    expect(pooled.stdout).toBe(single.stdout);
  });

  it('runs scenarios side by side with deltas against the view’s baseline', () => {
    const r = opcon(['forecast', '--json', '--view', 'us', '--scenario', 'us-accepts-rok', '--scenario', 'foc-slips-a-year', '--iterations', '20000']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.runs.map((e: { scenario: { id: string } | null }) => e.scenario?.id ?? null)).toEqual([null, 'us-accepts-rok', 'foc-slips-a-year']);
    const [accepts, slips] = result.deltas;
    expect(accepts).toMatchObject({ view: 'US', scenario: 'us-accepts-rok', pairedIterations: 20000 });
    expect(accepts.p50Days).toBeLessThan(0);
    expect(slips.p50Days).toBeGreaterThanOrEqual(0);
    expect(accepts.probabilities.map((p: { date: string }) => p.date)).toEqual(KEY_DATES);
    const text = opcon(['forecast', '--view', 'us', '--scenario', 'political-decision-2027', '--iterations', '10000']);
    expect(text.stdout).toContain('SCENARIOS AGAINST THEIR VIEW’S BASELINE');
    expect(text.stdout).toContain('A political decision in 2027');
  });

  it('takes a seed, an iteration count and extra dates', () => {
    const seven = JSON.parse(opcon(['forecast', '--json', '--view', 'rok', '--seed', '7', '--iterations', '5000', '--date', '2031-12-31']).stdout);
    const eight = JSON.parse(opcon(['forecast', '--json', '--view', 'rok', '--seed', '8', '--iterations', '5000']).stdout);
    expect(seven.seed).toBe(7);
    expect(seven.runs[0].run.iterations).toBe(5000);
    expect(seven.runs[0].run.final.probabilities.map((p: { date: string }) => p.date)).toEqual([...KEY_DATES, '2031-12-31']);
    expect(seven.runs[0].run.final.quantiles).not.toEqual(eight.runs[0].run.final.quantiles);
  });

  it('refuses bad options with the right exit code and one clear message', () => {
    const scenario = opcon(['forecast', '--scenario', 'us-accept-rok']);
    expect(scenario.code).toBe(3);
    expect(scenario.stderr).toContain('unknown scenario "us-accept-rok" (did you mean "us-accepts-rok"?)');
    const view = opcon(['forecast', '--view', 'rokk']);
    expect(view.code).toBe(3);
    expect(view.stderr).toContain('unknown view "rokk" (did you mean "rok"?)');
    expect(opcon(['forecast', '--as-of', '2030-01-01']).code).toBe(2);
    const iterations = opcon(['forecast', '--iterations', 'many']);
    expect(iterations.code).toBe(2);
    expect(iterations.stderr).toMatch(/iterations/);
    expect(opcon(['forecast', '--seed', '-3']).code).toBe(2);
  });
});

describe('a plan without a forecast section', () => {
  it('is refused with exit 2 and a pointer to the format', () => {
    const dataset = copyDataset();
    const plan = join(dataset, '..', 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/\n# Parameters of the forecast[\s\S]*$/, '\n'));
    expect(opcon(['brief'], { OPCON_DATASET: dataset }).code).toBe(0);
    const r = opcon(['forecast'], { OPCON_DATASET: dataset });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no forecast section');
    expect(r.stderr).toContain('docs/forecast-model.md');
  });
});

describe('opcon forecast --model', () => {
  it('runs a standalone model file', () => {
    const r = opcon(['forecast', '--model', modelFile(MODEL), '--iterations', '20000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('as of 2026-07-01');
    expect(r.stdout).toContain('by 2027-12-31');
    const json = JSON.parse(opcon(['forecast', '--model', modelFile(MODEL), '--json', '--iterations', '20000']).stdout);
    expect(json.source).toMatchObject({ kind: 'model-file', title: 'Harbour handover' });
    expect(json.runs[0].run.nodes.map((n: { id: string }) => n.id)).toEqual(['patrol', 'command']);
  });

  it('reports every problem of a bad model file with file, line and path, and exits 2', () => {
    const file = modelFile(MODEL.replace('"p95Days": 540', '"p95Days": 50').replace('"dependsOn": [\n        "patrol"\n      ]', '"dependsOn": ["patrl"]'));
    const r = opcon(['forecast', '--model', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/model\.json:\d+:\d+ +nodes\[0\]\.duration\.p95Days +p5Days must be less than p95Days/);
    const refs = modelFile(MODEL.replace('"dependsOn": [\n        "patrol"\n      ]', '"dependsOn": ["patrl"]'));
    expect(opcon(['forecast', '--model', refs]).stderr).toMatch(/model\.json:\d+:\d+ +nodes\[1\]\.dependsOn\[0\] +unknown node "patrl" \(did you mean "patrol"\?\)/);
  });

  it('exits 4 for a missing file and 2 when given plan options', () => {
    expect(opcon(['forecast', '--model', 'no-such-model.json']).code).toBe(4);
    const r = opcon(['forecast', '--model', modelFile(MODEL), '--scenario', 'us-accepts-rok']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('views and scenarios belong to the plan forecast');
  });
});
