// Runs steps on PostgreSQL: one session advisory lock for the run (it dies with the session, so a
// killed run never leaves it behind), and each revision with its bookkeeping in one transaction,
// sent as one script: one round trip per revision. A body the format runs outside a transaction runs
// statement by statement, its bookkeeping after it.
import { SwitchyardError } from '../../../src-shared/errors';
import { SqlExecutionError, type Driver } from '../../drivers/driver';
import { splitStatements } from '../../migrations/sqlStatements';
import type { SqlBody } from '../../migrations/readers/projectFiles';
import type { PreparedStep } from '../../runner/preparedStep';
import { runStatement, type RunSession, type RunSessionOptions } from '../../runner/runSession';
import { stepFailure } from '../../runner/stepFailure';
import { stepRefusal } from '../../runner/stepRefusal';
import { undoAfterFailedVerify } from '../../runner/verifyFailure';
import { postgresVersionTable } from './postgresVersionTable';

// pg_try_advisory_lock(int4, int4): 'SYAR' and 1, shown in pg_locks as classid/objid.
const lockKey = [0x53594152, 1] as const;

interface LockHolder {
  pid: number;
  usename: string | null;
  application_name: string | null;
  client_addr: string | null;
  since: Date | null;
  state: string | null;
}

async function describeHolder(driver: Driver): Promise<string> {
  const [holder] = await driver.query<LockHolder & Record<string, unknown>>(
    `SELECT a.pid, a.usename, a.application_name, a.client_addr::text AS client_addr, a.backend_start AS since, a.state
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2
        -- Advisory locks are per database: another database's run on the same server holds its own.
        AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [lockKey[0], lockKey[1]],
  );
  if (!holder) return 'the holder has just gone; try again';
  const since = holder.since ? new Date(holder.since).toISOString() : 'unknown';
  return `pid ${holder.pid}, user ${holder.usename ?? '?'}, application "${holder.application_name || '?'}"${holder.client_addr ? ` from ${holder.client_addr}` : ''}, connected since ${since}, ${holder.state ?? 'unknown state'}`;
}

/** SQL for the milliseconds since now, by the server's clock, to be evaluated later in another statement. */
async function durationSince(driver: Driver): Promise<string> {
  const [row] = await driver.query<{ now: string }>('SELECT clock_timestamp()::text AS now');
  return `(extract(epoch FROM clock_timestamp() - ${driver.literal(String(row?.now))}::timestamptz) * 1000)::int`;
}

export async function openPostgresRunSession(
  driver: Driver,
  { name: target }: { name: string },
  lockTimeoutMs: number,
  options: RunSessionOptions,
): Promise<RunSession> {
  const deadline = Date.now() + lockTimeoutMs;
  for (;;) {
    const [row] = await driver.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [lockKey[0], lockKey[1]]);
    if (row?.locked) break;
    if (Date.now() >= deadline) {
      const holder = await describeHolder(driver);
      throw new SwitchyardError('E_LOCK_HELD', `Another migration run holds the lock on ${target} (waited ${Math.round(lockTimeoutMs / 1000)} s): ${holder}.`, {
        holder,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(10, deadline - Date.now()))));
  }
  if (options.prepareSql) await driver.execScript(options.prepareSql);

  /** Statement by statement, outside a transaction: CREATE INDEX CONCURRENTLY and its kind refuse one. */
  const runAlone = async (step: PreparedStep, part: SqlBody) => {
    for (const statement of splitStatements(part.sql)) {
      await options.onStatement?.(step, runStatement(step, part, statement));
      try {
        await driver.execScript(statement.sql);
      } catch (error) {
        const offset = statement.offset + (error instanceof SqlExecutionError && error.position !== undefined ? error.position : 0);
        // A script's own transaction the failure aborted ends here, as psql's exit would end it.
        await driver.execScript('ROLLBACK').catch(() => undefined);
        throw stepFailure(step, error, offset, target, part);
      }
    }
    await options.onStatement?.(step, undefined);
  };

  /** Statement by statement in the open transaction, each told first (`onStatement`): one round trip each. */
  const runByStatement = async (step: PreparedStep, part: SqlBody, prefix: string, suffix: string, told: NonNullable<RunSessionOptions['onStatement']>) => {
    const bookkeeping = async (sql: string) => {
      if (!sql) return;
      await driver.execScript(sql).catch((error: unknown) => {
        throw stepFailure(step, error, undefined, target, part);
      });
    };
    await bookkeeping(prefix);
    for (const statement of splitStatements(part.sql)) {
      await told(step, runStatement(step, part, statement));
      try {
        await driver.execScript(statement.sql);
      } catch (error) {
        throw stepFailure(
          step,
          error,
          statement.offset + (error instanceof SqlExecutionError && error.position !== undefined ? error.position : 0),
          target,
          part,
        );
      }
    }
    await told(step, undefined);
    await bookkeeping(suffix);
  };

  /** One script in the open transaction: the server's error position is relative to the script, after `prefix`. */
  const runInTransaction = async (step: PreparedStep, part: SqlBody, prefix: string, suffix: string) => {
    if (options.onStatement) return runByStatement(step, part, prefix, suffix, options.onStatement);
    try {
      await driver.execScript(`${prefix}${part.sql}\n;\n${suffix}`);
    } catch (error) {
      const offset = error instanceof SqlExecutionError && error.position !== undefined ? error.position - prefix.length : undefined;
      throw stepFailure(step, error, offset, target, part);
    }
  };

  return {
    async run(step, record) {
      const started = performance.now();
      const { body, verify } = step;
      const alone = body !== null && !body.transaction;
      // Outside a transaction the bookkeeping is its own statement, so the duration is measured from the
      // server's clock when the step began (one more round trip, for these steps only).
      const { before, beforeOnItsOwn, after, undoWhenVerifyFails } = record(alone ? await durationSince(driver) : postgresVersionTable.unmeasuredDuration);
      if (alone) {
        // Committed first: a failure below leaves the tool's own mark (golang-migrate's dirty flag).
        if (before) {
          await driver.execScript(before).catch((error: unknown) => {
            throw stepRefusal(step, error, target);
          });
        }
        await runAlone(step, body);
        if (verify) {
          await runAlone(step, verify).catch(async (failure: unknown) => {
            throw await undoAfterFailedVerify(driver, step, failure, undoWhenVerifyFails, (part) => runAlone(step, part));
          });
        }
        await driver.execScript(after);
        return performance.now() - started;
      }
      // The tool's own start mark, committed first where the tool writes it so (Prisma's started row).
      const startFirst = before !== undefined && body !== null && beforeOnItsOwn === true;
      if (startFirst) {
        await driver.execScript(before).catch((error: unknown) => {
          throw stepRefusal(step, error, target);
        });
      }
      // One round trip per revision: BEGIN, the body and its bookkeeping in one script (the verify script, when there is one, in a second).
      const opening = `BEGIN;\n${before && !startFirst ? `${before};\n` : ''}`;
      const closing = `${after};\nCOMMIT;`;
      try {
        if (!body) await driver.execScript(`${opening}${closing}`);
        else if (!verify) await runInTransaction(step, body, opening, closing);
        else {
          await runInTransaction(step, body, opening, '');
          await runInTransaction(step, verify, '', closing);
        }
      } catch (error) {
        const lost = error instanceof SwitchyardError && error.code === 'E_CONNECTION_LOST';
        if (!lost) await driver.execScript('ROLLBACK').catch(() => undefined);
        throw error;
      }
      return performance.now() - started;
    },
    async close() {
      await driver.query('SELECT pg_advisory_unlock($1, $2)', [lockKey[0], lockKey[1]]).catch(() => undefined);
    },
  };
}
