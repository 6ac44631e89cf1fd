// The matrix from what each connection recorded: pure, so the main process, the CLI and the
// benchmark build it the same way. Nothing is invented: a when, who or how long nobody recorded
// stays absent, and a connection that could not be read is a column of unknown cells with its error.
import { layoutLanes } from '../graph/laneLayout';
import { upgradeOrder } from '../graph/planner';
import { withAncestors, type RevisionGraph } from '../graph/revisionGraph';
import { cellStates, type CellState, type Matrix, type MatrixCell, type MatrixColumn, type MatrixRow, type NeighbourGap } from '../model/matrix';
import type { Anomaly } from '../model/revision';
import { boundGraphAnomalies, type BindingOwnership } from '../projects/bindingOwnership';
import type { AppliedRecord } from '../model/status';
import { appliedRows, rowIndex, type RowIndex } from './appliedClosure';
import type { AuditedApply, AuditedRuns } from './auditedRuns';
import { orderWithin } from './neighbourGaps';

export type ColumnRead =
  | { ok: true; records: readonly AppliedRecord[]; runRefusal: string | null; missingTables?: string[] }
  | { ok: false; error: { code: string; message: string } };

export interface ColumnInput {
  environment: string;
  profileId: string;
  profileName: string;
  role: string;
  production: boolean;
  read: ColumnRead;
  runs: AuditedRuns;
}

export interface MatrixInput {
  project: Matrix['project'];
  graph: RevisionGraph;
  /** Each revision's file checksum computed the format's way; null (or absent) where the format keeps none. */
  fileChecksums: ReadonlyMap<string, string | null>;
  anomalies: Anomaly[];
  /** In promotion order. */
  environments: ReadonlyArray<{ name: string; columns: readonly ColumnInput[] }>;
  readAt: string;
  /** A project with bindings: which database each revision lives on. Each column is then its role's database alone. */
  ownership?: BindingOwnership;
}

/** A column as built, with what the gaps need and the Matrix does not carry. */
interface BuiltColumn {
  column: MatrixColumn;
  /** 1 per applied row; null for a connection not read. */
  applied: Uint8Array | null;
  /** Recorded checksums by row, where no file checksum is compared. */
  checksums: Map<number, string>;
}

function rowsOf(graph: RevisionGraph, ownership: BindingOwnership | undefined): { rows: MatrixRow[]; laneCount: number; lines: Matrix['lines'] } {
  const nodes = graph.revisions.map((r) => ({
    id: r.id,
    parents: r.parents.filter((p) => graph.byId.has(p)),
    dependsOn: r.dependsOn.filter((d) => graph.byId.has(d)),
  }));
  const parentsOf = new Map(nodes.map((n) => [n.id, n.parents]));
  const layout = layoutLanes(nodes, { through: false });
  const rows = layout.rows.map((row) => {
    const revision = graph.byId.get(row.id);
    const database = ownership?.owner.get(row.id);
    return {
      id: row.id,
      message: revision?.message ?? '',
      parents: parentsOf.get(row.id) ?? [],
      lane: row.lane,
      branchLabels: revision?.branchLabels ?? [],
      merge: (revision?.parents.length ?? 0) > 1,
      file: revision?.file ?? '',
      ...(database === undefined ? {} : { database }),
    };
  });
  // Only the lines that run past rows: a line between neighbouring rows is drawn by the rows themselves.
  const lines = layout.edges.filter((e) => e.parentRow - e.childRow > 1).map((e) => ({ from: e.childRow, to: e.parentRow, lane: e.lane }));
  return { rows, laneCount: layout.laneCount, lines };
}

// Cells with nothing but their state are shared: 200,000 of them are the matrix of a large project.
const pendingCell: MatrixCell = Object.freeze({ state: 'pending' });
const unknownCell: MatrixCell = Object.freeze({ state: 'unknown' });

/** An applied revision of another database (or of none), recorded on this one. */
const foreignNote = (role: string | undefined) =>
  `recorded here, but it lives ${role === undefined ? 'on no single bound database' : `on the ${role} database`}: this database's version table should hold only its own branch`;

const short = (checksum: string) => (checksum.length > 12 ? `${checksum.slice(0, 12)}…` : checksum);

