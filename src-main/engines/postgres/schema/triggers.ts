// Triggers of tables and views, the server's CREATE TRIGGER with its timing, events and function.
// Internal triggers (those behind foreign keys) and the copies a partition inherits are not the user's.
import { schemaObject, schemaObjectKey } from '../../../../src-shared/model/schema';
import { notInExtension, relationKindSql, type CatalogRow, type RelationObjectKind, type Family } from './foundObject';

interface TriggerRow extends CatalogRow {
  ref: string;
  schema: string;
  table_name: string;
  table_kind: RelationObjectKind;
  qualified_table: string;
  name: string;
  quoted: string;
  definition: string;
  type: number;
  enabled: string;
  function_schema: string;
  function_name: string;
  function_signature: string;
  update_columns: string[];
}

const triggersSql = `
SELECT 'pg_trigger'::regclass::oid || ':' || g.oid AS ref, n.nspname AS schema, c.relname AS table_name, ${relationKindSql('c')} AS table_kind,
       format('%I.%I', n.nspname, c.relname) AS qualified_table, g.tgname AS name, quote_ident(g.tgname) AS quoted,
       pg_get_triggerdef(g.oid) AS definition, g.tgtype::int AS type, g.tgenabled::text AS enabled,
       pn.nspname AS function_schema, p.proname AS function_name, pg_get_function_identity_arguments(p.oid) AS function_signature,
       ARRAY(SELECT quote_ident(a.attname) FROM unnest(g.tgattr::int2[]) WITH ORDINALITY u(attnum, i)
               JOIN pg_attribute a ON a.attrelid = g.tgrelid AND a.attnum = u.attnum ORDER BY u.i) AS update_columns
  FROM pg_trigger g
  JOIN pg_class c ON c.oid = g.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_proc p ON p.oid = g.tgfoid
  JOIN pg_namespace pn ON pn.oid = p.pronamespace
 WHERE NOT g.tgisinternal AND g.tgparentid = 0 AND n.nspname = ANY ($1::text[]) AND ${notInExtension('pg_class', 'c.oid')}`;

// tgtype's bits, from PostgreSQL's pg_trigger.h.
const row = 1;
const before = 2;
const instead = 64;
const eventBits: Array<[number, string]> = [
  [4, 'INSERT'],
  [8, 'DELETE'],
  [16, 'UPDATE'],
  [32, 'TRUNCATE'],
];

/** WHEN's condition, as pg_get_triggerdef prints it: tgqual itself names OLD and NEW in a way pg_get_expr cannot print. */
function whenOf(definition: string): string | null {
  return /\sWHEN \((.*)\) EXECUTE (?:FUNCTION|PROCEDURE) /s.exec(definition)?.[1] ?? null;
}

export const triggersFamily: Family<TriggerRow> = {
  sql: triggersSql,
  build(rows) {
    return {
      unread: [],
      objects: rows.map((trigger) => {
        const parent = schemaObjectKey(trigger.table_kind, [trigger.schema, trigger.table_name]);
        const fn = schemaObjectKey('function', [trigger.function_schema, trigger.function_name], trigger.function_signature);
        const events = eventBits
          .filter(([bit]) => (trigger.type & bit) !== 0)
          .map(([, event]) => (event === 'UPDATE' && trigger.update_columns.length > 0 ? `UPDATE OF ${trigger.update_columns.join(', ')}` : event));
        return {
          ref: trigger.ref,
          commentTarget: `TRIGGER ${trigger.quoted} ON ${trigger.qualified_table}`,
          object: schemaObject<'trigger'>({
            key: schemaObjectKey('trigger', [trigger.schema, trigger.table_name, trigger.name]),
            kind: 'trigger',
            schema: trigger.schema,
            name: trigger.name,
            parent,
            definition: trigger.definition,
            attributes: {
              timing: (trigger.type & instead) !== 0 ? 'INSTEAD OF' : (trigger.type & before) !== 0 ? 'BEFORE' : 'AFTER',
              events,
              level: (trigger.type & row) !== 0 ? 'ROW' : 'STATEMENT',
              function: fn,
              when: whenOf(trigger.definition),
              body: null,
              enabled: trigger.enabled,
            },
            dependsOn: [parent, fn],
          }),
        };
      }),
    };
  },
};
