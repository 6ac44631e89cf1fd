// Functions and procedures: signature, language and a hash of the body, with the server's own
// CREATE statement. Aggregates and window functions are found and reported as not modelled.
import { createHash } from 'node:crypto';
import { schemaObject, schemaObjectKey, type SchemaUnread } from '../../../../src-shared/model/schema';
import { notInExtension, type CatalogRow, type FoundObject, type Family } from './foundObject';

interface RoutineRow extends CatalogRow {
  ref: string;
  schema: string;
  name: string;
  qualified: string;
  prokind: string;
  signature: string;
  arguments: string;
  returns: string | null;
  language: string;
  volatility: string;
  strict: boolean;
  security_definer: boolean;
  definition: string | null;
  body: string;
}

const routinesSql = `
SELECT 'pg_proc'::regclass::oid || ':' || p.oid AS ref, n.nspname AS schema, p.proname AS name, format('%I.%I', n.nspname, p.proname) AS qualified,
       p.prokind, pg_get_function_identity_arguments(p.oid) AS signature, pg_get_function_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind = 'f' THEN pg_get_function_result(p.oid) END AS returns, l.lanname AS language,
       p.provolatile AS volatility, p.proisstrict AS strict, p.prosecdef AS security_definer,
       CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END AS definition,
       -- A SQL-standard body (BEGIN ATOMIC … END) is stored parsed, with an empty prosrc.
       CASE WHEN p.prosrc = '' AND p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) ELSE p.prosrc END AS body
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
  JOIN pg_language l ON l.oid = p.prolang
 WHERE n.nspname = ANY ($1::text[]) AND ${notInExtension('pg_proc', 'p.oid')}`;

const volatility = { i: 'immutable', s: 'stable', v: 'volatile' } as const;

function routineFound(row: RoutineRow, kind: 'function' | 'procedure'): FoundObject {
  return {
    ref: row.ref,
    commentTarget: `${kind.toUpperCase()} ${row.qualified}(${row.signature})`,
    object: schemaObject<typeof kind>({
      key: schemaObjectKey(kind, [row.schema, row.name], row.signature),
      kind,
      schema: row.schema,
      name: row.name,
      definition: (row.definition ?? '').trim(),
      attributes: {
        signature: row.signature,
        arguments: row.arguments,
        returns: row.returns,
        language: row.language,
        volatility: volatility[row.volatility as keyof typeof volatility] ?? 'volatile',
        strict: row.strict,
        securityDefiner: row.security_definer,
        bodyHash: createHash('sha256').update(row.body).digest('hex'),
      },
      dependsOn: [schemaObjectKey('schema', [row.schema])],
    }),
  };
}

export const routinesFamily: Family<RoutineRow> = {
  sql: routinesSql,
  build(rows) {
    const objects: FoundObject[] = [];
    const unread: SchemaUnread[] = [];
    for (const row of rows) {
      if (row.prokind === 'f') objects.push(routineFound(row, 'function'));
      else if (row.prokind === 'p') objects.push(routineFound(row, 'procedure'));
      else
        unread.push({
          object: `${row.prokind === 'a' ? 'aggregate' : 'window function'} ${row.qualified}(${row.signature})`,
          reason: 'aggregates and window functions are not part of the schema model yet',
        });
    }
    return { objects, unread };
  },
};
