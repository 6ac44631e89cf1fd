// What needs what, from pg_depend in one query: a view's rule on the tables, columns, functions and
// types it reads; a column's default on its sequence; a column on its enum or domain; a function on
// the types of its arguments. Both ends come back as catalog addresses; the reader turns them into keys.
import type { CatalogRow } from './foundObject';

export interface CatalogDependency extends CatalogRow {
  from_ref: string;
  to_ref: string;
}

const address = (catalog: string, oid: string, column: string) => `${catalog} || ':' || ${oid} || CASE WHEN ${column} <> 0 THEN ':' || ${column} ELSE '' END`;

// A view's rule stands for the view, a default for its column. An array type stands for its element
// type, a row type for its table, a member of an extension for the extension. Objects below
// FirstNormalObjectId (16384) are the server's own. Indexes and constraints are left out: their
// columns and referenced tables come with their own rows, and they are most of pg_depend.
export const dependenciesSql = `
SELECT DISTINCT from_ref, to_ref FROM (
SELECT
       CASE d.classid WHEN 'pg_rewrite'::regclass THEN 'pg_class'::regclass::oid || ':' || r.ev_class
                      WHEN 'pg_attrdef'::regclass THEN 'pg_class'::regclass::oid || ':' || ad.adrelid || ':' || ad.adnum
                      ELSE ${address('d.classid', 'd.objid', 'd.objsubid')} END AS from_ref,
       CASE WHEN x.refobjid IS NOT NULL THEN 'pg_extension'::regclass::oid || ':' || x.refobjid
            WHEN t.typrelid <> 0 THEN 'pg_class'::regclass::oid || ':' || t.typrelid
            WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN 'pg_type'::regclass::oid || ':' || t.typelem
            ELSE ${address('d.refclassid', 'd.refobjid', 'd.refobjsubid')} END AS to_ref
  FROM pg_depend d
  LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
  LEFT JOIN pg_attrdef ad ON d.classid = 'pg_attrdef'::regclass AND ad.oid = d.objid
  LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
  LEFT JOIN pg_depend x ON x.classid = d.refclassid AND x.objid = d.refobjid AND x.deptype = 'e'
 WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384
   AND (d.classid IN ('pg_rewrite'::regclass, 'pg_attrdef'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass)
        OR (d.classid = 'pg_class'::regclass AND d.objsubid <> 0))
) d
 -- A column's default stands for its column, and most defaults depend on their column alone: nothing to need.
 WHERE from_ref <> to_ref`;
