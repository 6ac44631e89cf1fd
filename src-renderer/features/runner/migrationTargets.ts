// The migration target a user picks or types (run dialog, reset wizard): the choices the project
// offers, and whether what was typed names something, checked by the planner the server runs.
import { planDowngrade, planUpgrade } from '../../../src-shared/graph/planner';
import { SwitchyardError } from '../../../src-shared/errors';
import type { RunAction } from '../../../src-shared/model/run';
import type { GraphReport } from '../../../src-shared/model/revision';
import { revisionGraphOf } from '../graph/graphModel';

export interface TargetChoice {
  value: string;
  /** What the value means, shown beside it. */
  label: string;
}

/** heads and base, every head, every branch label's head, then every revision newest first. */
export function targetChoices(report: GraphReport): TargetChoice[] {
  const messages = new Map(report.revisions.map((r) => [r.id, r.message]));
  const labels = [...new Set(report.revisions.flatMap((r) => r.branchLabels))].sort();
  const choices: TargetChoice[] = [
    { value: 'heads', label: 'every head' },
    { value: 'base', label: 'before the first revision' },
    ...report.heads.map((id) => ({ value: id, label: `head: ${messages.get(id) ?? ''}` })),
    ...labels.map((label) => ({ value: `${label}@head`, label: `head of branch ${label}` })),
    ...[...report.revisions]
      .reverse()
      .filter((r) => !report.heads.includes(r.id))
      .map((r) => ({ value: r.id, label: r.message })),
  ];
  return choices;
}

/** The direction a target is planned in: a stamp goes down only when asked to. */
export type TargetDirection = 'up' | 'down';

export function directionOf(action: RunAction, down = false): TargetDirection {
  return action === 'downgrade' || (action === 'stamp' && down) ? 'down' : 'up';
}

/**
 * Why `target` cannot be planned from the applied revisions, in the planner's own words; undefined
 * when it can. `applied` is empty for a database that is about to be recreated.
 */
export function targetProblem(report: GraphReport, target: string, direction: TargetDirection, applied: readonly string[]): string | undefined {
  const typed = target.trim();
  if (typed === '') return 'Give a target: heads, a revision, a branch (label@head) or a step (+1, -1).';
  const graph = revisionGraphOf(report);
  try {
    if (direction === 'up') planUpgrade(graph, typed, new Set(applied));
    else planDowngrade(graph, typed, new Set(applied));
    return undefined;
  } catch (error) {
    if (error instanceof SwitchyardError) return error.message;
    throw error;
  }
}
