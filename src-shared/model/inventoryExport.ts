// The inventory as files people pass around: CSV for spreadsheets, and the Markdown summary the
// seeds' authors wrote by hand (tables by status, counts, sizes). Shared by the screen and the CLI.
import { tableStatuses, type Inventory, type InventoryTable, type TableStatus } from './inventory';

export const statusLabels: Record<TableStatus, string> = {
  ok: 'OK',
  missing: 'Missing',
  unexpected: 'Unexpected',
  conflict: 'Will conflict',
  bookkeeping: 'Bookkeeping',
};

const statusMeaning: Record<TableStatus, string> = {
  ok: 'expected and present',
  missing: 'an applied migration creates it, and it is not there',
  unexpected: 'present, created by no applied migration',
  conflict: 'present, and a pending migration creates it: the next upgrade would fail',
  bookkeeping: 'the migration version table',
};

/**
 * 1536 → "1.5 kB": powers of 1024, one decimal below 10. A number never reaches four digits (1016 kB is
 * "1.0 MB"), so sizes side by side, a table's and a snapshot's, are read in the same unit.
 */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Exact when counted, the estimate otherwise. */
export function rowsOf(table: InventoryTable): number | null {
  return table.exactRows ?? table.estimatedRows;
}

export function qualifiedTableName(table: Pick<InventoryTable, 'schema' | 'name'>): string {
  return `${table.schema}.${table.name}`;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvHeader = [
  'schema',
  'name',
  'kind',
  'status',
  'estimated_rows',
  'exact_rows',
  'bytes',
  'bytes_exact',
  'index_count',
  'owner',
  'created_by',
  'created_by_file',
  'conflicts_with',
  'comment',
  'note',
];

/** What a row's status may hide: the incomplete analysis (for the statuses it may explain) and who may have made the table. */
function noteOf(table: InventoryTable, inventory: Pick<Inventory, 'analysisIncomplete'>): string | null {
  const notes = [
    ...(table.mayBeCreatedBy ? [mayBeCreatedByText(table.mayBeCreatedBy)] : []),
    ...(analysisMayExplain(table, inventory) ? [inventory.analysisIncomplete?.message ?? ''] : []),
  ];
  return notes.length ? notes.join('; ') : null;
}

/** One line per table; `note` says what the status may hide when the analysis was incomplete. */
export function inventoryCsv(tables: readonly InventoryTable[], inventory: Pick<Inventory, 'analysisIncomplete'>): string {
  const rows = tables.map((t) => [
    t.schema,
    t.name,
    t.kind,
    t.status,
    t.estimatedRows,
    t.exactRows,
    t.bytes,
    t.bytes === null ? null : String(t.bytesExact),
    t.indexCount,
    t.owner,
    t.createdBy?.revision ?? null,
    t.createdBy ? `${t.createdBy.file}:${t.createdBy.line}` : null,
    t.conflictWith?.revision ?? null,
    t.comment,
    noteOf(t, inventory),
  ]);
  return [csvHeader, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function sum(tables: readonly InventoryTable[], value: (t: InventoryTable) => number | null): number {
  return tables.reduce((total, t) => total + (value(t) ?? 0), 0);
}

export function mdCode(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** "maybe by 0005 (0005_x.sql:1): function make_audit() creates it when called" */
export function mayBeCreatedByText(maybe: NonNullable<InventoryTable['mayBeCreatedBy']>): string {
  return `maybe by ${maybe.revision} (${maybe.file}:${maybe.line}): ${maybe.how}`;
}

/** The statuses an incomplete analysis may have got wrong: a table made by a statement it could not read looks unexpected or collides unseen, one it dropped looks missing. */
const doubtful = new Set<TableStatus | null>(['unexpected', 'missing', 'conflict']);

export function analysisMayExplain(table: Pick<InventoryTable, 'status'>, inventory: Pick<Inventory, 'analysisIncomplete'>): boolean {
  return inventory.analysisIncomplete !== null && doubtful.has(table.status);
}

function tableLine(table: InventoryTable): string {
  const facts: string[] = [];
  if (table.status === 'conflict' && table.conflictWith)
    facts.push(`pending ${table.conflictWith.revision} (${table.conflictWith.file}:${table.conflictWith.line}) creates it`);
  if (table.createdBy) facts.push(`created by ${table.createdBy.revision} (${table.createdBy.file}:${table.createdBy.line})`);
  if (table.mayBeCreatedBy) facts.push(mayBeCreatedByText(table.mayBeCreatedBy));
  if (table.status !== 'missing') facts.push(`${rowsOf(table) ?? '?'} rows`, formatBytes(table.bytes) || '? B');
  return `- ${mdCode(qualifiedTableName(table))} — ${facts.join(', ')}`;
}

export function inventoryMarkdown(inventory: Inventory, generatedAt: string): string {
  const lines = [`# Table inventory — ${inventory.connection}`, '', `Generated by Switchyard on ${generatedAt}.`, ''];
  if (inventory.project) {
    const p = inventory.project;
    lines.push(`Project: ${mdCode(p.dir)} (${p.format}), ${p.applied} revisions applied, ${p.pending} pending.`, '');
  } else if (inventory.projectError) {
    lines.push(`The bound migration project cannot be read (${inventory.projectError}): tables are listed without status.`, '');
  } else {
    lines.push('No migration project is bound: tables are listed without expected-vs-actual status.', '');
  }
  const tables = inventory.tables;
  lines.push('| Status | Tables | Rows | Size |', '| --- | ---: | ---: | ---: |');
  const groups = inventory.project
    ? tableStatuses.map((status) => ({ label: statusLabels[status], status, members: tables.filter((t) => t.status === status) }))
    : [];
  const untracked = tables.filter((t) => t.status === null);
  for (const group of groups)
    lines.push(`| ${group.label} | ${group.members.length} | ${sum(group.members, rowsOf)} | ${formatBytes(sum(group.members, (t) => t.bytes))} |`);
  if (untracked.length)
    lines.push(
      `| ${inventory.project ? 'Views and untracked' : 'All'} | ${untracked.length} | ${sum(untracked, rowsOf)} | ${formatBytes(sum(untracked, (t) => t.bytes))} |`,
    );
  lines.push(`| **Total** | **${tables.length}** | **${sum(tables, rowsOf)}** | **${formatBytes(sum(tables, (t) => t.bytes))}** |`, '');
  if (inventory.analysisIncomplete) lines.push(`**Note:** ${inventory.analysisIncomplete.message}`, '');
  // Problems first, as the hand-written reports put them.
  const order: TableStatus[] = ['conflict', 'missing', 'unexpected', 'ok', 'bookkeeping'];
  for (const status of order) {
    const members = groups.find((g) => g.status === status)?.members ?? [];
    if (members.length === 0) continue;
    lines.push(
      `## ${statusLabels[status]} (${members.length})`,
      '',
      `${statusMeaning[status][0]?.toUpperCase()}${statusMeaning[status].slice(1)}.${analysisMayExplain({ status }, inventory) ? ' The analysis of the migrations was incomplete (see the note above): some of these may be made by statements it could not read.' : ''}`,
      '',
      ...members.map(tableLine),
      '',
    );
  }
  if (inventory.pendingChanges.length) {
    lines.push('## Pending revisions that change tables', '');
    for (const change of inventory.pendingChanges) {
      const what = [
        ...change.created.map((t) => `creates ${mdCode(t)}`),
        ...change.dropped.map((t) => `drops ${mdCode(t)}`),
        ...change.renamed.map((r) => `renames ${mdCode(r.from)} to ${mdCode(r.to)}`),
      ];
      lines.push(`- ${change.revision} (${change.file}:${change.line}): ${what.join(', ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
