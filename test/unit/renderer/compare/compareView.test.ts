// The Compare screen's filters: by kind keeps a table's group with only those differences, by schema
// keeps that schema's groups, and a group left empty goes.
import { describe, expect, it } from 'vitest';
import { schemaObject, type SchemaModel, type SchemaObject } from '../../../../src-shared/model/schema';
import { diffSchemas } from '../../../../src-shared/schema/schemaDiff';
import { filterGroups, kindsOf, noCompareFilter, schemasOf } from '../../../../src-renderer/features/compare/compareView';

const table = (schema: string, name: string): SchemaObject =>
  schemaObject({
    key: `table:"${schema}"."${name}"`,
    kind: 'table',
    schema,
    name,
    definition: `CREATE TABLE "${schema}"."${name}" ()`,
    attributes: { persistence: 'permanent', partitionBy: null, inherits: [], rowSecurity: false, forceRowSecurity: false, withoutRowid: false, strict: false },
  });

const column = (schema: string, tableName: string, name: string, type: string): SchemaObject =>
  schemaObject({
    key: `column:"${schema}"."${tableName}"."${name}"`,
    kind: 'column',
    schema,
    name,
    parent: `table:"${schema}"."${tableName}"`,
    definition: `"${name}" ${type}`,
    attributes: { type, nullable: true, default: null, identity: null, generated: null, generatedKind: null, collation: null, position: 1 },
  });

const model = (objects: SchemaObject[]): SchemaModel => ({ engine: 'postgres', objects: [...objects].sort((a, b) => (a.key < b.key ? -1 : 1)), unread: [] });

const from = model([table('public', 'orders'), column('public', 'orders', 'total', 'integer'), table('audit', 'log')]);
const to = model([
  table('public', 'orders'),
  column('public', 'orders', 'total', 'bigint'),
  column('public', 'orders', 'note', 'text'),
  table('billing', 'invoices'),
]);
const diff = diffSchemas(from, to);

describe('Compare filters', () => {
  it('lists the kinds and schemas the differences have', () => {
    expect(kindsOf(diff)).toEqual(['column', 'table']);
    expect(schemasOf(diff)).toEqual(['audit', 'billing', 'public']);
  });

  it('by kind: the table keeps its column differences, and groups with none of that kind go', () => {
    const groups = filterGroups(diff, { kind: 'column', schema: '' });
    expect(groups.map((g) => [g.object, g.differences.map((d) => `${d.change} ${d.name}`)])).toEqual([
      ['table:"public"."orders"', ['added note', 'changed total']],
    ]);
  });

  it('by schema: only that schema’s objects', () => {
    expect(filterGroups(diff, { kind: '', schema: 'audit' }).map((g) => g.object)).toEqual(['table:"audit"."log"']);
    expect(filterGroups(diff, noCompareFilter)).toHaveLength(3);
  });
});
