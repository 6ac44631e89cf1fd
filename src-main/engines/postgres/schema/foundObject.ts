// What each family's query hands the PostgreSQL schema reader: finished objects, plus the catalog
// address (`1259:16384`: the catalog's oid, the object's, and a column's number after a third colon)
// that dependencies and comments name them by.
import type { SchemaObject, SchemaUnread } from '../../../../src-shared/model/schema';

export interface FoundObject {
  /** `<catalog oid>:<oid>[:<column number>]`, as pg_depend and pg_description address it. */
  ref: string;
  object: SchemaObject;
  /** How COMMENT ON names it (`TABLE public.orders`); absent for kinds that take no comment here. */
  commentTarget?: string;
}

export interface FamilyRead {
  objects: FoundObject[];
  unread: SchemaUnread[];
}

/** Column names by `<table oid>:<column number>`, every live column of the tables read: constraints and indexes name theirs through it. */
export type ColumnNames = Map<string, string>;

/**
 * A family of objects: its one query, whose only parameter ($1) is the schemas read, and how its rows
 * become objects (`names`: the columns, read first).
 */
export interface Family<Row, Result = FamilyRead> {
  sql: string;
  build(rows: Row[], names: ColumnNames): Result;
}

/** A row of catalog text: every query names its columns, each family types its own. */
export type CatalogRow = Record<string, unknown>;

/** Objects here belong to an extension when pg_depend says so ('e'): the extension stands for them. */
export function notInExtension(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend member WHERE member.classid = '${catalog}'::regclass AND member.objid = ${oid} AND member.deptype = 'e')`;
}

/** The model's kind of a pg_class row aliased `alias`, in SQL: what a key to a relation starts with. */
export function relationKindSql(alias: string): string {
  return `CASE WHEN ${alias}.relispartition THEN 'partition' WHEN ${alias}.relkind = 'v' THEN 'view'
               WHEN ${alias}.relkind = 'm' THEN 'materialized view' ELSE 'table' END`;
}

/** Kinds relationKindSql returns. */
export type RelationObjectKind = 'table' | 'partition' | 'view' | 'materialized view';
