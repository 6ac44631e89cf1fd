// A rollout on a project with bindings runs role after role (auth's databases, then specs'): each
// role's line, in the order they run, says where its databases are, for the Rollouts tab.
import type { RolloutItem } from '../../../src-shared/model/rollout';

export type RolePhase = 'waiting' | 'running' | 'done' | 'failed' | 'notStarted' | 'unfinished';

export interface RoleProgress {
  role: string;
  phase: RolePhase;
  mark: string;
  word: string;
  /** "2 of 3 done, 1 failed", or why its databases did not start. */
  sentence: string;
}

const marks: Record<RolePhase, { mark: string; word: string }> = {
  waiting: { mark: '○', word: 'Waiting' },
  running: { mark: '▶', word: 'Running' },
  done: { mark: '✓', word: 'Done' },
  failed: { mark: '✗', word: 'Failed' },
  notStarted: { mark: '–', word: 'Not started' },
  unfinished: { mark: '!', word: 'Not finished' },
};

function counts(items: readonly RolloutItem[]): string {
  const n = (state: RolloutItem['state']) => items.filter((i) => i.state === state).length;
  const parts = [
    `${n('done')} of ${items.length} done`,
    ...(['running', 'failed', 'locked', 'stopped', 'skipped', 'cancelled', 'interrupted'] as const).flatMap((s) => (n(s) > 0 ? [`${n(s)} ${s}`] : [])),
  ];
  return parts.join(', ');
}

/** Each role's line in `order` (the project's roles in the bindings' order); roles with no row are left out. Empty when no row has a role. */
export function roleProgress(items: readonly RolloutItem[], order: readonly string[]): RoleProgress[] {
  if (!items.some((i) => i.role !== undefined)) return [];
  const seen = [...new Set(items.map((i) => i.role ?? ''))];
  const roles = [...order.filter((r) => seen.includes(r)), ...seen.filter((r) => !order.includes(r))];
  return roles.map((role, index) => {
    const mine = items.filter((i) => (i.role ?? '') === role);
    const all = (...states: RolloutItem['state'][]) => mine.every((i) => states.includes(i.state));
    const before = roles.slice(0, index);
    const phase: RolePhase = all('done')
      ? 'done'
      : mine.some((i) => i.state === 'running')
        ? 'running'
        : mine.some((i) => i.state === 'failed' || i.state === 'locked')
          ? 'failed'
          : all('skipped')
            ? 'notStarted'
            : all('waiting')
              ? 'waiting'
              : 'unfinished';
    const sentence =
      phase === 'notStarted'
        ? `its ${mine.length === 1 ? 'database' : `${mine.length} databases`} did not start: ${before.join(', ') || 'the rollout'} did not finish first`
        : phase === 'waiting' && before.length > 0
          ? `runs when every ${before[before.length - 1]} database is done (${mine.length} waiting)`
          : counts(mine);
    return { role: role || 'no role', phase, ...marks[phase], sentence };
  });
}
