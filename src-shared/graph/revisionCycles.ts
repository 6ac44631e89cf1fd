// Cycles of revisions (over parent and depends-on edges), each as one closed path a → c → b → a:
// what the anomalies list shows and what the planner names when it refuses a plan through one.
import type { RevisionGraph } from './revisionGraph';

/** Strongly connected components over parent and depends-on edges (Tarjan, iterative). */
function components(graph: RevisionGraph): string[][] {
  const next = (id: string) => [...(graph.byId.get(id)?.parents ?? []).filter((p) => graph.byId.has(p)), ...(graph.dependencies.get(id) ?? [])];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const { id: root } of graph.revisions) {
    if (index.has(root)) continue;
    const frames: Array<{ id: string; edges: string[]; i: number }> = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      frames.push({ id, edges: next(id), i: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as (typeof frames)[number];
      if (frame.i < frame.edges.length) {
        const to = frame.edges[frame.i] as string;
        frame.i += 1;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        onStack.delete(id);
        component.push(id);
        if (id === frame.id) break;
      }
      if (component.length > 1 || next(frame.id).includes(frame.id)) found.push(component);
    }
  }
  return found;
}

/** One closed path through a strongly connected component, for the message: a → b → a. */
function cyclePath(graph: RevisionGraph, component: string[]): string[] {
  const members = new Set(component);
  const order = new Map(graph.revisions.map((r, i) => [r.id, i]));
  const start = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] as string;
  const path = [start];
  const seen = new Set([start]);
  for (let id = start; ;) {
    const edges = [...(graph.byId.get(id)?.parents ?? []), ...(graph.dependencies.get(id) ?? [])].filter((p) => members.has(p));
    const step = edges.find((p) => p === start) ?? edges.find((p) => !seen.has(p));
    if (step === undefined || step === start) return [...path, start];
    path.push(step);
    seen.add(step);
    id = step;
  }
}

/** Every cycle, as a closed path starting from the revision read first; none when the graph sorts. */
export function revisionCycles(graph: RevisionGraph): string[][] {
  // Every revision in a topological order means there is no cycle to look for.
  if (graph.topological.length === graph.revisions.length) return [];
  return components(graph).map((component) => cyclePath(graph, component));
}