/** An applied cell: when, who and how long from the version table's row, else from the audit log, else absent. */
function appliedCell(record: AppliedRecord | undefined, audited: AuditedApply | undefined, fileChecksum: string | null): MatrixCell {
  const at = record?.appliedAt ?? null;
  const by = record?.appliedBy ?? null;
  const ms = record?.durationMs ?? null;
  const changed = record?.checksum && fileChecksum && record.checksum !== fileChecksum;
  // The usual row, every field recorded: one object of one shape.
  if (at !== null && by !== null && ms !== null && !changed) return { state: 'applied', at, by, ms, source: 'bookkeeping' };
  const cell: MatrixCell = { state: 'applied' };
  if (at !== null || by !== null || ms !== null) cell.source = 'bookkeeping';
  else if (audited) cell.source = 'audit';
  const when = at ?? audited?.at;
  const who = by ?? audited?.by;
  const long = ms ?? audited?.ms;
  if (when !== undefined) cell.at = when;
  if (who !== undefined) cell.by = who;
  if (long !== undefined) cell.ms = long;
  if (changed && record?.checksum && fileChecksum) {
    cell.state = 'changed';
    cell.note = `the file changed since it was applied (recorded checksum ${short(record.checksum)}, the file's ${short(fileChecksum)})`;
  }
  return cell;
}

/** What every column shares, by row: the index, the files' checksums, each head's lineage, the full upgrade order. */
interface Shared {
  index: RowIndex;
  /** A project with bindings: the role each row lives on (undefined: on no single database). Absent without bindings. */
  database?: ReadonlyArray<string | undefined>;
  /** The cell of a row on another database than the column's, by that database (`elsewhere`, shared). */
  elsewhere: (role: string | undefined) => MatrixCell;
  fileChecksum: ReadonlyArray<string | null>;
  lineage: ReadonlyArray<{ head: string; below: Uint8Array }>;
  /** upgradeOrder of every revision, as rows, made when a column first has something pending. */
  fullOrder: () => readonly number[];
}

/**
 * What is not applied is closed upwards (a descendant of a pending revision is pending), so the walk
 * restricted to it meets its revisions in the order the whole walk does: the full order, filtered,
 * is upgradeOrder(pending) without a walk per column.
 */
function pendingByBranch(shared: Shared, applied: Uint8Array, appliedCount: number, owned: (row: number) => boolean): MatrixColumn['pendingByBranch'] {
  const { ids } = shared.index;
  if (appliedCount === ids.length) return [];
  const pending = shared.fullOrder().filter((row) => applied[row] === 0 && owned(row));
  return shared.lineage
    .map(({ head, below }) => ({ head, revisions: pending.filter((row) => below[row] === 1).map((row) => ids[row] as string) }))
    .filter((b) => b.revisions.length > 0);
}

