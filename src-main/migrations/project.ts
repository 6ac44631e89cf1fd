// A migration project loaded for use: its files read, its graph built, its anomalies found.
import type { Anomaly, GraphReport, ProjectFormat } from '../../src-shared/model/revision';
import { findAnomalies } from '../../src-shared/graph/anomalies';
import { buildGraph, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import { readProject } from './readers/detectProject';
import type { ProjectFiles } from './readers/projectFiles';

export interface LoadedProject {
  files: ProjectFiles;
  graph: RevisionGraph;
  anomalies: Anomaly[];
}

export function loadProject(dir: string, format?: ProjectFormat, recorded: readonly string[] = []): LoadedProject {
  const files = readProject(dir, format);
  const graph = buildGraph(files.files.map((f) => f.revision));
  return { files, graph, anomalies: findAnomalies(graph, files.unreadable, recorded) };
}

/** The stable JSON of `switchyard graph --json`. */
export function graphReport(project: LoadedProject, extra: readonly Anomaly[] = []): GraphReport {
  const { graph } = project;
  return {
    format: project.files.format,
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
