// A migration project loaded for use: its files read, its graph built, its anomalies found.
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { Anomaly, GraphReport, ProjectFormat } from '../../src-shared/model/revision';
import { findAnomalies } from '../../src-shared/graph/anomalies';
import { buildGraph, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { MigrationFormat } from '../formats/format';
import { formatNamed } from '../formats/formatRegistry';
import { readProject } from './readers/detectProject';
import { withFolderListings } from './readers/folderListings';
import type { ProjectFiles } from './readers/projectFiles';
import { unusedSqlFiles } from './unusedFiles';

export interface LoadedProject {
  files: ProjectFiles;
  /** The format that read it, whose bookkeeping the database keeps. */
  format: MigrationFormat;
  graph: RevisionGraph;
  anomalies: Anomaly[];
}

export interface LoadOptions {
  /** Overrides detection (--format, or the profile's choice). */
  format?: ProjectFormat | undefined;
  /** The connection's engine: formats with per-engine files (pop) take that engine's; default postgres. */
  engine?: EngineKind | undefined;
  /** Revisions the database records, for the unknownApplied anomaly. */
  recorded?: readonly string[];
}

export function loadProject(dir: string, options: LoadOptions = {}): LoadedProject {
  // The reader and the unused-file net list each folder once between them.
  const { files, format, unused } = withFolderListings(() => {
    const read = readProject(dir, {
      ...(options.format ? { format: options.format } : {}),
      ...(options.engine ? { engine: options.engine } : {}),
    });
    const readBy = formatNamed(read.format);
    // Never silently unused: a .sql file of a format Switchyard runs is part of a revision or named.
    return { files: read, format: readBy, unused: readBy.runner === 'sql' ? unusedSqlFiles(read) : [] };
  });
  const graph = buildGraph(files.files.map((f) => f.revision));
  return { files, format, graph, anomalies: findAnomalies(graph, [...files.unreadable, ...unused], options.recorded ?? []) };
}

/** The stable JSON of `switchyard graph --json`. */
export function graphReport(project: LoadedProject, extra: readonly Anomaly[] = []): GraphReport {
  const { graph } = project;
  return {
    format: project.files.format,
    detection: project.files.detection ?? project.files.format,
    project: project.files.project,
    revisions: graph.revisions.map((r) => ({
      id: r.id,
      parents: r.parents,
      dependsOn: r.dependsOn,
      branchLabels: r.branchLabels,
      onBranches: graph.onBranches.get(r.id) ?? [],
      message: r.message,
      createdAt: r.createdAt,
      file: r.file,
      line: r.line,
    })),
    heads: graph.heads,
    bases: graph.bases,
    branchPoints: graph.branchPoints,
    mergePoints: graph.mergePoints,
    effectiveHeads: graph.effectiveHeads,
    anomalies: [...project.anomalies, ...extra],
  };
}
