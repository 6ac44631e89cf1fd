// The Inventory tab: what the selected connection's database holds against what its migrations say
// it should hold, with the disagreements counted at the top.
import { useEffect, useMemo } from 'react';
import { inventoryCsv, inventoryMarkdown } from '../../../src-shared/model/inventoryExport';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnections } from '../connections/connectionsStore';
import { ConnectionProblems } from '../connections/ConnectionProblems';
import { useProblems } from '../connections/problemsStore';
import { useRunDialog } from '../runner/runDialogStore';
import { downloadFile, fileStem } from './exportFile';
import { InventoryGrid, type GridRow } from './InventoryGrid';
import { useInventory } from './inventoryStore';
import { InventoryToolbar } from './InventoryToolbar';
import { filterTables, isCountable, keyOf, schemasOf, sortTables, totalsOf } from './inventoryView';
import { PendingChanges } from './PendingChanges';
import { showRevision } from './showRevision';
import { StatusSummary } from './StatusSummary';
import { useDrift } from '../drift/driftStore';
import { ExclusionRulesForm } from '../drift/ExclusionRulesForm';
import { driftByTable, setApartTables } from './tableDrift';

export function InventoryScreen() {
  const profileId = useConnections((s) => s.selected);
  // An upgrade changes the tables: reload when a run finishes.
  const runsFinished = useRunDialog((s) => s.runsFinished);
  const state = useInventory();
  const { inventory, sizes, counts, filter, sort } = state;
  const refresh = useProblems((s) => s.refresh);
  const driftReport = useDrift((s) => (s.profileId === profileId ? s.report : undefined));
  const drift = useMemo(() => driftByTable(driftReport), [driftReport]);

  useEffect(() => {
    if (profileId && profileId !== 'new') void refresh(profileId, 'inventory');
  }, [profileId, runsFinished, refresh]);

  // The loaded rows with exact sizes and counts laid over them as they arrive.
  const rows = useMemo<GridRow[]>(
    () =>
      (inventory?.tables ?? []).map((t) => {
        const key = keyOf(t);
        const bytes = sizes?.get(key);
        const count = counts.get(key);
        return {
          ...t,
          ...(bytes === undefined ? {} : { bytes, bytesExact: true }),
          ...(count ? { exactRows: count.rows, ...(count.error ? { countError: count.error } : {}) } : {}),
        };
      }),
    [inventory, sizes, counts],
  );
  const shown = useMemo(() => sortTables(filterTables(rows, filter), sort) as GridRow[], [rows, filter, sort]);
  const totals = useMemo(() => totalsOf(shown), [shown]);
  const countable = useMemo(() => shown.filter(isCountable), [shown]);
  const schemas = useMemo(() => schemasOf(rows), [rows]);

  if (!inventory) {
    return (
      <section className="inventory">
        {state.error ? <ErrorMessage lead="The inventory could not be read" error={state.error} /> : <p className="muted">Reading the catalog…</p>}
      </section>
    );
  }

  const exportName = fileStem(inventory.connection);
  const current = { ...inventory, tables: rows };
  return (
    <section className="inventory" aria-label="Inventory">
      <header className="inventory-header">
        <div>
          <h1>Inventory</h1>
          <p className="muted small">
            {inventory.project
              ? `${inventory.project.format} project ${inventory.project.dir}: ${inventory.project.applied} applied, ${inventory.project.pending} pending`
              : 'No migration project is bound to this connection: tables are listed without expected-vs-actual status.'}
            {state.readingSizes ? ' · reading exact sizes…' : ''}
          </p>
        </div>
      </header>
      {profileId && <ConnectionProblems profileId={profileId} first="inventory" />}
      {state.error && <ErrorMessage error={state.error} />}
      {inventory.projectError && <p className="notice small">The bound project cannot be read, so tables have no status: {inventory.projectError}</p>}
      {inventory.project && (
        <StatusSummary
          // Another application's tables are not unexpected: the rules set them apart (the grid says "Other application").
          counts={{ ...inventory.counts, unexpected: inventory.counts.unexpected - setApartTables(inventory.tables, driftReport) }}
          active={filter.status}
          onPick={(status) => state.setFilter({ status })}
        />
      )}
      {inventory.analysisIncomplete && <p className="notice small">* {inventory.analysisIncomplete.message}</p>}
      <InventoryToolbar
        filter={filter}
        schemas={schemas}
        hasStatuses={inventory.project !== null}
        shown={countable.length}
        counting={state.counting}
        onFilter={state.setFilter}
        onCountShown={() => void state.countRows(countable)}
        onCancelCount={() => void state.cancelCount()}
        onExportCsv={() => downloadFile(`${exportName}-inventory.csv`, inventoryCsv(shown, inventory), 'text/csv')}
        onExportMarkdown={() => downloadFile(`${exportName}-inventory.md`, inventoryMarkdown(current, new Date().toISOString()), 'text/markdown')}
      />
      <InventoryGrid
        rows={shown}
        analysisIncomplete={inventory.analysisIncomplete}
        sort={sort}
        totals={totals}
        canCount={!state.counting}
        onSort={state.sortBy}
        onCount={(t) => void state.countRows([t])}
        onShowRevision={(revision) => profileId && void showRevision(profileId, revision)}
        drift={drift}
      />
      {/* Keyed by the rules, so a read that brings other rules (another connection) starts the form again. */}
      {profileId && driftReport && (
        <ExclusionRulesForm key={`${profileId}${JSON.stringify(driftReport.rules)}`} profileId={profileId} rules={driftReport.rules} />
      )}
      <PendingChanges changes={inventory.pendingChanges} />
    </section>
  );
}
