// The Graph screen: the bound project's revisions as lanes, the selected database's status on
// them, other environments beside it, and a revision's details in a side panel.
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { branchLabels, matchesSearch } from '../../../src-shared/graph/graphFilter';
import { viewItems } from '../../../src-shared/graph/linearRuns';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConnectionProblems } from '../connections/ConnectionProblems';
import { AdoptDialog } from '../authoring/AdoptDialog';
import { useAdoption } from '../authoring/adoptionStore';
import { RepairDialog } from '../authoring/RepairDialog';
import { RepairDoneLine } from '../authoring/RepairDoneLine';
import { useRepair } from '../authoring/repairStore';
import { RepairMenu } from '../authoring/RepairMenu';
import { SquashDialog } from '../authoring/SquashDialog';
import { useSquash } from '../authoring/squashStore';
import { useConnections } from '../connections/connectionsStore';
import { useProblems } from '../connections/problemsStore';
import { useDrift } from '../drift/driftStore';
import { useRunDialog } from '../runner/runDialogStore';
import { useProjects } from '../projects/projectsStore';
import { BindingLegend } from './BindingLegend';
import { bindingLegendOf } from './bindingLegend';
import { ComparePanel } from './ComparePanel';
import { noComparison, useCompare } from './compareStore';
import { graphModel } from './graphModel';
import { compareEnvironments } from './environmentComparison';
import { GraphRows, revisionsListId } from './GraphRows';
import { useGraph } from './graphStore';
import { GraphSummary } from './GraphSummary';
import { GraphToolbar } from './GraphToolbar';
import { PanelSplit } from './PanelSplit';
import { usePanelWidth } from './panelWidthStore';
import { RevisionMenu } from './RevisionMenu';
import { RevisionPanel } from './RevisionPanel';

