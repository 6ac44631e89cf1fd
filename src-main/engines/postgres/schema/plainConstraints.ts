// Primary keys, unique constraints and foreign keys whose statement pg_get_constraintdef would print
// from their catalog rows alone, spelt here byte for byte as it prints them: a call of it costs the
// server catalog look-ups per constraint on a fresh session (a third of the constraints query on a
// 2,000-table database). Every other constraint is still the server's own spelling.
import { notInExtension, type ColumnNames } from './foundObject';

/**
 * True for a constraint spelt here, in SQL over pg_constraint `k`, its index `x` (conindid: its own,
 * or for a foreign key the referenced key's) and that index's access method `am`, the referenced table
 * `r` and its schema `rn`. A btree index rules out WITHOUT OVERLAPS and PERIOD; a validated one rules
 * out NOT VALID and NOT ENFORCED (which the server marks not valid too). A foreign key's referenced
 * table must be one the read takes the columns of (a table of the schemas read, not an extension's);
 * ON DELETE SET NULL (columns) and INCLUDE columns are left to the server.
 */
export const plainConstraintSql = `(k.contype IN ('p', 'u', 'f') AND k.convalidated AND am.amname = 'btree'
        AND CASE WHEN k.contype = 'f' THEN k.confdelsetcols IS NULL AND r.relkind IN ('r', 'p') AND rn.nspname = ANY ($1::text[])
                                           AND ${notInExtension('pg_class', 'r.oid')}
                 ELSE x.indnatts = x.indnkeyatts END) IS TRUE`;

/** The catalog fields a plain constraint is spelt from. */
export interface PlainConstraintRow {
  contype: string;
  qualified_table: string;
  name: string;
  table_oid: string;
  deferrable: boolean;
  deferred: boolean;
  nulls_not_distinct: boolean | null;
  on_update: string;
  on_delete: string;
  match: string;
  /** format('%I.%I') of the referenced table: the server qualifies it, search_path being pg_catalog alone. */
  referenced_qualified: string | null;
  referenced_oid: string | null;
}

const matchClauses: Record<string, string> = { s: '', f: ' MATCH FULL', p: ' MATCH PARTIAL' };
const actionWords: Record<string, string> = { r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** ` ON UPDATE CASCADE`…; nothing for NO ACTION, which the server leaves out. */
function actionClause(on: string, action: string): string {
  if (action === 'a') return '';
  const word = actionWords[action];
  if (word === undefined) throw new Error(`The schema read found a foreign key action '${action}' it does not know.`);
  return ` ON ${on} ${word}`;
}

/** The columns as decompile_column_index_array prints them: each quoted as the server quotes it, comma and space between. */
function columnList(row: PlainConstraintRow, tableOid: string, numbers: number[], names: ColumnNames): string {
  let list = '';
  for (const number of numbers) {
    const quoted = names.quoted(tableOid, number);
    if (quoted === undefined)
      throw new Error(
        `The schema read found constraint ${row.name} on ${row.qualified_table} naming column ${number} of relation ${tableOid}, but not the column.`,
      );
    list = list === '' ? quoted : `${list}, ${quoted}`;
  }
  return list;
}

/** pg_get_constraintdef's statement of a plain constraint (plainConstraintSql); `numbers` are conkey, `referencedNumbers` confkey. */
export function plainConstraintDefinition(row: PlainConstraintRow, numbers: number[], referencedNumbers: number[], names: ColumnNames): string {
  let definition: string;
  if (row.contype === 'f') {
    const match = matchClauses[row.match];
    if (match === undefined) throw new Error(`The schema read found a foreign key match type '${row.match}' it does not know.`);
    definition = `FOREIGN KEY (${columnList(row, row.table_oid, numbers, names)}) REFERENCES ${row.referenced_qualified ?? ''}(${columnList(row, row.referenced_oid ?? '', referencedNumbers, names)})${match}${actionClause('UPDATE', row.on_update)}${actionClause('DELETE', row.on_delete)}`;
  } else {
    definition = `${row.contype === 'p' ? 'PRIMARY KEY' : 'UNIQUE'} ${row.nulls_not_distinct === true ? 'NULLS NOT DISTINCT ' : ''}(${columnList(row, row.table_oid, numbers, names)})`;
  }
  if (row.deferrable) definition += ' DEFERRABLE';
  if (row.deferred) definition += ' INITIALLY DEFERRED';
  return definition;
}
