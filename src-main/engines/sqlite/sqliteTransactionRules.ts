// What SQLite refuses inside a transaction: VACUUM ("cannot VACUUM from within a transaction"). Read
// with the PostgreSQL parser, whose VACUUM statement SQLite's plain VACUUM parses as; SQL it rejects
// finds nothing (the static analysis reports it).
import { mayRefuseTransaction, statementsRefusingTransaction, type RefusedInTransaction } from '../../migrations/transactionRules';

export async function sqliteRefusedInTransaction(sql: string): Promise<RefusedInTransaction[]> {
  if (!mayRefuseTransaction(sql)) return [];
  const found = await statementsRefusingTransaction(sql);
  return found.filter((s) => /^\s*VACUUM\b/i.test(s.statement)).map((s) => ({ ...s, why: 'SQLite cannot VACUUM from within a transaction' }));
}
