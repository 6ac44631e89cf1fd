// PostgreSQL's schema model, read from the catalog in a fixed number of queries (one per family of
// objects, whatever the number of tables) inside one read-only, repeatable-read transaction, so every
// family sees the same moment; a large database's queries are shared out among three sessions on that
// transaction's snapshot (schema/sharedSnapshot.ts). search_path is pg_catalog alone for the read: the
// server then prints every user object schema-qualified, whatever the role's own search_path, and two
// databases print alike.
import type { SchemaModel, SchemaReadOptions } from '../../../src-shared/model/schema';
import type { Driver } from '../../drivers/driver';
import { columnsFamily } from './schema/columns';
import { commentsSql, type CatalogComment } from './schema/comments';
import { constraintsFamily } from './schema/constraints';
import { dependenciesSql, type CatalogDependency } from './schema/dependencies';
import { Arrivals, assembleArrived, assembleFound } from './schema/assembly';
import { ColumnNames, type CatalogRow, type Family, type FamilyRead } from './schema/foundObject';
import { indexesFamily } from './schema/indexes';
import { extensionsFamily, readSchemas } from './schema/namespaces';
import { otherObjectsFamily } from './schema/otherObjects';
import { policiesFamily } from './schema/policies';
import { QueryQueue } from './schema/queryQueue';
import { relationsFamily } from './schema/relations';
import { routinesFamily } from './schema/routines';
import { sequencesFamily } from './schema/sequences';
import { beginRead, shareSnapshot, type SharedSnapshot } from './schema/sharedSnapshot';
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

/**
 * Relations from which a read shares its queries out among more sessions on one snapshot: below it,
 * opening them costs more than it saves.
 */
const sharedFrom = 200;
/** Sessions besides the reader's own, for a read that shares its queries. */
const otherSessions = 2;

// The number of relations outside the server's schemas, to decide whether to share the read: a count of pg_class, not a read of it.
const aboutSql = `SELECT current_setting('server_version') AS version,
       (SELECT count(*) FROM pg_class WHERE relkind IN ('r', 'p', 'v', 'm', 'f')
           AND relnamespace <> 'pg_catalog'::regnamespace AND relnamespace <> 'information_schema'::regnamespace)::int AS relations`;

export async function readPostgresSchema(driver: Driver, options: SchemaReadOptions = {}): Promise<SchemaModel> {
  await beginRead(driver);
  const queue = new QueryQueue();
  const serving: Array<Promise<void>> = [];
  let shared: SharedSnapshot | undefined;
  try {
    const [about] = await driver.query<{ version: string; relations: number }>(aboutSql);
    if ((about?.relations ?? 0) >= sharedFrom) shared = await shareSnapshot(driver, otherSessions);
    const scope = await readSchemas(driver, options.schemas);
    const inScope = [scope.schemas];
    // Queued in the order they are built in; each session takes the next, so with one it is this order.
    const relationRows = queue.add<Parameters<typeof relationsFamily.build>[0][number]>(relationsFamily.sql, inScope);
    const columnRows = queue.add<Parameters<typeof columnsFamily.build>[0][number]>(columnsFamily.sql, inScope);
    const familyRows = (family: Family<CatalogRow>) => ({ family, rows: queue.add(family.sql, inScope) });
    const first = sendOrder.slice(0, 2).map(familyRows);
    const dependencyRows = queue.add<CatalogDependency>(dependenciesSql, []);
    const rest = sendOrder.slice(2).map(familyRows);
    const commentRows = queue.add<CatalogComment>(commentsSql, []);
    const otherRows = queue.add<Parameters<typeof otherObjectsFamily.build>[0][number]>(otherObjectsFamily.sql, inScope);
    serving.push(
      queue.serve(driver),
      ...(shared?.joining ?? []).map(async (joining) => {
        const session = await joining;
        if (session !== undefined) await queue.serve(session);
      }),
    );

    // The schemas, the columns, then each family in `families`' order, whatever order they are built in.
    const reads: FamilyRead[] = [scope];
    const arrivals = new Arrivals();
    arrivals.add(scope);
    const arrived = (index: number, read: FamilyRead) => {
      reads[index] = read;
      arrivals.add(read);
    };
    const relations = relationsFamily.build(await relationRows, new ColumnNames());
    arrived(2 + families.indexOf(relationsFamily as Family<CatalogRow>), relations);
    const columns = columnsFamily.build(await columnRows, relations.tables);
    arrived(1, columns);
    const build = async ({ family, rows }: { family: Family<CatalogRow>; rows: Promise<CatalogRow[]> }) =>
      arrived(2 + families.indexOf(family), family.build(await rows, columns.names));
    for (const family of first) await build(family);
    const dependencies = await dependencyRows;
    for (const family of rest) await build(family);
    const comments = await commentRows;
    const otherObjects = otherObjectsFamily.build(await otherRows, columns.names);
    await Promise.all(serving);
    await driver.execScript('COMMIT');
    const notes = shared?.notes() ?? [];
    return {
      engine: 'postgres',
      serverVersion: about?.version,
      objects:
        assembleArrived(arrivals, dependencies, comments) ??
        assembleFound(
          reads.flatMap((read) => read.objects),
          dependencies,
          comments,
        ),
      unread: [...reads.flatMap((read) => read.unread), ...otherObjects],
      ...(notes.length === 0 ? {} : { notes }),
    };
  } catch (error) {
    queue.stop(error);
    await Promise.allSettled(serving);
    await driver.execScript('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await shared?.close();
  }
}
