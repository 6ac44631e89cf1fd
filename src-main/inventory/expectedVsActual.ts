// The heart of the inventory, pure: catalog relations joined with the tables the applied migrations
// should have left behind, each given a status, its creator, and any pending revision that collides.
import {
  emptyCounts,
  type AnalysisIncomplete,
  splitTableKey,
  tableKey,
  type Inventory,
  type InventoryTable,
  type PendingTableChange,
  type RevisionRef,
  type TableStatus,
} from '../../src-shared/model/inventory';
import type { RevisionGraph } from '../../src-shared/graph/revisionGraph';
import { upgradeOrder } from '../../src-shared/graph/planner';
import { engineFor } from '../engines/engineFor';
import { expectedTablesWithCreators, type TableChanges } from '../migrations/staticAnalysis';
import { allFormats } from '../formats/formatRegistry';
import type { CatalogRelation } from './catalogRelation';
import { conflictingTables } from './conflicts';

/** What the migrations say, for one connection: the graph, what each revision changes, and where the database stands. */
export interface ProjectState {
  graph: RevisionGraph;
  changes: ReadonlyMap<string, TableChanges>;
  applied: ReadonlySet<string>;
  /** Unapplied revisions in upgrade order. */
  pending: readonly string[];
}

// Every tool's bookkeeping, not only the project's format's: a database another tool migrated, or one
// adopted from it, keeps that tool's tables, which no migration of the project creates.
const bookkeepingTables = new Set(allFormats().flatMap((format) => format.bookkeeping.tables));
/** Static analysis reads CREATE TABLE, not CREATE VIEW: views get no status rather than a wrong one. */
const trackedKinds = new Set<InventoryTable['kind']>(['table', 'partitioned table', 'foreign table']);

function refOf(graph: RevisionGraph, id: string): RevisionRef {
  const revision = graph.byId.get(id);
  return { revision: id, file: revision?.file ?? '', line: revision?.line ?? 0 };
}

/** The expected tables, each with the applied revision that created it; a rename keeps its creator. */
export function expectedWithCreators(state: ProjectState): Map<string, string> {
  return expectedTablesWithCreators(state.graph, state.changes, state.applied);
}

function pendingChanges(state: ProjectState): PendingTableChange[] {
  return state.pending.flatMap((id) => {
    const change = state.changes.get(id);
    if (!change || change.created.length + change.dropped.length + change.renamed.length === 0) return [];
    return [{ ...refOf(state.graph, id), created: change.created, dropped: change.dropped, renamed: change.renamed }];
  });
}

type Classified = Pick<Inventory, 'tables' | 'counts' | 'pendingChanges' | 'analysisProblems' | 'analysisIncomplete'>;

/** Tables an applied revision may have made without static analysis being sure (the first such revision wins). */
function possibleCreators(state: ProjectState): Map<string, RevisionRef & { how: string }> {
  const creators = new Map<string, RevisionRef & { how: string }>();
  for (const id of upgradeOrder(state.graph, state.applied)) {
    for (const { table, how } of state.changes.get(id)?.mayCreate ?? []) if (!creators.has(table)) creators.set(table, { ...refOf(state.graph, id), how });
  }
  return creators;
}

const problemsShown = 3;

/** One sentence for the UI and the CLI, naming the first few statements that were not read. */
function incompleteAnalysis(problems: Inventory['analysisProblems']): AnalysisIncomplete | null {
  if (problems.length === 0) return null;
  const revisions = new Set(problems.map((p) => p.revision)).size;
  const first = problems.slice(0, problemsShown).map((p) => `${p.revision} (${p.problem})`);
  const more = problems.length > problemsShown ? `; and ${problems.length - problemsShown} more` : '';
  return {
    revisions,
    message: `the analysis of ${revisions} revision${revisions === 1 ? '' : 's'} was incomplete: ${first.join('; ')}${more}. Unexpected, missing and conflicting tables may be the doing of those statements.`,
  };
}

/**
 * Field by field: `{ ...relation, status }` takes V8's slow path for properties after a spread, about
 * 35 ms for 10,000 tables, most of the inventory's own time on its first screen.
 */
function inventoryTable(
  relation: CatalogRelation,
  status: TableStatus | null,
  createdBy: RevisionRef | null,
  conflictWith: RevisionRef | null,
): InventoryTable {
  return {
    schema: relation.schema,
    name: relation.name,
    kind: relation.kind,
    estimatedRows: relation.estimatedRows,
    exactRows: relation.exactRows,
    bytes: relation.bytes,
    bytesExact: relation.bytesExact,
    indexCount: relation.indexCount,
    owner: relation.owner,
    comment: relation.comment,
    status,
    createdBy,
    conflictWith,
  };
}

export function classifyTables(relations: readonly CatalogRelation[], engine: Inventory['engine'], state: ProjectState | null): Classified {
  if (!state)
    return {
      tables: relations.map((relation) => inventoryTable(relation, null, null, null)),
      counts: emptyCounts(),
      pendingChanges: [],
      analysisProblems: [],
      analysisIncomplete: null,
    };

  const { defaultSchema } = engineFor(engine).catalog;
  const keyOf = (r: { schema: string; name: string }) => tableKey(r.schema, r.name, defaultSchema);
  const expected = expectedWithCreators(state);
  const present = new Set(relations.map(keyOf));
  const conflicts = new Map(
    conflictingTables(state.graph, state.changes, state.pending, present)
      .filter((c) => c.present)
      .map((c) => [c.table, c.revision]),
  );

  const mayHaveCreated = possibleCreators(state);
  const tables = relations.map((relation): InventoryTable => {
    const key = keyOf(relation);
    const creator = expected.get(key);
    const createdBy = creator === undefined ? null : refOf(state.graph, creator);
    if (!trackedKinds.has(relation.kind)) return inventoryTable(relation, null, createdBy, null);
    let status: TableStatus;
    if (bookkeepingTables.has(key)) status = 'bookkeeping';
    else if (conflicts.has(key)) status = 'conflict';
    else if (creator !== undefined) status = 'ok';
    else status = 'unexpected';
    const table = inventoryTable(relation, status, createdBy, conflicts.get(key) ?? null);
    const maybe = status === 'unexpected' ? mayHaveCreated.get(key) : undefined;
    if (maybe) table.mayBeCreatedBy = maybe;
    return table;
  });

  for (const [key, creator] of expected) {
    if (present.has(key)) continue;
    tables.push({
      ...splitTableKey(key, defaultSchema),
      kind: 'table',
      estimatedRows: null,
      exactRows: null,
      bytes: null,
      bytesExact: false,
      indexCount: 0,
      owner: null,
      comment: null,
      status: 'missing',
      createdBy: refOf(state.graph, creator),
      conflictWith: null,
    });
  }

  const counts = emptyCounts();
  for (const table of tables) if (table.status) counts[table.status] += 1;
  const analysisProblems = [...state.changes].flatMap(([revision, change]) => change.problems.map((problem) => ({ revision, problem })));
  return { tables, counts, pendingChanges: pendingChanges(state), analysisProblems, analysisIncomplete: incompleteAnalysis(analysisProblems) };
}
