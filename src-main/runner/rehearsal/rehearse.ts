// A rehearsal: the database cloned (never changed itself), the exact plan run on the clone through the
// runner as a real run would be, its locks on existing tables watched from a second connection, the
// schema read before and after; the clone dropped whatever happens (failure, cancel).
import { toWireError, SwitchyardError, type WireError } from '../../../src-shared/errors';
import type { Rehearsal, RehearsedLock } from '../../../src-shared/model/rehearsal';
import { lockModeWords } from '../../../src-shared/model/rehearsal';
import type { RunRequest, RunResult } from '../../../src-shared/model/run';
import { diffSchemas } from '../../../src-shared/schema/schemaDiff';
import { engineFor } from '../../engines/engineFor';
import type { OperationContext } from '../../operations/operations';
import type { SeenLock } from '../../scratch/cloneDatabase';
import type { ScratchPlace } from '../../scratch/scratchDatabase';
import { loadTargetProject, type MigrationTarget } from '../../targets/migrationTarget';
import { withDriver } from '../../targets/withDriver';
import { runTarget } from '../runnerService';
import type { RunStatement } from '../runSession';
import { plannedRun, plannedRuns, schemaFingerprint, type PlannedRun } from './rehearsalKey';

const actor = 'switchyard (rehearsal)';

/** What was running when a lock was seen: a revision, and in Switchyard's own runs the statement. */
interface Moment {
  revision: string;
  statement?: RunStatement;
}

/**
 * The watch's sightings as locks: one per table, mode and revision (a lock is held to its transaction's
 * end, so later statements see it too), named by the statement running when it was first seen.
 */
function rehearsedLocks(seen: readonly SeenLock[], moments: readonly Moment[]): RehearsedLock[] {
  const locks = new Map<string, { lock: RehearsedLock; first: number; last: number }>();
  for (const s of seen) {
    const moment = (s.during === '' ? undefined : moments[Number(s.during)]) ?? { revision: '' };
    const key = `${s.table}\u0000${s.mode}\u0000${moment.revision}`;
    const known = locks.get(key);
    if (known && known.first <= s.firstSeenMs) known.last = Math.max(known.last, s.lastSeenMs);
    else {
      const lock: RehearsedLock = {
        table: s.table,
        mode: lockModeWords(s.mode),
        revision: moment.revision,
        heldMs: 0,
        ...(moment.statement ? { statement: moment.statement } : {}),
      };
      locks.set(key, { lock, first: s.firstSeenMs, last: Math.max(s.lastSeenMs, known?.last ?? 0) });
    }
  }
  return [...locks.values()]
    .map(({ lock, first, last }) => ({ ...lock, heldMs: Math.round(last - first) }))
    .sort((a, b) => b.heldMs - a.heldMs || a.table.localeCompare(b.table));
}

/** Each step's time as the progress events mark them: what a failed run took before it failed. */
function stepClock(steps: PlannedRun['preview']['steps']) {
  const durations: number[] = [];
  let since = performance.now();
  return {
    finished(done: number) {
      const now = performance.now();
      if (done > 0) durations[done - 1] = Math.round(now - since);
      since = now;
    },
    steps: () => steps.slice(0, durations.length).map((step, index) => ({ ...step, durationMs: durations[index] ?? 0 })),
  };
}

/**
 * `requests`: the run, or several runs in turn on one database (a bound database's heads), all on one
 * clone, each after the one before, as the real runs would go.
 */