function buildColumn(input: ColumnInput, graph: RevisionGraph, rows: readonly MatrixRow[], shared: Shared): BuiltColumn {
  const counts = Object.fromEntries(cellStates.map((s) => [s, 0])) as Record<CellState, number>;
  const base = { environment: input.environment, profileId: input.profileId, profileName: input.profileName, role: input.role, production: input.production };
  const { read } = input;
  const { database } = shared;
  const owned = (row: number) => database === undefined || database[row] === input.role;
  if (!read.ok) {
    const cells = rows.map((_, i) => (owned(i) ? unknownCell : shared.elsewhere(database?.[i])));
    for (const cell of cells) counts[cell.state] += 1;
    return {
      column: { ...base, error: read.error, heads: [], unknownApplied: [], pendingByBranch: [], runRefusal: null, cells, counts },
      applied: null,
      checksums: new Map(),
    };
  }
  const { index } = shared;
  const recordAt = new Array<AppliedRecord | undefined>(rows.length);
  const recorded = new Uint8Array(rows.length);
  const unknownApplied: string[] = [];
  for (const record of read.records) {
    const row = index.rowOf.get(record.revision);
    if (row === undefined) unknownApplied.push(record.revision);
    else {
      recorded[row] = 1;
      recordAt[row] = record;
    }
  }
  const { applied, heads: appliedHeads } = appliedRows(graph, index, recorded);
  // With bindings, where this database stands is its own revisions; another's recorded here is said apart.
  const heads = database === undefined ? appliedHeads : appliedHeads.filter((id) => owned(index.rowOf.get(id) as number));
  const foreign: string[] = [];
  // Kept only where no file checksum is compared: there another environment's record is the reference.
  const checksums = new Map<number, string>();
  const { runs } = input;
  const cells = new Array<MatrixCell>(rows.length);
  let appliedCount = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const id = index.ids[i] as string;
    if (!owned(i) && recorded[i] === 1) foreign.push(id);
    if (!owned(i) && applied[i] === 0) {
      cells[i] = shared.elsewhere(database?.[i]);
      continue;
    }
    if (applied[i] === 1) {
      appliedCount += 1;
      const record = recordAt[i];
      const fileChecksum = shared.fileChecksum[i] ?? null;
      if (record?.checksum && !fileChecksum) checksums.set(i, record.checksum);
      const complete = record !== undefined && record.appliedAt !== null && record.appliedBy !== null && record.durationMs !== null;
      const cell = appliedCell(record, complete ? undefined : runs.applied.get(id), fileChecksum);
      cells[i] = owned(i) ? cell : { ...cell, note: `${foreignNote(database?.[i])}${cell.note ? `; ${cell.note}` : ''}` };
      continue;
    }
    const failure = runs.failed.size > 0 ? runs.failed.get(id) : undefined;
    cells[i] = failure ? { state: 'failed', at: failure.at, by: failure.by, source: 'audit', note: failure.message } : pendingCell;
  }
  const column: MatrixColumn = {
    ...base,
    error: null,
    heads,
    unknownApplied,
    pendingByBranch: pendingByBranch(shared, applied, appliedCount, owned),
    runRefusal: read.runRefusal,
    cells,
    counts,
    ...(read.missingTables ? { missingTables: read.missingTables } : {}),
    ...(database === undefined ? {} : { foreign }),
  };
  return { column, applied, checksums };
}

/**
 * Where the format keeps a checksum but the file's cannot be compared (none computed), two
 * environments that recorded different checksums for one revision ran different files: each is changed.
 */
function markDisagreements(built: readonly BuiltColumn[]): void {
  const rows = new Set(built.flatMap((b) => [...b.checksums.keys()]));
  for (const index of rows) {
    const recorded = built.filter((b) => b.checksums.has(index));
    if (recorded.length < 2) continue;
    const distinct = new Set(recorded.map((b) => b.checksums.get(index)));
    if (distinct.size < 2) continue;
    for (const b of recorded) {
      const mine = b.checksums.get(index) as string;
      const others = recorded
        .filter((o) => o.checksums.get(index) !== mine)
        .map((o) => `${o.column.environment}/${o.column.profileName} recorded ${short(o.checksums.get(index) as string)}`);
      const cell = b.column.cells[index] as MatrixCell;
      b.column.cells[index] = { ...cell, state: 'changed', note: `recorded checksum ${short(mine)} differs from another environment's (${others.join('; ')})` };
    }
  }
}

/** The rows flagged in `rows`, in the planner's order (or its reverse, children first). */
function planned(graph: RevisionGraph, ids: readonly string[], rows: Uint8Array, reverse = false): string[] {
  const set = new Set<string>();
  rows.forEach((flag, i) => {
    if (flag === 1) set.add(ids[i] as string);
  });
  const order = orderWithin(graph, set);
  return reverse ? order.reverse() : order;
}

