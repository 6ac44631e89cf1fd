// Rehearsals of a coordinated run over bound databases, as a run on one connection has them: each
// database's plan (its targets in turn) on its own clone, in run order, before anything runs on any
// database. Which databases rehearse follows the mode: by default those whose connection is staging
// or production; `required` only checks that each plan already succeeded on the schema it has now.
import type { BoundDatabaseRehearsal, BoundRehearsalMode } from '../../src-shared/model/boundRun';
import type { Environment } from '../../src-shared/model/profile';
import type { RunRequest } from '../../src-shared/model/run';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { BoundAction } from '../../src-shared/projects/bindingPlan';
import type { OperationContext } from '../operations/operations';
import type { RehearsalService } from '../runner/rehearsal/rehearsalService';

/** A database of the run as its rehearsal needs it: in run order, reached through `ref`. */
export interface DatabaseToRehearse {
  /** Absent for a project without bindings: the database is its connection. */
  role?: string;
  profileName: string | null;
  /** Its connection's environment: staging and production rehearse by default. */
  environment: Environment;
  ref: TargetRef;
  targets: string[];
}

/** The runs a database's part is, in turn; undefined when the target is not on it. */
export function databaseRequests(action: BoundAction, targets: readonly string[]): [RunRequest, ...RunRequest[]] | undefined {
  const [first, ...rest] = targets.map((to): RunRequest => ({ action, to }));
  return first ? [first, ...rest] : undefined;
}

/** Whether a database rehearses under `mode` (`required`: it must have rehearsed already). */
export function rehearsesUnder(mode: BoundRehearsalMode, environment: Environment): boolean {
  if (mode === 'skip') return false;
  if (mode === 'protected') return environment === 'staging' || environment === 'prod';
  return true;
}

/** "the specs database (specs staging)"; without bindings the connection's name. */
export function databaseName(d: { role?: string | undefined; profileName: string | null }): string {
  return d.role === undefined ? (d.profileName ?? 'no connection') : `the ${d.role} database (${d.profileName ?? 'no connection'})`;
}

/**
 * Each database's rehearsal, in run order. Before a run (`beforeRun`), a plan that already succeeded on
 * the schema the database has now is not rehearsed again (`reused`), and the databases after a failed
 * rehearsal are not rehearsed (`notStarted`); a rehearsal alone rehearses every one anew.
 * `required`: nothing is rehearsed; a database whose plan did not succeed as it stands is `missing`.
 */
export async function rehearseDatabases(
  rehearsals: RehearsalService,
  databases: readonly DatabaseToRehearse[],
  action: BoundAction,
  mode: BoundRehearsalMode,
  {
    operation,
    actor,
    beforeRun,
    onState,
  }: {
    operation: OperationContext;
    actor: string;
    beforeRun: boolean;
    /** Each database's state as it is known (`rehearsing`: its clone runs the plan now), for a window to show live. */
    onState?: (index: number, state: BoundDatabaseRehearsal | 'rehearsing') => void;
  },
): Promise<BoundDatabaseRehearsal[]> {
  const states: BoundDatabaseRehearsal[] = [];
  let failed = false;
  for (const [index, database] of databases.entries()) {
    const requests = databaseRequests(action, database.targets);
    if (!requests) states.push({ state: 'nothing' });
    else if (mode === 'skip') states.push({ state: 'skipped' });
    else if (!rehearsesUnder(mode, database.environment)) states.push({ state: 'notAsked' });
    else if (failed && beforeRun) states.push({ state: 'notStarted' });
    else {
      operation.checkpoint();
      const standing = beforeRun ? await rehearsals.standing(database.ref, requests) : undefined;
      if (standing?.state === 'rehearsed' && standing.rehearsal) {
        operation.log('info', `${databaseName(database)}: this plan succeeded on the schema it has now (rehearsed before); not rehearsed again.`);
        states.push({ state: 'reused', rehearsal: standing.rehearsal });
      } else if (mode === 'required') states.push({ state: 'missing', why: standing?.why ?? 'not rehearsed' });
      else {
        operation.log('info', `Rehearsing ${databaseName(database)} on a clone of it…`);
        onState?.(index, 'rehearsing');
        const rehearsal = await rehearsals.rehearseWithin(database.ref, requests, operation, actor);
        states.push({ state: rehearsal.ok ? 'rehearsed' : 'failed', rehearsal });
        operation.log(
          rehearsal.ok ? 'info' : 'error',
          rehearsal.ok
            ? `${databaseName(database)}: rehearsal succeeded in ${rehearsal.totalMs} ms.`
            : `${databaseName(database)}: the rehearsal failed: ${rehearsal.failure?.message ?? 'unknown failure'}`,
        );
        failed ||= !rehearsal.ok;
      }
    }
    onState?.(index, states[index] as BoundDatabaseRehearsal);
  }
  return states;
}

/** The audit's words for a database's rehearsal: its state, when, the plan it identifies, the failure. */
export function rehearsalAuditSummary(r: BoundDatabaseRehearsal | undefined): Record<string, unknown> | null {
  if (!r) return null;
  const rehearsal = r.rehearsal;
  return {
    state: r.state,
    ...(r.why ? { why: r.why } : {}),
    ...(rehearsal
      ? {
          at: rehearsal.at,
          totalMs: rehearsal.totalMs,
          clone: rehearsal.clone.how,
          planFingerprint: rehearsal.planFingerprint,
          ...(rehearsal.failure ? { failure: rehearsal.failure.message } : {}),
        }
      : {}),
  };
}
