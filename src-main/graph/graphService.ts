// The graph screen's data: the bound project's graph with the connection's status, and one
// revision's details. A database that cannot be read costs the status, never the graph.
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import type { GraphLoad, RevisionDetail } from '../../src-shared/model/graphView';
import { findAnomalies } from '../../src-shared/graph/anomalies';
import { childrenOf } from '../../src-shared/graph/revisionGraph';
import { graphReport } from '../migrations/project';
import { analyseTables, tablesCreatedTwice } from '../migrations/staticAnalysis';
import { connectionStatus } from '../runner/connectionStatus';
import { loadTargetProject } from '../runner/migrationTarget';
import { withDriver, type RunnerService } from '../runner/runnerService';
import { readRecorded, type RecordedState } from '../runner/versionTables';
import { lintSql } from './sqlLint';

export class GraphService {
  constructor(private readonly runner: RunnerService) {}

  async load(profileId: string): Promise<GraphLoad> {
    const target = this.runner.target(profileId);
    const files = loadTargetProject(target);
    let recorded: RecordedState | null = null;
    let statusError: GraphLoad['statusError'] = null;
    try {
      recorded = await withDriver(target, (driver) => readRecorded(driver, files.files.format));
    } catch (error) {
      statusError = toWireError(error);
    }
    // Again with what the database records, so revisions only the database knows are anomalies too.
    const project = recorded ? { ...files, anomalies: findAnomalies(files.graph, files.files.unreadable, recorded.records.map((r) => r.revision)) } : files;
    const tables = await analyseTables(project.files.files, project.files.format);
    return {
      report: graphReport(project, tablesCreatedTwice(project.graph, tables)),
      status: recorded ? connectionStatus(project, recorded) : null,
      statusError,
    };
  }

  async revision(profileId: string, id: string): Promise<RevisionDetail> {
    const project = loadTargetProject(this.runner.target(profileId));
    const file = project.files.files.find((f) => f.revision.id === id);
    if (!file) throw new SwitchyardError('E_UNKNOWN_REVISION', `No file in ${project.files.project} defines revision ${id}.`);
    const native = project.files.format === 'native';
    const [tables] = (await analyseTables([file], project.files.format)).values();
    const up = file.up ? { sql: file.up.sql, line: file.up.line } : null;
    return {
      revision: { ...file.revision, onBranches: project.graph.onBranches.get(id) ?? [] },
      children: [...childrenOf(project.graph, id)],
      up,
      down: file.down ? { sql: file.down.sql, line: file.down.line } : null,
      source: native ? null : file.text,
      tables: tables ?? { created: [], dropped: [], renamed: [], problems: [] },
      lint: up && up.sql.trim() !== '' ? await lintSql(up) : { available: true, findings: [] },
    };
  }
}
