// How PostgreSQL runs a whole file sent as one simple query (what golang-migrate and Prisma send):
// several statements run in one implicit transaction; a lone statement, or a file that opens and
// commits its own transactions, runs as written, outside any transaction Switchyard would add.
import { splitStatements } from '../migrations/sqlStatements';

const transactionControl = /^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK)\b/i;

/** True when the file, sent as one query, would run in one implicit transaction. */
export function runsInOneTransaction(sql: string): boolean {
  const statements = splitStatements(sql);
  return statements.length > 1 && !statements.some((s) => transactionControl.test(s.sql.trim()));
}