export function GraphScreen() {
  const profiles = useConnections((s) => s.profiles);
  const profileId = useConnections((s) => s.selected);
  const current = profiles.find((p) => p.id === profileId);
  const g = useGraph();
  const compare = useCompare();
  const driftReport = useDrift((s) => (current && s.profileId === current.id ? s.report : undefined));
  const drifted = useMemo(() => new Set(driftReport?.revisions ?? []), [driftReport]);
  const comparison = useCompare((s) => (current ? s.comparisons[current.id] : undefined) ?? noComparison);
  const runsFinished = useRunDialog((s) => s.runsFinished);
  const repair = useRepair();
  const adoption = useAdoption();
  const squash = useSquash();
  const panelWidth = usePanelWidth((s) => s.width);
  const search = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | undefined>();
  const [scrollRequest, setScrollRequest] = useState(0);

  const { refresh: refreshCompare } = compare;
  // The graph is read with the status and the inventory, so the problems bar counts one moment.
  const refreshProblems = useProblems((s) => s.refresh);
  useEffect(() => {
    if (current) void refreshProblems(current.id, 'graph');
  }, [current, refreshProblems, runsFinished, repair.writesFinished]);
  const currentId = current?.id;
  useEffect(() => {
    if (currentId) void refreshCompare(currentId);
  }, [refreshCompare, currentId, runsFinished]);

  useEffect(() => {
    const onSlash = (event: globalThis.KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onSlash);
    return () => window.removeEventListener('keydown', onSlash);
  }, []);

  const report = g.graph?.report;
  const model = useMemo(() => (report ? graphModel(report, g.filter) : undefined), [report, g.filter]);
  const items = useMemo(() => (model ? viewItems(model.layout, g.collapse, g.expanded) : []), [model, g.collapse, g.expanded]);
  const itemOf = useMemo(() => new Map(items.flatMap((item, i) => (item.kind === 'revision' ? [[item.row, i] as const] : []))), [items]);
  const matchList = useMemo(
    () => (model && report ? report.revisions.filter((r) => model.rowOf.has(r.id) && matchesSearch(r, g.query)).map((r) => r.id) : []),
    [model, report, g.query],
  );
  const matches = useMemo(() => new Set(matchList), [matchList]);
  const labels = useMemo(() => (report ? branchLabels(report) : []), [report]);
  const projects = useProjects((s) => s.projects);
  const legend = useMemo(
    () => (report && profileId ? bindingLegendOf(projects, profiles, profileId, report.revisions) : undefined),
    [projects, profiles, profileId, report],
  );
  const { siblings, names, columns, gap, inGap } = useMemo(
    () =>
      compareEnvironments({
        profiles,
        current,
        currentStatus: g.graph?.status ?? undefined,
        picked: comparison.columns,
        statuses: compare.statuses,
        from: comparison.from,
        to: comparison.to,
      }),
    [profiles, current, g.graph, comparison, compare.statuses],
  );

  const { select, expand, openPanel } = g;
  /** Selects a revision and unfolds the collapsed run hiding it, if any. */
  const reveal = useCallback(
    (id: string, withPanel: boolean) => {
      const row = model?.rowOf.get(id);
      if (row === undefined) return;
      const run = items.find((item) => item.kind === 'run' && item.first <= row && row <= item.last);
      if (run?.kind === 'run') expand(run.first);
      if (withPanel) void openPanel(id);
      else select(id);
    },
    [model, items, expand, select, openPanel],
  );

  // Only a new search jumps to its first match: reveal itself changes whenever the rows do.
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  useEffect(() => {
    if (matchList[0]) revealRef.current(matchList[0], false);
  }, [matchList]);

  if (!current) return null;
  if (!current.projectDir) return <p className="muted">No migration project is bound to {current.name}. Set its project folder on the Connection screen.</p>;
  if (g.error) return <ErrorMessage lead="The graph could not be read" error={g.error} />;
  if (!g.graph || !model) return <p className="muted">Loading the graph…</p>;

  const projectDir = current.projectDir;
  const selectedRow = g.selected === undefined ? undefined : model.rowOf.get(g.selected);
  const selectedItem = selectedRow === undefined ? undefined : itemOf.get(selectedRow);
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      for (let i = (selectedItem ?? -step) + step; i >= 0 && i < items.length; i += step) {
        const item = items[i];
        if (item?.kind === 'revision') {
          select(model.layout.rows[item.row]?.id);
          return;
        }
      }
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const ends = event.key === 'Home' ? items : [...items].reverse();
      const end = ends.find((item) => item.kind === 'revision');
      if (end?.kind === 'revision') select(model.layout.rows[end.row]?.id);
    } else if (event.key === 'Enter' && g.selected) {
      event.preventDefault();
      void openPanel();
    }
  };
  const nextMatch = () => {
    if (matchList.length === 0) return;
    const at = g.selected ? matchList.indexOf(g.selected) : -1;
    reveal(matchList[(at + 1) % matchList.length] as string, false);
    // With one match, or after scrolling away, the selection stays the same: the user still asked to see it.
    setScrollRequest((n) => n + 1);
  };

  return (
    <section className="graph-screen" aria-label="Graph">
      <GraphToolbar
        ref={search}
        query={g.query}
        matchCount={matchList.length}
        labels={labels}
        filter={g.filter}
        selected={g.selected}
        collapse={g.collapse}
        comparing={compare.open}
        onSearch={g.search}
        onNextMatch={nextMatch}
        onLeaveSearch={() => document.getElementById(revisionsListId)?.focus()}
        onFilter={g.setFilter}
        onCollapse={g.setCollapse}
        onCompare={compare.toggle}
        onReload={() => void g.reload()}
      >
        <RepairMenu
          selected={g.selected}
          headCount={g.graph.report.heads.length}
          onOpen={(action) => repair.openDialog(action, projectDir)}
          onAdopt={() => g.selected && void adoption.check(current.id, g.selected)}
          onSquash={() => g.selected && squash.openDialog(projectDir, g.selected)}
        />
      </GraphToolbar>
      {repair.project === projectDir && <RepairDoneLine />}
      <GraphSummary graph={g.graph} onGo={(id) => reveal(id, true)} />
      {legend && <BindingLegend legend={legend} onGo={(id) => reveal(id, true)} />}
      <ConnectionProblems profileId={current.id} first="graph" />
      {compare.open && <ComparePanel current={current} siblings={siblings} names={names} gap={gap} />}
      <div className="graph-body" style={{ '--panel-width': `${panelWidth}px` } as CSSProperties}>
        <GraphRows
          model={model}
          items={items}
          columns={columns}
          selected={g.selected}
          matches={matches}
          gap={inGap}
          drifted={drifted}
          legend={legend}
          scrollTo={selectedItem}
          scrollRequest={scrollRequest}
          onSelect={select}
          onOpen={(id) => void openPanel(id)}
          onExpand={expand}
          onMenu={(id, x, y) => setMenu({ id, x, y })}
          onKey={onKey}
          onStopComparing={(id) => {
            void compare.show(current.id, id, false);
            // Its button goes with its column: the keyboard carries on from the revisions.
            document.getElementById(revisionsListId)?.focus();
          }}
        />
        {g.panelOpen && g.selected && <PanelSplit />}
        {g.panelOpen && g.selected && (
          <RevisionPanel
            profileId={current.id}
            revision={g.selected}
            detail={g.detail}
            error={g.detailError}
            status={g.graph.status}
            onGo={(id) => reveal(id, true)}
            onClose={g.closePanel}
          />
        )}
      </div>
      {repair.action && repair.project === projectDir && (
        <RepairDialog
          action={repair.action}
          choices={{ project: projectDir, revisions: g.graph.report.revisions.map((r) => r.id).reverse(), heads: g.graph.report.heads, selected: g.selected }}
        />
      )}
      {squash.project === projectDir && squash.last && <SquashDialog project={projectDir} last={squash.last} revisions={g.graph.report.revisions} />}
      {adoption.asked?.profileId === current.id && <AdoptDialog profileId={current.id} revision={adoption.asked.revision} />}
      {menu && (
        <RevisionMenu
          profileId={current.id}
          revision={menu.id}
          x={menu.x}
          y={menu.y}
          onLineage={() => g.setFilter({ kind: 'lineage', revision: menu.id })}
          onClose={() => setMenu(undefined)}
        />
      )}
    </section>
  );
}
