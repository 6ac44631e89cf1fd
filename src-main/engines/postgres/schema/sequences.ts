// Sequences, with the column that owns one (serial, OWNED BY). An identity column's sequence is part
// of the column (deptype 'i') and is not an object of its own.
import { schemaObject, schemaObjectKey, unnamedMatchKey } from '../../../../src-shared/model/schema';
import { notInExtension, type CatalogRow, type Family } from './foundObject';
import { isServerChosenName } from './generatedNames';

interface SequenceRow extends CatalogRow {
  ref: string;
  schema: string;
  name: string;
  qualified: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
  owned_by: string | null;
}

const sequencesSql = `
SELECT 'pg_class'::regclass::oid || ':' || c.oid AS ref, n.nspname AS schema, c.relname AS name, format('%I.%I', n.nspname, c.relname) AS qualified,
       format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start, s.seqincrement::text AS increment,
       s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
       tn.nspname AS owner_schema, t.relname AS owner_table, a.attname AS owner_column,
       CASE WHEN a.attname IS NOT NULL THEN format('%I.%I.%I', tn.nspname, t.relname, a.attname) END AS owned_by
  FROM pg_sequence s
  JOIN pg_class c ON c.oid = s.seqrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                       AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
  LEFT JOIN pg_class t ON t.oid = d.refobjid
  LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
 WHERE n.nspname = ANY ($1::text[]) AND d.deptype IS DISTINCT FROM 'i' AND ${notInExtension('pg_class', 'c.oid')}`;

export const sequencesFamily: Family<SequenceRow> = {
  sql: sequencesSql,
  build(rows) {
    return {
      unread: [],
      objects: rows.map((row) => {
        const key = schemaObjectKey('sequence', [row.schema, row.name]);
        const ownedBy =
          row.owner_schema === null || row.owner_table === null || row.owner_column === null
            ? null
            : schemaObjectKey('column', [row.owner_schema, row.owner_table, row.owner_column]);
        const generatedName = row.owner_table !== null && row.owner_column !== null && isServerChosenName(row.name, row.owner_table, [row.owner_column], 'seq');
        return {
          ref: row.ref,
          commentTarget: `SEQUENCE ${row.qualified}`,
          object: schemaObject<'sequence'>({
            key,
            matchKey: generatedName && ownedBy !== null ? unnamedMatchKey('sequence', ownedBy, 'owned') : key,
            kind: 'sequence',
            schema: row.schema,
            name: row.name,
            generatedName,
            definition:
              `CREATE SEQUENCE ${row.qualified} AS ${row.type} INCREMENT BY ${row.increment} MINVALUE ${row.min} MAXVALUE ${row.max} ` +
              `START WITH ${row.start} CACHE ${row.cache}${row.cycle ? ' CYCLE' : ' NO CYCLE'}${row.owned_by === null ? '' : ` OWNED BY ${row.owned_by}`}`,
            attributes: { type: row.type, start: row.start, increment: row.increment, min: row.min, max: row.max, cache: row.cache, cycle: row.cycle, ownedBy },
            // Not on its owning column: that column's default depends on the sequence, which comes first.
            dependsOn: [schemaObjectKey('schema', [row.schema])],
          }),
        };
      }),
    };
  },
};
