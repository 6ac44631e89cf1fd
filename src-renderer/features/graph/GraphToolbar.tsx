// Search, branch filter, collapsing and comparison: the controls above the graph.
import { forwardRef, type ReactNode } from 'react';
import type { BranchFilter } from '../../../src-shared/graph/graphFilter';

interface Props {
  query: string;
  matchCount: number;
  labels: string[];
  filter: BranchFilter | undefined;
  selected: string | undefined;
  collapse: boolean;
  comparing: boolean;
  onSearch(query: string): void;
  onNextMatch(): void;
  /** Escape: back to the revisions, where the arrow keys move from the match. */
  onLeaveSearch(): void;
  onFilter(filter: BranchFilter | undefined): void;
  onCollapse(collapse: boolean): void;
  onCompare(): void;
  onReload(): void;
  /** More controls at the end of the row (the Repair menu). */
  children?: ReactNode;
}

function filterValue(filter: BranchFilter | undefined): string {
  if (!filter) return '';
  return filter.kind === 'label' ? `label:${filter.label}` : `lineage:${filter.revision}`;
}

function parseFilter(value: string): BranchFilter | undefined {
  if (value.startsWith('label:')) return { kind: 'label', label: value.slice(6) };
  if (value.startsWith('lineage:')) return { kind: 'lineage', revision: value.slice(8) };
  return undefined;
}

export const GraphToolbar = forwardRef<HTMLInputElement, Props>(function GraphToolbar(props, searchRef) {
  const lineage = props.filter?.kind === 'lineage' ? props.filter.revision : props.selected;
  return (
    <div className="graph-toolbar">
      <input
        ref={searchRef}
        type="search"
        className="graph-search"
        placeholder="Search id, message or label  ( / )"
        aria-label="Search revisions"
        value={props.query}
        onChange={(e) => props.onSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onNextMatch();
          if (e.key === 'Escape') {
            // Chromium clears a search field on Escape; the query stays so its matches stay marked.
            e.preventDefault();
            props.onLeaveSearch();
          }
        }}
      />
      {props.query.trim() !== '' && (
        <span className="muted small" role="status">
          {props.matchCount} {props.matchCount === 1 ? 'match' : 'matches'}
        </span>
      )}
      <select aria-label="Show branch" value={filterValue(props.filter)} onChange={(e) => props.onFilter(parseFilter(e.target.value))}>
        <option value="">All branches</option>
        {props.labels.map((label) => (
          <option key={label} value={`label:${label}`}>
            @{label}
          </option>
        ))}
        {lineage && <option value={`lineage:${lineage}`}>Ancestors and descendants of {lineage}</option>}
      </select>
      <label className="graph-check">
        <input type="checkbox" checked={props.collapse} onChange={(e) => props.onCollapse(e.target.checked)} /> Collapse linear runs
      </label>
      <button type="button" className="small" aria-pressed={props.comparing} onClick={props.onCompare}>
        Compare environments
      </button>
      <button type="button" className="small" onClick={props.onReload}>
        Reload
      </button>
      {props.children}
    </div>
  );
});
