/**
 * The Monte Carlo kernel. Iterations run in fixed blocks; block k draws from stream k of the
 * seed, so a block's samples depend only on the seed and k — not on which thread runs it or how
 * blocks are grouped. Work is column-wise: each random input fills a typed column, each node
 * transforms whole columns, and the only per-sample work is arithmetic on typed arrays.
 * Results hold per-sample columns and integer counts only, so merging is exact in any order.
 */
import { HISTOGRAM_BINS, addColumn } from './histogram.js';
import { waitForWindow, type Calendar } from './calendar.js';
import type { CompiledModel } from './compile.js';
import { fillDurations, isConstant, type CompiledDistribution } from './distributions.js';
import { correlateColumn, fillFactorNormals } from './copula.js';
import { sortedCopy } from './radix-sort.js';
import { fillUniform, jump, streamState, type RngState } from './rng.js';

/** Iterations per block (the last block of a fixed run may be shorter). */
export const BLOCK_ITERATIONS = 8192;
/** Input ranks are stored as 16-bit fractions of 1: plenty for a rank correlation. */
export const RANK_SCALE = 65535;
/**
 * Input ranks are kept for the first 131 072 iterations only: the sensitivity is
 * computed over them, where a rank correlation's standard error is under 0.003, and a run of a
 * million iterations does not carry fifty million ranks to the main thread.
 */
export const SENSITIVITY_BLOCKS = 131_072 / BLOCK_ITERATIONS;
const BELOW_ONE = 1 - 2 ** -53;

/** The per-iteration columns a run produces, whether one batch or the batches joined. */
export interface SampleColumns {
  readonly iterations: number;
  /** Time of the final event (after the decision), in days from the as-of date. */
  readonly finalDays: Float64Array;
  /** Time of each milestone node, in the model's milestone order. */
  readonly milestoneDays: readonly Float64Array[];
  /**
   * The same times sorted, so that sorting is done where the blocks ran (in parallel on a pool)
   * and joining batches is a merge of sorted runs.
   */
  readonly sortedFinalDays: Float64Array;
  readonly sortedMilestoneDays: readonly Float64Array[];
  /**
   * Each input's position in its own distribution (mid-CDF for atoms), scaled to 0…RANK_SCALE,
   * for the iterations in the first SENSITIVITY_BLOCKS blocks.
   */
  readonly inputRanks: readonly Uint16Array[];
  /** Per node, a log-linear histogram of its finish time (nodes × HISTOGRAM_BINS). */
  readonly nodeHistograms: Int32Array;
}

/** What a range of blocks produced: per-iteration columns in block order and integer counts. */
export interface BatchResult extends SampleColumns {
  readonly kind: 'batch-result';
  readonly firstBlock: number;
  readonly blockCount: number;
  /** Per node, then the decision: iterations in which it lay on the critical path. */
  readonly criticalCounts: Int32Array;
}

/** Iterations in block `block` of a run of `totalIterations`. */
export function iterationsOfBlock(block: number, totalIterations: number): number {
  return Math.max(0, Math.min(BLOCK_ITERATIONS, totalIterations - block * BLOCK_ITERATIONS));
}

/** The columns a block writes into. */
type BlockColumns = Pick<BatchResult, 'finalDays' | 'milestoneDays' | 'inputRanks' | 'nodeHistograms' | 'criticalCounts'>;

interface Scratch {
  readonly uniforms: readonly Float64Array[];
  readonly factor: Float64Array;
  readonly factorNormal: Float64Array;
  readonly finish: readonly Float64Array[];
  /** Per node (node k at k·BLOCK_ITERATIONS), the dependency that set its time, or -1 for its own. */
  readonly causes: Int32Array;
  readonly cause: readonly Int32Array[];
  /** 1 where a node on the critical path always counts (finish-to-start, or gated). */
  readonly isAlwaysCritical: Uint8Array;
  /** 0 where a node has no time of its own (zero duration, no slip, no gate): it never counts. */
  readonly hasOwnTime: Uint8Array;
  /** Per node (node-major like `causes`), 1 where the node lies on the critical path. */
  readonly onPath: Uint8Array;
  /** Node indices, dependents before their dependencies. */
  readonly reverseOrder: Int32Array;
  readonly work: Float64Array;
  readonly latest: Float64Array;
  readonly verification: Float64Array;
  readonly rework: Float64Array;
  readonly reworkUniform: Float64Array;
  readonly decisionCause: Int32Array;
}