export async function rehearse(
  target: MigrationTarget,
  requests: readonly [RunRequest, ...RunRequest[]],
  place: ScratchPlace,
  operation: OperationContext,
): Promise<Rehearsal> {
  const engine = engineFor(target.connection.engine);
  const project = loadTargetProject(target);
  const whole = project.format.bookkeeping.tables.map((table) => engine.catalog.address(table));
  operation.log('info', `Cloning ${target.name} for the rehearsal…`);
  const clone = await engine.openClone(target.connection, place, whole);
  try {
    operation.log('info', `Rehearsing on ${clone.made.description}.`);
    // The clone is nobody's production: the real run asks for its own confirmation.
    const onClone: MigrationTarget = { ...target, name: `the rehearsal clone of ${target.name}`, environment: 'dev', connection: clone.connection };
    // The clone plans as the database would (same bookkeeping, same files), beside the schema read: the
    // database is not read again. A template or file copy is the database as it was when copied, so its
    // schema is the one rehearsed on; a replayed schema may lack what could not be replayed, so then
    // the database's own is read for the fingerprint.
    const [plan, before, replayedFrom] = await Promise.all([
      plannedRuns(target, requests, clone.connection),
      withDriver(onClone, (driver) => engine.schema.read(driver)),
      clone.made.how === 'schema replay' ? withDriver(target, (driver) => engine.schema.read(driver)) : undefined,
    ]);
    const rehearsedOn = replayedFrom ?? before;
    const watch = await engine.watchLocks(clone.connection);
    // Switchyard's own runs report each revision; a tool (Alembic) runs them all in one process, so its locks are told by run.
    const perRevision = project.format.runner === 'sql';
    // The watch is told an index into `moments`: each revision as it starts, then each of its statements.
    const moments: Moment[] = [];
    const during = (moment: Moment) => {
      moments.push(moment);
      return watch.during(String(moments.length - 1));
    };
    // Awaited between two statements: the watch samples first, so a lock is named by the statement that took it.
    const onStatement = (step: { revision: string }, statement: RunStatement | undefined) =>
      during(statement ? { revision: step.revision, statement } : { revision: step.revision });
    const started = performance.now();
    const done: Rehearsal['steps'] = [];
    let ranMs = 0;
    let failure: WireError | undefined;
    let seen: SeenLock[] = [];
    try {
      for (const [index, request] of requests.entries()) {
        // A later run is planned again on the clone as the earlier ones left it: what it will really run.
        const steps = index === 0 ? (plan.planned[0] as PlannedRun).preview.steps : (await plannedRun(target, request, clone.connection)).preview.steps;
        const clock = stepClock(steps);
        const wholeRun = steps.length > 1 ? `${steps[0]?.revision}…${steps.at(-1)?.revision}` : (steps[0]?.revision ?? '');
        const watched: OperationContext = {
          ...operation,
          progress(finished, total, message) {
            clock.finished(finished);
            void during({ revision: perRevision ? (steps[finished]?.revision ?? '') : wholeRun });
            operation.progress(finished, total, message);
          },
        };
        try {
          // A snapshot first is the real run's way back; the clone is thrown away, so it takes none (and needs no store).
          const { snapshotFirst: _snapshotFirst, endSessions: _endSessions, ...onCloneRequest } = request;
          const result: RunResult = await runTarget(onClone, onCloneRequest, { actor, confirmProduction: true, operation: watched, onStatement });
          done.push(...result.steps);
          ranMs += result.totalMs;
        } catch (error) {
          if (error instanceof SwitchyardError && error.code === 'E_CANCELLED') throw error;
          failure = toWireError(error);
          done.push(...clock.steps());
          break;
        }
      }
    } finally {
      // Stopped on every way out: its connection would keep the clone from being dropped.
      seen = await watch.stop();
    }
    const totalMs = failure ? Math.round(performance.now() - started) : ranMs;
    const after = await withDriver(onClone, (driver) => engine.schema.read(driver));
    return {
      request: requests[0],
      ...(requests.length > 1 ? { requests: [...requests] } : {}),
      target: target.name,
      ok: failure === undefined,
      ...(failure ? { failure } : {}),
      steps: done,
      totalMs,
      clone: clone.made,
      locks: rehearsedLocks(seen, moments),
      locksNote: perRevision
        ? watch.note
        : `${watch.note}; ${project.format.name} runs every revision in one process, so locks are told by run, not by revision`,
      schemaChange: diffSchemas(before, after),
      at: new Date().toISOString(),
      planFingerprint: plan.planFingerprint,
      schemaFingerprint: schemaFingerprint(rehearsedOn),
    };
  } finally {
    await clone.drop();
  }
}
