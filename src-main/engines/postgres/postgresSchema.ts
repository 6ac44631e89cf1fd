// PostgreSQL's schema model, read from the catalog in a fixed number of queries (one per family of
// objects, whatever the number of tables) inside one read-only, repeatable-read transaction, so every
// family sees the same moment. search_path is pg_catalog alone for the read: the server then prints
// every user object schema-qualified, whatever the role's own search_path, and two databases print alike.
import {
  schemaObject,
  commentKey,
  sortSchemaObjects,
  type SchemaModel,
  type SchemaObject,
  type SchemaReadOptions,
  type SchemaUnread,
} from '../../../src-shared/model/schema';
import type { Driver } from '../../drivers/driver';
import { columnsFamily } from './schema/columns';
import { commentsSql, type CatalogComment } from './schema/comments';
import { constraintsFamily } from './schema/constraints';
import { dependenciesSql, type CatalogDependency } from './schema/dependencies';
import { ColumnNames, type CatalogRow, type Family, type FamilyRead, type FoundObject, type Relations } from './schema/foundObject';
import { indexesFamily } from './schema/indexes';
import { extensionsFamily, readSchemas } from './schema/namespaces';
import { otherObjectsFamily } from './schema/otherObjects';
import { policiesFamily } from './schema/policies';
import { relationsFamily } from './schema/relations';
import { routinesFamily } from './schema/routines';
import { sequencesFamily } from './schema/sequences';
import { triggersFamily } from './schema/triggers';
import { typesFamily } from './schema/types';

/** The families read after the columns, whose names constraints and indexes take, in the order their objects and what they leave unread are listed. */
const families: Array<Family<CatalogRow>> = [
  extensionsFamily,
  typesFamily,
  sequencesFamily,
  routinesFamily,
  relationsFamily,
  constraintsFamily,
  indexesFamily,
  triggersFamily,
  policiesFamily,
];

/**
 * The order their queries go in after the relations and the columns: the server's longest first (on a
 * large database indexes, constraints and dependencies take most of its time), so it works on one
 * while this process builds the objects of the one before; the small ones last.
 */
const sendOrder: Array<Family<CatalogRow>> = [
  indexesFamily,
  constraintsFamily,
  extensionsFamily,
  typesFamily,
  sequencesFamily,
  routinesFamily,
  triggersFamily,
  policiesFamily,
];

/** One query and what to do with its rows. */
interface Step {
  sql: string;
  parameters: unknown[];
  take(rows: CatalogRow[]): void;
}

/**
 * The steps' queries one after the other, each sent before the last one's rows are turned into
 * objects: the server works on the next while this process builds, and never more than one statement
 * is in flight (pg deprecates queuing them).
 */
async function runInTurn(driver: Driver, steps: Step[]): Promise<void> {
  const send = (step: Step | undefined) => (step === undefined ? undefined : driver.query(step.sql, step.parameters));
  let next = send(steps[0]);
  for (const [index, step] of steps.entries()) {
    const rows = (await next) ?? [];
    next = send(steps[index + 1]);
    try {
      step.take(rows);
    } catch (error) {
      await next?.catch(() => undefined);
      throw error;
    }
  }
}

