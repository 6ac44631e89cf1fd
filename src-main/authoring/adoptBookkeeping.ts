// A replayed or read schema without the migration tool's own bookkeeping (switchyard_migrations,
// alembic_version…): what the migrations themselves made, which is all adopt and squash compare.
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import { schemaObjectKey, type SchemaModel, type SchemaObject } from '../../src-shared/model/schema';
import { engineFor } from '../engines/engineFor';

/** The key of the top-level object (a table, a view…) `object` belongs to, through its parents. */
export function topLevelKey(object: SchemaObject, byKey: ReadonlyMap<string, SchemaObject>): string {
  let current = object;
  for (let parent = current.parent; parent !== null; parent = current.parent) {
    const next = byKey.get(parent);
    if (!next) return parent;
    current = next;
  }
  return current.key;
}

/** `tables`: the format's bookkeeping tables as the static analysis spells them (`MigrationFormat.bookkeeping.tables`). */
export function withoutBookkeeping(model: SchemaModel, engine: EngineKind, tables: readonly string[]): SchemaModel {
  const { catalog } = engineFor(engine);
  const dropped = new Set<string>();
  for (const table of tables) {
    const { schema, name } = catalog.address(table);
    dropped.add(schemaObjectKey('table', [schema, name]));
    // A tool with a schema of its own (sqitch) brings the schema too.
    if (schema !== catalog.defaultSchema) dropped.add(schemaObjectKey('schema', [schema]));
  }
  const byKey = new Map(model.objects.map((o) => [o.key, o]));
  const topOf = (object: SchemaObject) => topLevelKey(object, byKey);
  const ownedByDropped = (object: SchemaObject): boolean => {
    if (object.kind !== 'sequence') return false;
    const owner = (object.attributes as { ownedBy?: string | null }).ownedBy;
    const column = owner ? byKey.get(owner) : undefined;
    return column !== undefined && dropped.has(topOf(column));
  };
  return { ...model, objects: model.objects.filter((o) => !dropped.has(topOf(o)) && !ownedByDropped(o)) };
}
