// `switchyard inventory`: what a database holds against what its migrations say, for scripts and
// for the report nobody should write by hand again.
import type { Inventory, InventoryTable, RowCount } from '../../../src-shared/model/inventory';
import { formatBytes, inventoryCsv, inventoryMarkdown, qualifiedTableName, rowsOf, statusLabels } from '../../../src-shared/model/inventoryExport';
import { SwitchyardError } from '../../../src-shared/errors';
import { countableTables, readExactSizes } from '../../inventory/catalog';
import { loadInventory } from '../../inventory/loadInventory';
import { countRowsExactly, defaultCountTimeoutMs } from '../../inventory/rowCounts';
import type { OperationContext } from '../../operations/operations';
import type { MigrationTarget } from '../../runner/migrationTarget';
import { withDriver } from '../../runner/runnerService';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { openServices } from '../openServices';
import { printJson, printTable, say, warn, UsageError } from '../output';
import { requireOneTarget, targetFromProfileFlag, targetFromUrl, targetOptions, targetUsage } from '../targetFlags';

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

/** Ctrl-C stops counting between tables (and interrupts the running count on PostgreSQL). */
function interruptibleContext(): { context: OperationContext; dispose(): void } {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const context: OperationContext = {
    opId: 'cli',
    signal: controller.signal,
    progress: (done, total) => process.stderr.write(`\rcounting rows: ${done}/${total}${done === total ? '\n' : ''}`),
    log: (_level, line) => warn(`\nswitchyard: ${line}\n`),
    checkpoint: () => {
      if (controller.signal.aborted) throw new SwitchyardError('E_CANCELLED', 'Counting stopped by Ctrl-C.');
    },
  };
  return { context, dispose: () => process.removeListener('SIGINT', onInterrupt) };
}

async function fillExact(target: MigrationTarget, inventory: Inventory, sizes: boolean, counts: boolean, countTimeoutMs: number): Promise<void> {
  const key = (t: { schema: string; name: string }) => `${t.schema}\0${t.name}`;
  const byKey = new Map(inventory.tables.map((t) => [key(t), t]));
  await withDriver(target, async (driver) => {
    if (sizes) {
      for (const size of await readExactSizes(driver)) {
        const table = byKey.get(key(size));
        if (table) Object.assign(table, { bytes: size.bytes, bytesExact: true });
      }
    }
    if (counts) {
      const { context, dispose } = interruptibleContext();
      let results: RowCount[];
      try {
        results = await countRowsExactly(driver, await countableTables(driver), context, countTimeoutMs);
      } finally {
        dispose();
      }
      for (const count of results) {
        const table = byKey.get(key(count));
        if (table) table.exactRows = count.rows;
      }
    }
  });
  if (sizes) inventory.sizesExact = true;
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
    t.status ?? '',
    t.createdBy ? `${t.createdBy.revision} (${t.createdBy.file}:${t.createdBy.line})` : t.conflictWith ? `pending ${t.conflictWith.revision} creates it` : '',
  ]);
  printTable(['table', 'kind', 'rows', 'size', 'status', 'created by'], rows);
  for (const change of inventory.pendingChanges) {
    const what = [...change.created.map((t) => `+${t}`), ...change.dropped.map((t) => `-${t}`), ...change.renamed.map((r) => `${r.from}→${r.to}`)];
    say(`pending ${change.revision} (${change.file}:${change.line}): ${what.join(' ')}\n`);
  }
}

async function run(args: string[]): Promise<number> {
  const flags = parse(args);
  requireOneTarget(flags);
  if ([flags.json, flags.csv, flags.markdown].filter(Boolean).length > 1) throw new UsageError('Choose one of --json, --csv and --markdown.');
  let target: MigrationTarget;
  if (flags.profile) {
    const services = await openServices();
    try {
      target = targetFromProfileFlag(services, flags);
    } finally {
      services.close();
    }
  } else {
    target = targetFromUrl(flags);
  }
  const inventory = await loadInventory(target);
  if (flags['exact-sizes'] || flags.count) await fillExact(target, inventory, Boolean(flags['exact-sizes']), Boolean(flags.count), timeoutMs(flags.timeout));
  if (flags.json) printJson(inventory);
  else if (flags.csv) say(inventoryCsv(inventory.tables));
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
