// The exact SQL a native run would send, in order, bookkeeping included, without running it.
import type { Driver } from '../drivers/driver';
import { bookkeepingSql } from './bookkeepingSql';
import type { PreparedStep } from './preparedStep';
import { createNativeTableSql } from './versionTables';

export function dryRunSql(driver: Pick<Driver, 'engine' | 'literal'>, steps: readonly PreparedStep[], appliedBy: string, heading: string): string {
  const parts = [`-- ${heading}`, `${createNativeTableSql(driver.engine)};`];
  steps.forEach((step, index) => {
    const label = `-- ${index + 1}/${steps.length} ${step.direction} ${step.revision}${step.message ? ` — ${step.message}` : ''} (${step.file})`;
    const body = step.body?.sql.trim();
    const bookkeeping = `${bookkeepingSql(driver, step, appliedBy)};`;
    if (step.body && !step.body.transaction) {
      parts.push(`${label}\n-- transaction:false: runs outside a transaction, bookkeeping written after it succeeds\n${body}\n${bookkeeping}`);
    } else {
      parts.push([label, 'BEGIN;', ...(body ? [body.endsWith(';') ? body : `${body};`] : []), bookkeeping, 'COMMIT;'].join('\n'));
    }
  });
  return `${parts.join('\n\n')}\n`;
}
