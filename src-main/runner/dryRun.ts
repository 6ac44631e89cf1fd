// The exact SQL a native run would send, in order, bookkeeping included, without running it.
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { bookkeepingSql } from './bookkeepingSql';
import { createNativeTableSql } from './nativeTableSql';
import type { PreparedStep } from './preparedStep';

export function dryRunSql(driver: Pick<Driver, 'engine' | 'literal'>, steps: readonly PreparedStep[], appliedBy: string, heading: string): string {
  const { versionTable } = engineFor(driver.engine);
  const parts = [`-- ${heading}`, `${createNativeTableSql(versionTable)};`];
  steps.forEach((step, index) => {
    const label = `-- ${index + 1}/${steps.length} ${step.direction} ${step.revision}${step.message ? ` — ${step.message}` : ''} (${step.file})`;
    const body = step.body?.sql.trim();
    const bookkeeping = `${bookkeepingSql(driver, step, appliedBy, versionTable.unmeasuredDuration)};`;
    if (step.body && !step.body.transaction) {
      parts.push(`${label}\n-- transaction:false: runs outside a transaction, bookkeeping written after it succeeds\n${body}\n${bookkeeping}`);
    } else {
      parts.push([label, 'BEGIN;', ...(body ? [body.endsWith(';') ? body : `${body};`] : []), bookkeeping, 'COMMIT;'].join('\n'));
    }
  });
  return `${parts.join('\n\n')}\n`;
}