function gapsOf(
  environments: MatrixInput['environments'],
  built: readonly BuiltColumn[],
  graph: RevisionGraph,
  index: RowIndex,
  database: Shared['database'],
): NeighbourGap[] {
  let at = 0;
  const perEnvironment = environments.map((env) => {
    const mine = built.slice(at, at + env.columns.length);
    at += env.columns.length;
    return { name: env.name, built: mine };
  });
  const count = index.ids.length;
  const gaps: NeighbourGap[] = [];
  for (let i = 1; i < perEnvironment.length; i += 1) {
    const from = perEnvironment[i - 1] as (typeof perEnvironment)[number];
    const to = perEnvironment[i] as (typeof perEnvironment)[number];
    const unread = [...from.built, ...to.built]
      .filter((b) => b.applied === null)
      .map((b) => `${b.column.profileName} (${b.column.environment}) could not be read`);
    const empty = [from, to].filter((e) => e.built.length === 0).map((e) => `${e.name} has no connections`);
    // With bindings a database is compared with the same role's databases of `from` only.
    const peersOf = (b: BuiltColumn) => (database === undefined ? from.built : from.built.filter((f) => f.column.role === b.column.role));
    const unplayed = database === undefined ? [] : [...new Set(to.built.filter((b) => peersOf(b).length === 0).map((b) => b.column.role))];
    const missing = unplayed.map((role) => `no connection of ${from.name} plays the role ${role}`);
    if (unread.length > 0 || empty.length > 0 || missing.length > 0) {
      gaps.push({ from: from.name, to: to.name, toApply: [], toRevert: [], kind: 'unknown', note: [...empty, ...missing, ...unread].join('; ') });
      continue;
    }
    // What every connection of `from` (of its role, with bindings) has; what a connection of `to` lacks of it, or has beyond it.
    const apply = new Uint8Array(count);
    const revert = new Uint8Array(count);
    for (const b of to.built) {
      const peers = peersOf(b);
      const role = b.column.role;
      for (let row = 0; row < count; row += 1) {
        if (database !== undefined && database[row] !== role) continue;
        const wanted = peers.every((f) => (f.applied as Uint8Array)[row] === 1);
        const here = (b.applied as Uint8Array)[row] === 1;
        if (wanted && !here) apply[row] = 1;
        if (here && !wanted) revert[row] = 1;
      }
    }
    const toApply = planned(graph, index.ids, apply);
    const toRevert = planned(graph, index.ids, revert, true);
    gaps.push({ from: from.name, to: to.name, toApply, toRevert, kind: toRevert.length > 0 ? 'downgradeFirst' : toApply.length > 0 ? 'upgrade' : 'level' });
  }
  return gaps;
}

export function buildMatrix(input: MatrixInput): Matrix {
  const { graph, fileChecksums } = input;
  const { ownership } = input;
  const { rows, laneCount, lines } = rowsOf(graph, ownership);
  const index = rowIndex(
    graph,
    rows.map((r) => r.id),
  );
  const flags = (ids: Iterable<string>) => {
    const set = new Uint8Array(rows.length);
    for (const id of ids) {
      const row = index.rowOf.get(id);
      if (row !== undefined) set[row] = 1;
    }
    return set;
  };
  let fullOrder: number[] | undefined;
  const elsewhere = new Map<string | undefined, MatrixCell>();
  const shared: Shared = {
    index,
    ...(ownership ? { database: rows.map((r) => r.database) } : {}),
    elsewhere: (role) => {
      let cell = elsewhere.get(role);
      if (!cell) {
        cell = Object.freeze({
          state: 'elsewhere',
          note: role === undefined ? 'on no single bound database (a binding anomaly)' : `lives on the ${role} database`,
        });
        elsewhere.set(role, cell);
      }
      return cell;
    },
    fileChecksum: rows.map((r) => fileChecksums.get(r.id) ?? null),
    lineage: graph.heads.map((head) => ({ head, below: flags(withAncestors(graph, [head])) })),
    fullOrder: () => (fullOrder ??= upgradeOrder(graph, new Set(index.ids)).map((id) => index.rowOf.get(id) as number)),
  };
  const built = input.environments.flatMap((env) => env.columns.map((c) => buildColumn(c, graph, rows, shared)));
  markDisagreements(built);
  for (const b of built) {
    if (b.applied === null) continue;
    for (const cell of b.column.cells) b.column.counts[cell.state] += 1;
  }
  let next = 0;
  const environments = input.environments.map((env) => ({ name: env.name, columns: env.columns.map(() => next++) }));
  return {
    project: input.project,
    readAt: input.readAt,
    rows,
    laneCount,
    lines,
    columns: built.map((b) => b.column),
    environments,
    gaps: gapsOf(input.environments, built, graph, index, shared.database),
    anomalies: ownership ? boundGraphAnomalies(input.anomalies, ownership) : input.anomalies,
    heads: graph.heads,
    ...(ownership
      ? { bindings: { databases: ownership.databases.map((d) => ({ role: d.role, labels: [...d.labels] })), anomalies: ownership.anomalies } }
      : {}),
  };
}
