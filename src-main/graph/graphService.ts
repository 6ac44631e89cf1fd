// The graph screen's data: the bound project's graph with the connection's status, and one
// revision's details. A database that cannot be read costs the status, never the graph.
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import type { GraphLoad, RevisionDetail } from '../../src-shared/model/graphView';
import { findAnomalies } from '../../src-shared/graph/anomalies';
import { childrenOf } from '../../src-shared/graph/revisionGraph';
import { graphReport } from '../migrations/project';
import { analyseTables, tablesCreatedTwice } from '../migrations/staticAnalysis';
import { migrationStatus } from '../runner/migrationStatus';
import { loadTargetProject } from '../targets/migrationTarget';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { TargetResolver } from '../targets/targetResolver';
import { withDriver } from '../targets/withDriver';
import { readRecorded, type RecordedState } from '../runner/versionTables';
import { lintSql } from './sqlLint';

export class GraphService {
  constructor(private readonly targets: TargetResolver) {}

  async load(ref: TargetRef): Promise<GraphLoad> {
    const { target } = this.targets.resolve(ref);
    const files = loadTargetProject(target);
    let recorded: RecordedState | null = null;
    let statusError: GraphLoad['statusError'] = null;
    try {
      recorded = await withDriver(target, (driver) => readRecorded(driver, files));
    } catch (error) {
      statusError = toWireError(error);
    }
    // Again with what the database records, so revisions only the database knows are anomalies too.
    const project = recorded
      ? {
          ...files,
          anomalies: findAnomalies(
            files.graph,
            files.files.unreadable,
            recorded.records.map((r) => r.revision),
          ),
        }
      : files;
    const tables = await analyseTables(project.files.files, project.files.format);
    return {
      report: graphReport(project, tablesCreatedTwice(project.graph, tables)),
      status: recorded ? migrationStatus(project, recorded) : null,
      statusError,
    };
  }

  async revision(ref: TargetRef, id: string): Promise<RevisionDetail> {
    const project = loadTargetProject(this.targets.resolve(ref).target);
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
