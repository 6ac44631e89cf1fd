// A revision that runs in a transaction must not hold a statement the engine refuses in one: it would
// fail at that statement, after the ones before it ran for nothing. Found before the first statement
// of the run, so such a run is refused whole, with the format's way to mark the revision.
import type { PreflightFinding } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import type { SqlFormat } from '../formats/format';
import type { PreparedStep } from './preparedStep';

function fix(format: SqlFormat): string {
  return format.outsideTransaction
    ? `Mark it to run outside a transaction (${format.name}: ${format.outsideTransaction}), or move the statement to a revision of its own so marked.`
    : `${format.name} decides by itself which revisions run outside a transaction, and did not for this one: move the statement to a revision of its own.`;
}

export async function transactionFindings(driver: Driver, format: SqlFormat, steps: readonly PreparedStep[]): Promise<PreflightFinding[]> {
  const engine = engineFor(driver.engine);
  const findings: PreflightFinding[] = [];
  for (const step of steps) {
    for (const part of [step.body, step.verify]) {
      if (!part?.transaction) continue;
      for (const refused of await engine.refusedInTransaction(driver, part.sql)) {
        const statement = refused.statement.replace(/\s+/g, ' ').trim();
        findings.push({
          severity: 'error',
          revision: step.revision,
          message: `${step.revision} (${part.file ?? step.file}:${part.line + refused.line - 1}) runs in a transaction but holds "${statement.length > 80 ? `${statement.slice(0, 77)}…` : statement}": ${refused.why}. ${fix(format)}`,
        });
      }
    }
  }
  return findings;
}
