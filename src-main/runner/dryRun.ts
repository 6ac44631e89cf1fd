// The exact SQL a run would send, in order, the format's bookkeeping included, without running it.
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import type { SqlFormat } from '../formats/format';
import type { PreparedStep } from './preparedStep';

const statement = (sql: string) => (sql.trimEnd().endsWith(';') ? sql.trim() : `${sql.trim()};`);

export function dryRunSql(
  driver: Pick<Driver, 'engine' | 'literal'>,
  format: SqlFormat,
  steps: readonly PreparedStep[],
  appliedBy: string,
  heading: string,
): string {
  const { versionTable } = engineFor(driver.engine);
  const parts = [`-- ${heading}`, statement(format.bookkeeping.createSql(versionTable))];
  steps.forEach((step, index) => {
    const label = `-- ${index + 1}/${steps.length} ${step.direction} ${step.revision}${step.message ? ` — ${step.message}` : ''} (${step.file})`;
    const { before, beforeOnItsOwn, after } = format.bookkeeping.record(driver, step, { appliedBy, durationSql: versionTable.unmeasuredDuration });
    const body = step.body?.sql.trim() ? [statement(step.body.sql)] : [];
    const verify = step.verify?.sql.trim() ? [`-- verify (${step.verify.file ?? step.file})`, statement(step.verify.sql)] : [];
    if (step.body && !step.body.transaction) {
      parts.push(
        [
          label,
          '-- runs outside a transaction, statement by statement; bookkeeping written after it succeeds',
          ...(before ? [statement(before)] : []),
          ...body,
          ...verify,
          statement(after),
        ].join('\n'),
      );
    } else {
      const startFirst = before !== undefined && step.body !== null && beforeOnItsOwn === true;
      const opening = before ? (startFirst ? [statement(before), 'BEGIN;'] : ['BEGIN;', statement(before)]) : ['BEGIN;'];
      parts.push([label, ...opening, ...body, ...verify, statement(after), 'COMMIT;'].join('\n'));
    }
  });
  return `${parts.join('\n\n')}\n`;
}
