// `switchyard inventory`: what a database holds against what its migrations say, for scripts and
// for the report nobody should write by hand again.
import type { Inventory, InventoryTable } from '../../../src-shared/model/inventory';
import {
  analysisMayExplain,
  formatBytes,
  inventoryCsv,
  inventoryMarkdown,
  mayBeCreatedByText,
  qualifiedTableName,
  rowsOf,
  statusLabels,
} from '../../../src-shared/model/inventoryExport';
import type { TargetRef } from '../../../src-shared/model/targetRef';
import { defaultCountTimeoutMs } from '../../inventory/rowCounts';
import type { Services } from '../../services';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { followOperation } from '../followOperation';
import { openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';
import { requireOneTarget, targetRefOf, targetOptions, targetUsage } from '../targetFlags';

const usage = `Usage:
  switchyard inventory --profile NAME|--url URL [--project DIR] [--exact-sizes] [--count] [--json|--csv|--markdown]

  --exact-sizes   read pg_total_relation_size for every table (opens every file; slower)
  --count         exact row counts, each under --timeout SECONDS (default ${defaultCountTimeoutMs / 1000})
  --json          { tables: [{ schema, name, kind, estimatedRows, bytes, status, createdBy, ... }], counts, ... }
  --csv           one line per table
  --markdown      the summary report: tables by status, counts, sizes
  Without a project (bound to the profile or --project), tables have no status.

${targetUsage}`;

const options = {
  ...targetOptions,
  'exact-sizes': { type: 'boolean' },
  count: { type: 'boolean' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  markdown: { type: 'boolean' },
} as const;

function parse(args: string[]) {
  return parseFlags(args, { options }, usage).values;
}

function timeoutMs(value: string | undefined): number {
  if (value === undefined) return defaultCountTimeoutMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError('--timeout must be a positive number of seconds');
  return Math.round(seconds * 1000);
}

/** Exact sizes and row counts through the inventory service; Ctrl-C stops counting between tables (and interrupts the running count on PostgreSQL). */
async function fillExact(services: Services, ref: TargetRef, inventory: Inventory, sizes: boolean, counts: boolean, countTimeoutMs: number): Promise<void> {
  const key = (t: { schema: string; name: string }) => `${t.schema}\0${t.name}`;
  const byKey = new Map(inventory.tables.map((t) => [key(t), t]));
  if (sizes) {
    for (const size of await services.inventory.sizes(ref)) {
      const table = byKey.get(key(size));
      if (table) Object.assign(table, { bytes: size.bytes, bytesExact: true });
    }
    inventory.sizesExact = true;
  }
  if (counts) {
    const started = services.inventory.countRows(ref, { timeoutMs: countTimeoutMs });
    const results = await followOperation(services, 'inventory.countRows', started, {
      json: true,
      stopping: 'counting stops after the current table',
      onProgress: ({ done, total }) => process.stderr.write(`\rcounting rows: ${done}/${total}${done === total ? '\n' : ''}`),
    });
    for (const count of results) {
      const table = byKey.get(key(count));
      if (table) table.exactRows = count.rows;
    }
  }
}

function createdByText(t: InventoryTable): string {
  if (t.createdBy) return `${t.createdBy.revision} (${t.createdBy.file}:${t.createdBy.line})`;
  if (t.conflictWith) return `pending ${t.conflictWith.revision} creates it`;
  return t.mayBeCreatedBy ? mayBeCreatedByText(t.mayBeCreatedBy) : '';
}

function printText(inventory: Inventory): void {
  if (inventory.project) {
    const { counts } = inventory;
    say(`${inventory.connection} — ${inventory.project.format} project ${inventory.project.dir}\n`);
    say(`${(Object.keys(counts) as Array<keyof typeof counts>).map((s) => `${statusLabels[s].toLowerCase()}: ${counts[s]}`).join('  ')}\n\n`);
  } else {
    say(`${inventory.connection} — no migration project bound: no statuses\n\n`);
  }
  const rows = inventory.tables.map((t: InventoryTable) => [
    qualifiedTableName(t),
    t.kind,
    rowsOf(t) === null ? '' : `${t.exactRows === null ? '~' : ''}${rowsOf(t)}`,
    `${t.bytesExact || t.bytes === null ? '' : '~'}${formatBytes(t.bytes)}`,
    // The asterisk points at the note below the table: the analysis that gave this status was incomplete.
    `${t.status ?? ''}${analysisMayExplain(t, inventory) ? '*' : ''}`,
    createdByText(t),
  ]);
  printTable(['table', 'kind', 'rows', 'size', 'status', 'created by'], rows);
  if (inventory.analysisIncomplete) say(`\n* ${inventory.analysisIncomplete.message}\n`);
  for (const change of inventory.pendingChanges) {
    const what = [...change.created.map((t) => `+${t}`), ...change.dropped.map((t) => `-${t}`), ...change.renamed.map((r) => `${r.from}→${r.to}`)];
    say(`pending ${change.revision} (${change.file}:${change.line}): ${what.join(' ')}\n`);
  }
}

async function run(args: string[]): Promise<number> {
  const flags = parse(args);
  requireOneTarget(flags);
  if ([flags.json, flags.csv, flags.markdown].filter(Boolean).length > 1) throw new UsageError('Choose one of --json, --csv and --markdown.');
  // A --url inventory needs no store; a profile's is opened with the passphrase.
  const services = await openServices({ store: flags.profile ? 'required' : 'unattended' });
  let inventory: Inventory;
  try {
    const ref = targetRefOf(flags, services);
    inventory = await services.inventory.load(ref);
    if (flags['exact-sizes'] || flags.count)
      await fillExact(services, ref, inventory, Boolean(flags['exact-sizes']), Boolean(flags.count), timeoutMs(flags.timeout));
  } finally {
    services.close();
  }
  if (flags.json) printJson(inventory);
  else if (flags.csv) say(inventoryCsv(inventory.tables, inventory));
  else if (flags.markdown) say(inventoryMarkdown(inventory, new Date().toISOString()));
  else printText(inventory);
  return 0;
}

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'tables per schema with rows and sizes, against what the migrations expect',
  usage,
  run,
};
