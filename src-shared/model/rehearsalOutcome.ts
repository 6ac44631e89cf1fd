// A database's rehearsal in brief, as a promotion's record and a rollout's journal keep it: what
// happened on its clone (or why it was not rehearsed) and, on a failure, where the plan failed in the
// server's words. The whole rehearsal (locks, schema change) is audited on its own as any rehearsal.
import { SwitchyardError } from '../errors';
import { formatMoment } from '../format/moment';
import type { BoundDatabaseRehearsal } from './boundRun';
import { runFailureLocation, runFailureOf, type RunFailure } from './runFailure';

/** A rehearsal's state, with `rehearsing` while its clone runs the plan. */
export type RehearsalOutcomeState = BoundDatabaseRehearsal['state'] | 'rehearsing';

export interface RehearsalOutcome {
  state: RehearsalOutcomeState;
  /** When it finished (a reused one: when it was made). */
  at?: string;
  totalMs?: number;
  /** How the clone was made (template, file copy, schema replay). */
  clone?: string;
  /** Where the plan failed on the clone (file, line) and the server's words. */
  failure?: RunFailure;
  /** Why it was not rehearsed, in words. */
  why?: string;
}

/** The brief of a rehearsal state as the coordinated-run machinery returns it; `why` says a skip's reason. */
export function rehearsalOutcomeOf(r: BoundDatabaseRehearsal, why?: string): RehearsalOutcome {
  const { rehearsal } = r;
  const failure = rehearsal?.failure;
  const reason = r.why ?? why;
  return {
    state: r.state,
    ...(rehearsal ? { at: rehearsal.at, totalMs: rehearsal.totalMs, clone: rehearsal.clone.how } : {}),
    ...(failure ? { failure: runFailureOf(new SwitchyardError(failure.code, failure.message, failure.detail)) } : {}),
    ...(reason ? { why: reason } : {}),
  };
}

/**
 * In words: "rehearsed ✓ on a clone in 120 ms", "rehearsed ✓ 1 Dec 2026, 10:02 UTC (same plan, same
 * schema)", "failed on the clone at 004_s2.sql:6:1 (s2): poisoned", "not rehearsed: --no-rehearse".
 */
export function rehearsalOutcomeSentence(o: RehearsalOutcome): string {
  switch (o.state) {
    case 'rehearsing':
      return 'rehearsing on a clone…';
    case 'rehearsed':
      return `rehearsed ✓ on a clone in ${o.totalMs ?? 0} ms`;
    case 'reused':
      return `rehearsed ✓ ${o.at ? formatMoment(o.at) : 'before'} (same plan, same schema: not rehearsed again)`;
    case 'failed': {
      const where = runFailureLocation(o.failure);
      const revision = o.failure?.revision ? ` (${o.failure.revision})` : '';
      return `failed on the clone${where ? ` at ${where}${revision}` : ''}: ${o.failure?.message ?? 'unknown failure'}`;
    }
    case 'missing':
      return `not rehearsed as it stands: ${o.why ?? 'no rehearsal of this plan on this schema'}`;
    case 'skipped':
      return `not rehearsed: ${o.why ?? 'skipped when the run was started'}`;
    case 'notAsked':
      return `not rehearsed: ${o.why ?? 'neither staging nor production'}`;
    case 'notStarted':
      return `not rehearsed: ${o.why ?? "an earlier database's rehearsal failed"}`;
    case 'nothing':
      return 'nothing to rehearse';
  }
}
