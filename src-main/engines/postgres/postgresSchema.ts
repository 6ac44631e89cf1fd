// PostgreSQL's schema model, read from the catalog in a fixed number of queries (one per family of
// objects, whatever the number of tables) inside one read-only, repeatable-read transaction, so every
// family sees the same moment. search_path is pg_catalog alone for the read: the server then prints
// every user object schema-qualified, whatever the role's own search_path, and two databases print alike.
import type { SchemaModel, SchemaReadOptions, SchemaUnread } from '../../../src-shared/model/schema';
import type { Driver } from '../../drivers/driver';
import { columnsFamily } from './schema/columns';
import { commentsSql, type CatalogComment } from './schema/comments';
import { constraintsFamily } from './schema/constraints';
import { dependenciesSql, type CatalogDependency } from './schema/dependencies';
import { Arrivals, assembleArrived, assembleFound } from './schema/assembly';
import { ColumnNames, type CatalogRow, type Family, type FamilyRead, type Relations } from './schema/foundObject';
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
    const arrivals = new Arrivals();
    arrivals.add(scope);
    const arrived = (index: number, read: FamilyRead) => {
      reads[index] = read;
      arrivals.add(read);
    };
    let names = new ColumnNames();
    let dependencies: CatalogDependency[] = [];
    let comments: CatalogComment[] = [];
    let otherObjects: SchemaUnread[] = [];
    const family = (read: Family<CatalogRow>): Step => ({
      sql: read.sql,
      parameters: inScope,
      take: (rows) => arrived(2 + families.indexOf(read), read.build(rows, names)),
    });
    let relations: Relations = new Map();
    await runInTurn(driver, [
      {
        sql: relationsFamily.sql,
        parameters: inScope,
        take: (rows) => {
          const read = relationsFamily.build(rows as Parameters<typeof relationsFamily.build>[0], names);
          relations = read.tables;
          arrived(2 + families.indexOf(relationsFamily as Family<CatalogRow>), read);
        },
      },
      {
        sql: columnsFamily.sql,
        parameters: inScope,
        take: (rows) => {
          const columns = columnsFamily.build(rows as Parameters<typeof columnsFamily.build>[0], relations);
          names = columns.names;
          arrived(1, columns);
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
      objects:
        assembleArrived(arrivals, dependencies, comments) ??
        assembleFound(
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
