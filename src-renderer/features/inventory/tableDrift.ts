// What the drift says about each inventory table: its columns' statuses (+ only in the database,
// - made by the migrations and gone, ~ changed), what else inside it drifted, and whether a rule sets
// it apart as another application's.
import type { DriftReport } from '../../../src-shared/model/drift';
import { quotedKeyPart } from '../../../src-shared/model/schema';

export interface ColumnDrift {
  name: string;
  change: 'unexpected' | 'missing' | 'changed';
  /** The revision that made the column, or its table for a column no migration made. */
  revision: string | null;
}

export interface TableDrift {
  columns: ColumnDrift[];
  /** Indexes, constraints, triggers… of the table that drifted. */
  others: number;
  /** The rule that sets the table apart as another application's, in words. */
  otherApplication?: string;
}

/** A table's path as keys spell it: `"public"."orders"`. */
export function tablePath(table: { schema: string; name: string }): string {
  return `${quotedKeyPart(table.schema)}.${quotedKeyPart(table.name)}`;
}

/** The part of a key after its kind: `table:"public"."orders"` → `"public"."orders"`. */
function pathOf(key: string, kind: string): string {
  return key.slice(kind.length + 1);
}

export function driftByTable(report: DriftReport | undefined): Map<string, TableDrift> {
  const tables = new Map<string, TableDrift>();
  if (!report) return tables;
  const at = (path: string) => {
    let drift = tables.get(path);
    if (!drift) tables.set(path, (drift = { columns: [], others: 0 }));
    return drift;
  };
  for (const o of report.objects) {
    // The table's own difference is its inventory status already; its members are what the inventory cannot see.
    if (o.object === o.key) continue;
    const top = o.object.slice(o.object.indexOf(':') + 1);
    if (o.kind === 'column') at(top).columns.push({ name: o.name, change: o.change, revision: o.revision });
    else at(top).others += 1;
  }
  for (const o of report.otherApplication) at(pathOf(o.key, o.kind)).otherApplication = o.rule;
  return tables;
}

/** Unexpected tables a rule sets apart as another application's: never counted as unexpected. */
export function setApartTables(tables: ReadonlyArray<{ schema: string; name: string; status: string | null }>, report: DriftReport | undefined): number {
  const apart = new Set((report?.otherApplication ?? []).map((o) => pathOf(o.key, o.kind)));
  return apart.size === 0 ? 0 : tables.filter((t) => t.status === 'unexpected' && apart.has(tablePath(t))).length;
}

const marks = { unexpected: '+', missing: '-', changed: '~' } as const;

/** `+note ~status`, then `2 more objects` when indexes or constraints drifted too. */
export function tableDriftText(drift: TableDrift): string {
  const parts = drift.columns.map((c) => `${marks[c.change]}${c.name}`);
  if (drift.others > 0) parts.push(`${drift.others} other object${drift.others === 1 ? '' : 's'}`);
  return parts.join(' ');
}