export async function readPostgresSchema(driver: Driver, options: SchemaReadOptions = {}): Promise<SchemaModel> {
  await driver.execScript('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = pg_catalog');
  try {
    const [version] = await driver.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    const scope = await readSchemas(driver, options.schemas);
    const inScope = [scope.schemas];
    // The schemas, the columns, then each family in `families`' order, whatever order they are read in.
    const reads: FamilyRead[] = [scope];
    let names = new ColumnNames();
    let dependencies: CatalogDependency[] = [];
    let comments: CatalogComment[] = [];
    let otherObjects: SchemaUnread[] = [];
    const family = (read: Family<CatalogRow>): Step => ({
      sql: read.sql,
      parameters: inScope,
      take: (rows) => (reads[2 + families.indexOf(read)] = read.build(rows, names)),
    });
    let relations: Relations = new Map();
    await runInTurn(driver, [
      {
        sql: relationsFamily.sql,
        parameters: inScope,
        take: (rows) => {
          const read = relationsFamily.build(rows as Parameters<typeof relationsFamily.build>[0], names);
          relations = read.tables;
          reads[2 + families.indexOf(relationsFamily as Family<CatalogRow>)] = read;
        },
      },
      {
        sql: columnsFamily.sql,
        parameters: inScope,
        take: (rows) => {
          const columns = columnsFamily.build(rows as Parameters<typeof columnsFamily.build>[0], relations);
          names = columns.names;
          reads[1] = columns;
        },
      },
      ...sendOrder.slice(0, 2).map(family),
      { sql: dependenciesSql, parameters: [], take: (rows) => (dependencies = rows as CatalogDependency[]) },
      ...sendOrder.slice(2).map(family),
      { sql: commentsSql, parameters: [], take: (rows) => (comments = rows as CatalogComment[]) },
      {
        sql: otherObjectsFamily.sql,
        parameters: inScope,
        take: (rows) => (otherObjects = otherObjectsFamily.build(rows as Parameters<typeof otherObjectsFamily.build>[0], names)),
      },
    ]);
    await driver.execScript('COMMIT');
    return {
      engine: 'postgres',
      serverVersion: version?.version,
      objects: assemble(
        reads.flatMap((read) => read.objects),
        dependencies,
        comments,
      ),
      unread: [...reads.flatMap((read) => read.unread), ...otherObjects],
    };
  } catch (error) {
    await driver.execScript('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** A column's address falls back to its relation's: a view's columns are not objects, the view is. */
function lookUp(byRef: Map<string, FoundObject>, ref: string): FoundObject | undefined {
  return byRef.get(ref) ?? byRef.get(ref.split(':').slice(0, 2).join(':'));
}

function commentObject(target: FoundObject, comment: CatalogComment): SchemaObject {
  const described = target.object;
  return schemaObject<'comment'>({
    key: commentKey(described.key),
    kind: 'comment',
    schema: described.schema,
    name: described.name,
    parent: described.key,
    definition: `COMMENT ON ${target.commentTarget ?? ''} IS ${comment.literal}`,
    attributes: { text: comment.text },
    dependsOn: [described.key],
  });
}

const dependencyKinds = new Set(['enum', 'domain']);

/**
 * Resolves catalog addresses into keys, adds comments, keeps only dependencies on objects in the
 * model. The objects are this read's own, fresh from the families: they are completed in place.
 */
function assemble(found: FoundObject[], dependencies: CatalogDependency[], comments: CatalogComment[]): SchemaObject[] {
  const byRef = new Map(found.map((item) => [item.ref, item]));
  const objects = found.map((item) => item.object);
  for (const comment of comments) {
    const target = byRef.get(comment.ref);
    if (target?.commentTarget !== undefined) objects.push(commentObject(target, comment));
  }
  const byKey = new Map(objects.map((object) => [object.key, object]));
  const need = (object: SchemaObject, key: string) => {
    if (!object.dependsOn.includes(key)) object.dependsOn.push(key);
  };
  for (const { from_ref, to_ref } of dependencies) {
    const from = lookUp(byRef, from_ref)?.object;
    const to = lookUp(byRef, to_ref)?.object;
    // A sequence's owner depends on it (the column's default), never the other way round.
    if (!from || !to || from.kind === 'sequence' || to.key === from.key || to.parent === from.key) continue;
    need(from, to.key);
    // pg_depend names the columns a view reads, not their table: it needs the table as much.
    if (to.kind === 'column' && to.parent !== null && to.parent !== from.key) need(from, to.parent);
    // A table is created with its columns, so it needs their enums and domains first too.
    const table = from.kind === 'column' && from.parent !== null && dependencyKinds.has(to.kind) ? byKey.get(from.parent) : undefined;
    if (table) need(table, to.key);
  }
  const matchKeys = new Map<string, number>();
  // In key order, so the same database always numbers its twins the same way.
  const sorted = sortSchemaObjects(objects);
  for (const object of sorted) {
    object.dependsOn = keptDependencies(object, byKey);
    object.matchKey = uniqueMatchKey(object, matchKeys);
  }
  return sorted;
}

/** Its dependencies on other objects of the model, in key order; the list itself when it already is that (most are). */
function keptDependencies(object: SchemaObject, byKey: Map<string, SchemaObject>): string[] {
  const keys = object.dependsOn;
  for (let at = 0; at < keys.length; at += 1) {
    const key = keys[at] ?? '';
    if (key === object.key || !byKey.has(key) || (at > 0 && (keys[at - 1] ?? '') >= key))
      return keys.filter((other) => other !== object.key && byKey.has(other)).sort();
  }
  return keys;
}

/** Two objects with made-up names and the same definition on one table (a foreign key added twice) keep apart. */
function uniqueMatchKey(object: SchemaObject, seen: Map<string, number>): string {
  const count = (seen.get(object.matchKey) ?? 0) + 1;
  seen.set(object.matchKey, count);
  return count === 1 ? object.matchKey : `${object.matchKey}#${count}`;
}
