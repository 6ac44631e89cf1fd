// Whether a script that runs outside Switchyard's transaction (sqitch's, golang-migrate's with its own
// BEGIN/COMMIT) had opened its own transaction when one of its statements failed: then that transaction
// is rolled back, and nothing of the script since its BEGIN stays applied.
import { lineAndColumn, splitStatements } from '../migrations/sqlStatements';

const leadingComments = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const opens = /^(?:BEGIN|START\s+TRANSACTION)\b(?!\s+ATOMIC)/i;
const closes = /^(?:COMMIT|END|ROLLBACK|ABORT)\b(?!\s+(?:TO|PREPARED)\b)/i;

export interface OpenTransaction {
  /** The 1-based line of its BEGIN. */
  line: number;
  /** The BEGIN is the script's first statement: nothing of the script stays applied. */
  first: boolean;
}

/** The script's own transaction still open at `offset` in `sql`, or null when none was. */
export function scriptTransactionOpenAt(sql: string, offset: number): OpenTransaction | null {
  let openedAt: OpenTransaction | null = null;
  let index = 0;
  // Only the statements that ran before the failing one (a failed BEGIN or COMMIT changes nothing).
  for (const statement of splitStatements(sql)) {
    if (statement.offset + statement.sql.length > offset) break;
    const skipped = leadingComments.exec(statement.sql)?.[0].length ?? 0;
    const text = statement.sql.slice(skipped);
    if (opens.test(text)) openedAt = { line: lineAndColumn(sql, statement.offset + skipped).line, first: index === 0 };
    else if (closes.test(text)) openedAt = null;
    index += 1;
  }
  return openedAt;
}
