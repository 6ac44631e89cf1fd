// The "SQL to make B like A" as the Compare screen, the CLI and the run dialog see it: statements in
// the order they must run, each saying what it carries out and what it destroys, and what no
// statement could carry out. Written by each engine (`Engine.schemaSql`); never run by the diff.

export interface SchemaStatement {
  sql: string;
  /** Key of the object the statement creates, changes or drops (as the side it acts on spells it). */
  object: string;
  /** What it destroys, in words — an object, the data it holds, or values a conversion may lose; null when nothing is lost. */
  destroys: string | null;
}

export interface SchemaSql {
  statements: SchemaStatement[];
  /**
   * True when the statements hold their own transaction (SQLite's table rebuild turns foreign keys off
   * around one, which a transaction would ignore; PostgreSQL commits an enum's new labels before the
   * statements that may use them): run them as they are, not inside another one.
   */
  ownTransaction: boolean;
  /** Differences no statement carries out, and why: after the SQL these still differ. */
  notCovered: Array<{ object: string; reason: string }>;
}
