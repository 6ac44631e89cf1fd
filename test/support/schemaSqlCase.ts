// One case of the schema SQL tests, the same on every engine: a change made on one side, what the diff
// must find, and what the SQL must say it destroys.
import { expect } from 'vitest';
import type { SchemaSql } from '../../src-shared/schema/schemaSql';

export interface SchemaSqlCase {
  title: string;
  /** Run on A only: what the diff must find. */
  a: string;
  /** Run on B only. */
  b?: string;
  /** `<change> <kind>` of at least one difference the diff must report. */
  finds: string;
  /** What the SQL must say it destroys; null: it must destroy nothing. Unchecked when absent. */
  destroys?: RegExp | null;
}

export function expectDestroyed(sql: SchemaSql, destroys: SchemaSqlCase['destroys']): void {
  const destroyed = sql.statements.flatMap((s) => (s.destroys === null ? [] : [s.destroys]));
  if (destroys === null) expect(destroyed).toEqual([]);
  else if (destroys) expect(destroyed).toContainEqual(expect.stringMatching(destroys));
}