function scratchFor(model: CompiledModel): Scratch {
  const column = () => new Float64Array(BLOCK_ITERATIONS);
  const causes = new Int32Array(model.nodes.length * BLOCK_ITERATIONS);
  return {
    uniforms: model.inputs.map(column),
    factor: column(),
    factorNormal: column(),
    finish: model.nodes.map(column),
    causes,
    cause: model.nodes.map((_, k) => causes.subarray(k * BLOCK_ITERATIONS, (k + 1) * BLOCK_ITERATIONS)),
    isAlwaysCritical: Uint8Array.from(model.nodes, (node) => (!node.isNotBefore || node.gate !== null ? 1 : 0)),
    hasOwnTime: Uint8Array.from(model.nodes, (node) =>
      node.gate === null && node.delayDays === 0 && node.duration.kind === 'constant' && node.duration.value === 0 ? 0 : 1,
    ),
    onPath: new Uint8Array(model.nodes.length * BLOCK_ITERATIONS),
    reverseOrder: Int32Array.from(model.order).reverse(),
    work: column(),
    latest: column(),
    verification: column(),
    rework: column(),
    reworkUniform: column(),
    decisionCause: new Int32Array(BLOCK_ITERATIONS),
  };
}

/** Simulate blocks [firstBlock, firstBlock + blockCount) of a run of `totalIterations` with a seed. */
export function simulateBlocks(
  model: CompiledModel,
  seed: number,
  firstBlock: number,
  blockCount: number,
  totalIterations: number,
  onBlockDone?: (iterations: number) => void,
): BatchResult {
  let iterations = 0;
  let ranked = 0;
  for (let b = firstBlock; b < firstBlock + blockCount; b++) {
    iterations += iterationsOfBlock(b, totalIterations);
    if (b < SENSITIVITY_BLOCKS) ranked += iterationsOfBlock(b, totalIterations);
  }
  const finalDays = new Float64Array(iterations);
  const milestoneDays = Array.from(model.milestones, () => new Float64Array(iterations));
  const inputRanks = model.inputs.map(() => new Uint16Array(ranked));
  const nodeHistograms = new Int32Array(model.nodes.length * HISTOGRAM_BINS);
  const criticalCounts = new Int32Array(model.nodes.length + 1);
  const columns: BlockColumns = { finalDays, milestoneDays, inputRanks, nodeHistograms, criticalCounts };
  const scratch = scratchFor(model);
  const stream = streamState(seed, firstBlock);
  let offset = 0;
  for (let b = firstBlock; b < firstBlock + blockCount; b++) {
    const n = iterationsOfBlock(b, totalIterations);
    simulateBlock(model, stream.slice(), n, scratch, columns, offset, b < SENSITIVITY_BLOCKS);
    jump(stream);
    offset += n;
    onBlockDone?.(n);
  }
  return {
    kind: 'batch-result',
    firstBlock,
    blockCount,
    iterations,
    ...columns,
    sortedFinalDays: sortedCopy(finalDays),
    sortedMilestoneDays: milestoneDays.map(sortedCopy),
  };
}

function simulateBlock(model: CompiledModel, state: RngState, n: number, s: Scratch, out: BlockColumns, offset: number, isRanked: boolean): void {
  // Every input draws a full column whatever its distribution, so the stream layout depends on structure only.
  for (const column of s.uniforms) fillUniform(state, column, 0, n);
  for (const group of model.groups) {
    fillUniform(state, s.factor, 0, n);
    fillFactorNormals(s.factor, s.factorNormal, n);
    for (const member of group.members) correlateColumn(s.uniforms[model.nodes[member]!.durationInput]!, s.factorNormal, group.loading, group.residual, n);
  }
  // Ranked blocks come first, so a batch's ranks start at the same offset as its other columns.
  if (isRanked) recordInputRanks(model, s, n, out, offset);
  for (const k of model.order) simulateNode(model, k, s, n);
  for (let k = 0; k < model.nodes.length; k++) addColumn(s.finish[k]!, n, out.nodeHistograms, k * HISTOGRAM_BINS);
  decide(model, s, n, out, offset);
  model.milestones.forEach((k, m) => out.milestoneDays[m]!.set(s.finish[k]!.subarray(0, n), offset));
}

