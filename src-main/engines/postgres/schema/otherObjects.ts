// Objects in the user's schemas that the model does not hold yet, listed so that they are reported
// as not read rather than silently missing: rules, extended statistics, collations, operators, text
// search configurations and dictionaries, conversions; and the database's event triggers.
import type { SchemaUnread } from '../../../../src-shared/model/schema';
import { notInExtension, type CatalogRow, type Family } from './foundObject';

interface OtherRow extends CatalogRow {
  object: string;
}

const inScope = (catalog: string, alias: string, namespace: string) =>
  `SELECT pg_describe_object('${catalog}'::regclass, ${alias}.oid, 0) AS object FROM ${catalog} ${alias}
     JOIN pg_namespace n ON n.oid = ${alias}.${namespace} WHERE n.nspname = ANY ($1::text[]) AND ${notInExtension(catalog, `${alias}.oid`)}`;

const otherObjectsSql = `
SELECT pg_describe_object('pg_rewrite'::regclass, r.oid, 0) AS object FROM pg_rewrite r
  JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE r.rulename <> '_RETURN' AND n.nspname = ANY ($1::text[]) AND ${notInExtension('pg_class', 'c.oid')}
UNION ALL ${inScope('pg_statistic_ext', 's', 'stxnamespace')}
UNION ALL ${inScope('pg_collation', 'o', 'collnamespace')}
UNION ALL ${inScope('pg_operator', 'o', 'oprnamespace')}
UNION ALL ${inScope('pg_ts_config', 'o', 'cfgnamespace')}
UNION ALL ${inScope('pg_ts_dict', 'o', 'dictnamespace')}
UNION ALL ${inScope('pg_conversion', 'o', 'connamespace')}
UNION ALL SELECT pg_describe_object('pg_event_trigger'::regclass, e.oid, 0) FROM pg_event_trigger e WHERE ${notInExtension('pg_event_trigger', 'e.oid')}
ORDER BY 1`;

export const otherObjectsFamily: Family<OtherRow, SchemaUnread[]> = {
  sql: otherObjectsSql,
  build(rows) {
    return rows.map((row) => ({ object: row.object, reason: 'this kind of object is not part of the schema model yet' }));
  },
};
