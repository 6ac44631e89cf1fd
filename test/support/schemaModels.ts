// Hand-built schema models for tests of the diff and of the SQL that follows from it: each builder
// makes one object as a reader would, with its key, parent and attributes.
import {
  schemaObjectKey,
  sortSchemaObjects,
  unnamedMatchKey,
  type SchemaAttributes,
  type SchemaModel,
  type SchemaObject,
  type SchemaObjectKind,
} from '../../src-shared/model/schema';
import type { Engine } from '../../src-shared/model/engine';

export function model(objects: SchemaObject[], engine: Engine = 'postgres'): SchemaModel {
  return { engine, objects: sortSchemaObjects(objects), unread: [] };
}

interface Parts<K extends SchemaObjectKind> {
  path: string[];
  parent?: string | null;
  generated?: string;
  definition?: string;
  attributes: SchemaAttributes[K];
  dependsOn?: string[];
}

export function object<K extends SchemaObjectKind>(kind: K, parts: Parts<K>): SchemaObject {
  const key = schemaObjectKey(kind, parts.path);
  const parent = parts.parent ?? null;
  return {
    key,
    matchKey: parts.generated === undefined ? key : unnamedMatchKey(kind, parent ?? '', parts.generated),
    kind,
    schema: parts.path[0] as string,
    name: parts.path[parts.path.length - 1] as string,
    parent,
    generatedName: parts.generated !== undefined,
    definition: parts.definition ?? '',
    attributes: parts.attributes,
    dependsOn: parts.dependsOn ?? [],
  } as SchemaObject;
}

export const tableKey = (schema: string, name: string) => schemaObjectKey('table', [schema, name]);

export function table(schema: string, name: string): SchemaObject {
  return object('table', {
    path: [schema, name],
    definition: `CREATE TABLE "${schema}"."${name}" ()`,
    attributes: { persistence: 'permanent', partitionBy: null, inherits: [], rowSecurity: false, forceRowSecurity: false, withoutRowid: false, strict: false },
  });
}

export function column(schema: string, tableName: string, name: string, attributes: Partial<SchemaAttributes['column']> = {}): SchemaObject {
  const full: SchemaAttributes['column'] = {
    type: 'integer',
    nullable: true,
    default: null,
    identity: null,
    generated: null,
    generatedKind: null,
    collation: null,
    position: 1,
    ...attributes,
  };
  return object('column', {
    path: [schema, tableName, name],
    parent: tableKey(schema, tableName),
    definition: `"${name}" ${full.type}${full.nullable ? '' : ' NOT NULL'}`,
    attributes: full,
  });
}

export function view(schema: string, name: string, query: string, dependsOn: string[] = []): SchemaObject {
  return object('view', { path: [schema, name], definition: `CREATE VIEW "${schema}"."${name}" AS ${query}`, attributes: { query }, dependsOn });
}