/** The distribution an input's uniform is turned into, for the inputs that map one to one. */
function distributionOf(model: CompiledModel, input: CompiledModel['inputs'][number]): CompiledDistribution | null {
  const node = input.nodeIndex >= 0 ? model.nodes[input.nodeIndex]! : null;
  if (input.role === 'duration') return node!.duration;
  if (input.role === 'verification') return node!.gate!.verification;
  if (input.role === 'decision-delay') return model.decision.delay;
  return null;
}

function recordInputRanks(model: CompiledModel, s: Scratch, n: number, out: BlockColumns, offset: number): void {
  const political = model.decision.political;
  for (let j = 0; j < model.inputs.length; j++) {
    const input = model.inputs[j]!;
    const u = s.uniforms[j]!;
    const ranks = out.inputRanks[j]!;
    const distribution = distributionOf(model, input);
    // A constant draws the same value whatever the uniform: its rank carries no information.
    if ((distribution !== null && isConstant(distribution)) || (input.role === 'political-decision' && political.kind === 'none')) {
      ranks.fill(RANK_SCALE >>> 1, offset, offset + n);
    } else if (input.role === 'rework') {
      rankMixture(u, ranks, offset, n, 1 - model.nodes[input.nodeIndex]!.gate!.failureProbability);
    } else if (input.role === 'political-decision' && political.kind === 'hazard') {
      rankGeometric(u, ranks, offset, n, political.probabilityPerPeriod);
    } else {
      for (let i = 0; i < n; i++) ranks[offset + i] = (u[i]! * RANK_SCALE + 0.5) | 0;
    }
  }
}

/** Pass or fail-and-rework: the pass atom (mass `pass`) is ranked at its middle. */
function rankMixture(u: Float64Array, ranks: Uint16Array, offset: number, n: number, pass: number): void {
  const atom = (pass / 2) * RANK_SCALE + 0.5;
  for (let i = 0; i < n; i++) ranks[offset + i] = u[i]! > pass ? (u[i]! * RANK_SCALE + 0.5) | 0 : atom | 0;
}

/** Whole periods waited, a geometric count, ranked at the middle of its probability mass. */
function rankGeometric(u: Float64Array, ranks: Uint16Array, offset: number, n: number, probability: number): void {
  const stay = 1 - probability;
  if (stay <= 0) {
    ranks.fill(RANK_SCALE >>> 1, offset, offset + n);
    return;
  }
  const logStay = Math.log(stay);
  for (let i = 0; i < n; i++) {
    const periods = Math.floor(Math.log(1 - u[i]!) / logStay);
    ranks[offset + i] = ((1 - stay ** periods * (1 - probability / 2)) * RANK_SCALE + 0.5) | 0;
  }
}

function simulateNode(model: CompiledModel, k: number, s: Scratch, n: number): void {
  const node = model.nodes[k]!;
  const finish = s.finish[k]!;
  const cause = s.cause[k]!;
  const deps = node.dependencies;
  // Without dependencies the node's own time is its finish: draw straight into that column.
  const work = deps.length === 0 ? finish : s.work;
  fillDurations(node.duration, s.uniforms[node.durationInput]!, work, n, node.elapsedDays);
  if (deps.length === 0) cause.fill(-1, 0, n);
  else {
    // One dependency is read in place; several are folded into the scratch column first.
    const first = deps[0]!;
    const latest = deps.length === 1 ? s.finish[first]! : s.latest;
    if (deps.length > 1) latest.set(s.finish[first]!.subarray(0, n));
    cause.fill(first, 0, n);
    for (let d = 1; d < deps.length; d++) {
      const dep = deps[d]!;
      const depFinish = s.finish[dep]!;
      for (let i = 0; i < n; i++) {
        if (depFinish[i]! > latest[i]!) {
          latest[i] = depFinish[i]!;
          cause[i] = dep;
        }
      }
    }
    if (node.isNotBefore) {
      for (let i = 0; i < n; i++) {
        if (work[i]! >= latest[i]!) {
          finish[i] = work[i]!;
          cause[i] = -1;
        } else finish[i] = latest[i]!;
      }
    } else for (let i = 0; i < n; i++) finish[i] = latest[i]! + work[i]!;
  }
  if (node.delayDays > 0) for (let i = 0; i < n; i++) finish[i] = finish[i]! + node.delayDays;
  if (node.gate) passGate(node.gate, s, finish, n);
}

