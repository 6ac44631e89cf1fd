// Runs steps on SQLite. The run lock is an immediate write transaction on a small lock file beside
// the database: held for the whole run, released by the OS if the process dies. Each revision runs
// statement by statement (SQLite does not say where in a script it failed) inside one transaction.
import { SwitchyardError } from '../../../src-shared/errors';
import type { ConnectionTarget, Driver } from '../../drivers/driver';
import { splitStatements } from '../../migrations/sqlStatements';
import type { SqlBody } from '../../migrations/readers/projectFiles';
import type { PreparedStep } from '../../runner/preparedStep';
import type { RunSession, RunSessionOptions } from '../../runner/runSession';
import { stepFailure } from '../../runner/stepFailure';
import { stepRefusal } from '../../runner/stepRefusal';
import { undoAfterFailedVerify } from '../../runner/verifyFailure';
import { openSqlite } from '../../sqliteModule';

export async function openSqliteRunSession(
  driver: Driver,
  target: { connection: ConnectionTarget },
  lockTimeoutMs: number,
  options: RunSessionOptions,
): Promise<RunSession> {
  const path = target.connection.sqlitePath;
  const lockPath = `${path}.switchyard-lock`;
  const lock = openSqlite(lockPath, { timeout: lockTimeoutMs });
  try {
    lock.exec('BEGIN IMMEDIATE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new SwitchyardError(
        'E_LOCK_HELD',
        `Another migration run holds ${lockPath} (waited ${Math.round(lockTimeoutMs / 1000)} s). SQLite does not say which process; it is released when that run ends.`,
      );
    }
    throw error;
  }
  if (options.prepareSql) await driver.execScript(options.prepareSql);
  // Set outside any transaction (inside one SQLite ignores it), for the whole run, and put back at its end.
  if (options.foreignKeys === false) await driver.execScript('PRAGMA foreign_keys = OFF');

  // SQLite has no server clock for the statement: the client measures the step.
  const measured = (started: number) => String(Math.round(performance.now() - started));

  const runStatements = async (step: PreparedStep, part: SqlBody | null) => {
    for (const statement of splitStatements(part?.sql ?? '')) {
      try {
        await driver.execScript(statement.sql);
      } catch (error) {
        // A script's own transaction the failure left open ends here (inside Switchyard's, the caller rolls back anyway).
        await driver.execScript('ROLLBACK').catch(() => undefined);
        throw stepFailure(step, error, statement.offset, path, part);
      }
    }
  };

  return {
    async run(step, record) {
      const started = performance.now();
      if (step.body && !step.body.transaction) {
        const { before, undoWhenVerifyFails } = record(measured(started));
        if (before) {
          await driver.execScript(before).catch((error: unknown) => {
            throw stepRefusal(step, error, path);
          });
        }
        await runStatements(step, step.body);
        await runStatements(step, step.verify).catch(async (failure: unknown) => {
          throw await undoAfterFailedVerify(driver, step, failure, undoWhenVerifyFails, (part) => runStatements(step, part));
        });
        await driver.execScript(record(measured(started)).after);
        return performance.now() - started;
      }
      const { before, beforeOnItsOwn } = record(measured(started));
      // The tool's own start mark, committed first where the tool writes it so (Prisma's started row).
      const startFirst = before !== undefined && step.body !== null && beforeOnItsOwn === true;
      if (startFirst) {
        await driver.execScript(before).catch((error: unknown) => {
          throw stepRefusal(step, error, path);
        });
      }
      await driver.execScript('BEGIN IMMEDIATE');
      try {
        if (before && !startFirst) await driver.execScript(before);
        await runStatements(step, step.body);
        await runStatements(step, step.verify);
        await driver.execScript(record(measured(started)).after);
        await driver.execScript('COMMIT');
      } catch (error) {
        await driver.execScript('ROLLBACK').catch(() => undefined);
        throw error;
      }
      return performance.now() - started;
    },
    async close() {
      lock.exec('ROLLBACK');
      lock.close();
      if (options.foreignKeys === false) await driver.execScript('PRAGMA foreign_keys = ON');
    },
  };
}
