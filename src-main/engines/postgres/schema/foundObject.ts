// What each family's query hands the PostgreSQL schema reader: finished objects, plus the catalog
// address (`1259:16384`: the catalog's oid, the object's, and a column's number after a third colon)
// that dependencies and comments name them by.
import {
  quotedKeyPart,
  schemaObjectKey,
  type SchemaObject,
  type SchemaObjectBase,
  type SchemaObjectKind,
  type SchemaUnread,
} from '../../../../src-shared/model/schema';

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

/** A relation as the other families name it: read once with the relations, found by its oid. */
export interface RelationName {
  schema: string;
  name: string;
  /** `schema.name`, each part quoted as the server quotes it. */
  qualified: string;
  kind: RelationObjectKind;
}

/** The relations read, by oid. */
export type Relations = Map<string, RelationName>;

/**
 * Every live column of the tables read, by table oid and column number: constraints and indexes name
 * theirs, and take their keys, through it. A column's key is made once and shared by every object
 * that needs it (a read of 2,000 tables makes tens of thousands of them).
 */
export class ColumnNames {
  private readonly tables = new Map<string, TableColumns>();

  private table(tableOid: string): TableColumns {
    let table = this.tables.get(tableOid);
    if (table === undefined) {
      table = { names: [], keys: [], quoted: [], keyPrefix: undefined, relationKey: undefined };
      this.tables.set(tableOid, table);
    }
    return table;
  }

  /** Records a column; `key` when its key is already made. */
  add(tableOid: string, number: number, name: string, key?: string): void {
    const table = this.table(tableOid);
    table.names[number] = name;
    if (key !== undefined) table.keys[number] = key;
  }

  /** Records how the server quotes the column's name (quote_ident). */
  quote(tableOid: string, number: number, quoted: string): void {
    this.table(tableOid).quoted[number] = quoted;
  }

  /** The column's name as the server quotes it; undefined for one not read. */
  quoted(tableOid: string, number: number): string | undefined {
    return this.tables.get(tableOid)?.quoted[number];
  }

  /** The column's name, `#<number>` for one not read. */
  name(tableOid: string, number: number): string {
    return this.tables.get(tableOid)?.names[number] ?? `#${number}`;
  }

  /** 1-based position among its table's live columns, in column number order; 0 for one not read. */
  position(tableOid: string, number: number): number {
    const table = this.tables.get(tableOid);
    if (table === undefined || table.names[number] === undefined) return 0;
    if (table.positions === undefined) {
      const positions: number[] = [];
      let position = 0;
      table.names.forEach((_, at) => (positions[at] = ++position));
      table.positions = positions;
    }
    return table.positions[number] ?? 0;
  }

  /** The key of the relation `tableOid` is (`schema`.`name`, of `kind`): made once, shared by each of its columns, constraints and indexes. */
  relationKey(tableOid: string, kind: RelationObjectKind, schema: string, name: string): string {
    const table = this.table(tableOid);
    table.relationKey ??= schemaObjectKey(kind, [schema, name]);
    return table.relationKey;
  }

  /** The column's key in the table `schema`.`table` (the one `tableOid` is). */
  key(tableOid: string, number: number, schema: string, table: string): string {
    const columns = this.table(tableOid);
    const made = columns.keys[number];
    if (made !== undefined) return made;
    // Every column key of a table starts alike (`column:"s"."t".`): that part is made once per table.
    columns.keyPrefix ??= `${schemaObjectKey('column', [schema, table])}.`;
    const key = columns.keyPrefix + quotedKeyPart(columns.names[number] ?? `#${number}`);
    columns.keys[number] = key;
    return key;
  }
}

interface TableColumns {
  names: string[];
  keys: string[];
  quoted: string[];
  keyPrefix: string | undefined;
  relationKey: string | undefined;
  positions?: number[];
}

/** The fields of an object read from the catalog; those left out take schemaObject's defaults. */
type CatalogObjectFields<K extends SchemaObjectKind> = Omit<SchemaObjectBase<K>, 'matchKey' | 'generatedName' | 'parent'> &
  Partial<Pick<SchemaObjectBase<K>, 'matchKey' | 'generatedName' | 'parent'>>;

/**
 * schemaObject's object, its fields in the same order, made field by field: a large read makes tens of
 * thousands, and copying each one's fields with a spread was a good part of its time.
 */
export function catalogObject<K extends SchemaObjectKind>(fields: CatalogObjectFields<K>): SchemaObjectBase<K> {
  return {
    matchKey: fields.matchKey ?? fields.key,
    generatedName: fields.generatedName ?? false,
    parent: fields.parent ?? null,
    dependsOn: fields.dependsOn,
    key: fields.key,
    kind: fields.kind,
    schema: fields.schema,
    name: fields.name,
    definition: fields.definition,
    attributes: fields.attributes,
  };
}

/**
 * A family of objects: its one query, whose only parameter ($1) is the schemas read, and how its rows
 * become objects (`names`: the columns, read first).
 */
export interface Family<Row, Result = FamilyRead> {
  sql: string;
  build(rows: Row[], names: ColumnNames): Result;
}

/**
 * The numbers of a list the server printed space-separated (an int2vector, or an int2[] through
 * array_to_string): read here, where pg's generic array parser made strings of each digit first.
 */
export function numberList(text: string | null): number[] {
  const numbers: number[] = [];
  if (text === null || text === '') return numbers;
  let value = 0;
  let sign = 1;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 32) {
      numbers.push(sign * value);
      value = 0;
      sign = 1;
    } else if (code === 45) sign = -1;
    else if (code >= 48 && code <= 57) value = value * 10 + (code - 48);
    else throw new Error(`The schema read expected a list of numbers from the server, not ${JSON.stringify(text)}.`);
  }
  numbers.push(sign * value);
  return numbers;
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