function passGate(gate: NonNullable<CompiledModel['nodes'][number]['gate']>, s: Scratch, finish: Float64Array, n: number): void {
  fillDurations(gate.verification, s.uniforms[gate.verificationInput]!, s.verification, n);
  const pass = 1 - gate.failureProbability;
  const failureUniform = s.uniforms[gate.reworkInput]!;
  // The rework time is drawn from the upper part of the same uniform, so one column carries both.
  for (let i = 0; i < n; i++) {
    const u = failureUniform[i]!;
    s.reworkUniform[i] = u > pass ? Math.min(BELOW_ONE, (u - pass) / gate.failureProbability) : 0.5;
  }
  fillDurations(gate.rework, s.reworkUniform, s.rework, n);
  const verifyIn = gate.verificationCalendar;
  const approveIn = gate.approvalCalendar;
  for (let i = 0; i < n; i++) {
    let t = waitIn(verifyIn, finish[i]!);
    const verification = s.verification[i]!;
    t += verification;
    if (failureUniform[i]! > pass) t = waitIn(verifyIn, t + s.rework[i]!) + verification;
    finish[i] = waitIn(approveIn, t);
  }
}

/** The next open time at or after t, or t itself without a calendar. */
function waitIn(calendar: Calendar | null, t: number): number {
  return calendar === null ? t : waitForWindow(calendar, t);
}

function decide(model: CompiledModel, s: Scratch, n: number, out: BlockColumns, offset: number): void {
  const decision = model.decision;
  const ready = s.latest;
  const cause = s.decisionCause;
  ready.fill(0, 0, n);
  cause.fill(-1, 0, n);
  for (const k of decision.after) {
    const f = s.finish[k]!;
    for (let i = 0; i < n; i++) {
      if (cause[i] === -1 || f[i]! > ready[i]!) {
        ready[i] = f[i]!;
        cause[i] = k;
      }
    }
  }
  fillDurations(decision.delay, s.uniforms[decision.delayInput]!, s.work, n);
  const delay = s.work;
  const u = s.uniforms[decision.politicalInput]!;
  const political = decision.political;
  const final = out.finalDays;
  const counts = out.criticalCounts;
  const decisionSlot = model.nodes.length;
  const stay = political.kind === 'hazard' ? 1 - political.probabilityPerPeriod : 1;
  const logStay = Math.log(stay);
  const onPath = s.onPath;
  onPath.fill(0);
  for (let i = 0; i < n; i++) {
    let decided = ready[i]!;
    if (political.kind === 'hazard' && stay > 0) decided += Math.floor(Math.log(1 - u[i]!) / logStay) * political.periodDays;
    else if (political.kind === 'window') decided = Math.max(decided, political.fromDays + u[i]! * (political.toDays - political.fromDays));
    final[offset + i] = decided + delay[i]!;
    if (decided + delay[i]! > ready[i]!) counts[decisionSlot]!++;
    // A political window later than readiness decides the date on its own: no node is critical.
    if (political.kind === 'window' && decided > ready[i]!) continue;
    onPath[cause[i]! * BLOCK_ITERATIONS + i] = 1;
  }
  markCriticalPath(s, n, counts);
}

/**
 * Follow the critical path back from the decision, column by column: dependents come before
 * their dependencies in `reverseOrder`, so a node's mark is final when its column is reached,
 * and each pass streams through memory instead of chasing one sample's chain across columns.
 */
function markCriticalPath(s: Scratch, n: number, critical: Int32Array): void {
  const { causes, onPath, isAlwaysCritical, hasOwnTime } = s;
  for (const k of s.reverseOrder) {
    const base = k * BLOCK_ITERATIONS;
    const always = isAlwaysCritical[k] === 1;
    const counts = hasOwnTime[k] === 1;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (onPath[base + i] === 0) continue;
      const c = causes[base + i]!;
      if (counts && (c === -1 || always)) count++;
      if (c >= 0) onPath[c * BLOCK_ITERATIONS + i] = 1;
    }
    critical[k] = critical[k]! + count;
  }
}
