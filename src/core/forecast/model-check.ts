/**
 * Cross-reference checks of a structurally valid forecast model: node ids unique and resolvable,
 * no dependency cycles, each node in at most one correlation group. Returns every problem.
 */
import { closest } from '../common/similar.js';
import type { PathProblem } from '../plan/check.js';
import type { ForecastModel } from './model-schema.js';

/** Node ids in an order where every node comes after its dependencies, or the ids around a cycle. */
export function topologicalOrder(
  nodes: readonly { readonly id: string; readonly dependsOn: readonly string[] }[],
): { readonly order: readonly number[] } | { readonly cycle: readonly string[] } {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const state = new Uint8Array(nodes.length);
  const order: number[] = [];
  const stack: number[] = [];
  const visit = (i: number): readonly string[] | undefined => {
    if (state[i] === 2) return undefined;
    if (state[i] === 1) return [...stack.slice(stack.indexOf(i)), i].map((k) => nodes[k]!.id);
    state[i] = 1;
    stack.push(i);
    for (const dep of nodes[i]!.dependsOn) {
      const j = index.get(dep);
      const cycle = j === undefined ? undefined : visit(j);
      if (cycle) return cycle;
    }
    stack.pop();
    state[i] = 2;
    order.push(i);
    return undefined;
  };
  for (let i = 0; i < nodes.length; i++) {
    const cycle = visit(i);
    if (cycle) return { cycle };
  }
  return { order };
}

/** Every referential problem in a model, each with the path of the offending value. */
export function checkModel(model: ForecastModel): readonly PathProblem[] {
  const problems: PathProblem[] = [];
  const ids = new Set<string>();
  model.nodes.forEach((node, i) => {
    if (ids.has(node.id)) problems.push({ path: ['nodes', i, 'id'], message: `duplicate node id "${node.id}"` });
    ids.add(node.id);
  });
  const unknown = (path: (string | number)[], id: string) => {
    if (!ids.has(id)) {
      const close = closest(id, ids);
      problems.push({ path, message: `unknown node "${id}"${close === undefined ? '' : ` (did you mean "${close}"?)`}` });
    }
  };
  model.nodes.forEach((node, i) => {
    node.dependsOn.forEach((dep, j) => {
      unknown(['nodes', i, 'dependsOn', j], dep);
      if (dep === node.id) problems.push({ path: ['nodes', i, 'dependsOn', j], message: 'a node cannot depend on itself' });
    });
  });
  const sorted = topologicalOrder(model.nodes);
  if ('cycle' in sorted) {
    const at = model.nodes.findIndex((n) => n.id === sorted.cycle[0]);
    problems.push({ path: ['nodes', at, 'dependsOn'], message: `dependency cycle: ${sorted.cycle.join(' → ')}` });
  }
  const grouped = new Map<string, string>();
  const groupIds = new Set<string>();
  model.correlationGroups.forEach((group, g) => {
    if (groupIds.has(group.id)) problems.push({ path: ['correlationGroups', g, 'id'], message: `duplicate group id "${group.id}"` });
    groupIds.add(group.id);
    group.nodes.forEach((id, k) => {
      unknown(['correlationGroups', g, 'nodes', k], id);
      const other = grouped.get(id);
      if (other !== undefined) {
        problems.push({
          path: ['correlationGroups', g, 'nodes', k],
          message: other === group.id ? `node "${id}" is listed twice` : `node "${id}" is already in group "${other}"; a node belongs to at most one group`,
        });
      }
      grouped.set(id, group.id);
    });
  });
  model.decision.after?.forEach((id, k) => unknown(['decision', 'after', k], id));
  return problems;
}
