// Row-level security policies. Whether a table enforces them is the table's `rowSecurity`.
import { schemaObject, schemaObjectKey } from '../../../../src-shared/model/schema';
import { notInExtension, relationKindSql, type CatalogRow, type RelationObjectKind, type Family } from './foundObject';

interface PolicyRow extends CatalogRow {
  ref: string;
  schema: string;
  table_name: string;
  table_kind: RelationObjectKind;
  qualified_table: string;
  name: string;
  quoted: string;
  command: string;
  permissive: boolean;
  roles: string[];
  using: string | null;
  with_check: string | null;
}

const policiesSql = `
SELECT 'pg_policy'::regclass::oid || ':' || p.oid AS ref, n.nspname AS schema, c.relname AS table_name, ${relationKindSql('c')} AS table_kind,
       format('%I.%I', n.nspname, c.relname) AS qualified_table, p.polname AS name, quote_ident(p.polname) AS quoted,
       p.polcmd::text AS command, p.polpermissive AS permissive,
       ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END FROM unnest(p.polroles) r ORDER BY 1) AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
  FROM pg_policy p
  JOIN pg_class c ON c.oid = p.polrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ANY ($1::text[]) AND ${notInExtension('pg_class', 'c.oid')}`;

const commands: Record<string, string> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

export const policiesFamily: Family<PolicyRow> = {
  sql: policiesSql,
  build(rows) {
    return {
      unread: [],
      objects: rows.map((policy) => {
        const parent = schemaObjectKey(policy.table_kind, [policy.schema, policy.table_name]);
        const command = commands[policy.command] ?? policy.command;
        const using = policy.using === null ? '' : ` USING (${policy.using})`;
        const withCheck = policy.with_check === null ? '' : ` WITH CHECK (${policy.with_check})`;
        return {
          ref: policy.ref,
          commentTarget: `POLICY ${policy.quoted} ON ${policy.qualified_table}`,
          object: schemaObject<'policy'>({
            key: schemaObjectKey('policy', [policy.schema, policy.table_name, policy.name]),
            kind: 'policy',
            schema: policy.schema,
            name: policy.name,
            parent,
            definition:
              `CREATE POLICY ${policy.quoted} ON ${policy.qualified_table} AS ${policy.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} ` +
              `FOR ${command} TO ${policy.roles.join(', ')}${using}${withCheck}`,
            attributes: { command, permissive: policy.permissive, roles: policy.roles, using: policy.using, withCheck: policy.with_check },
            dependsOn: [parent],
          }),
        };
      }),
    };
  },
};
