// The matrix of a project: every connection of every environment read at once (a few at a time),
// each through the format's own bookkeeping, with Switchyard's audit log of runs filling in when,
// who and how long where the version table keeps none. A connection that cannot be read is a column
// of unknown cells with its error, never a failed matrix.
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import { appliedWithAncestors } from '../../src-shared/graph/planner';
import { auditedRuns } from '../../src-shared/matrix/auditedRuns';
import { bindingOwnership } from '../../src-shared/projects/bindingOwnership';
import { buildMatrix, type ColumnInput, type ColumnRead } from '../../src-shared/matrix/buildMatrix';
import type { RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { Matrix } from '../../src-shared/model/matrix';
import type { MemberTarget, Project } from '../../src-shared/model/project';
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import { loadProject, type LoadedProject } from '../migrations/project';
import { analyseTables, expectedTables, type TableChanges } from '../migrations/staticAnalysis';
import type { ProjectService } from '../projects/projectService';
import { existingTableNames } from '../runner/preflight';
import { readRecorded } from '../runner/versionTables';
import type { StoreSession } from '../session/storeSession';
import type { MigrationTarget } from '../targets/migrationTarget';
import type { TargetResolver } from '../targets/targetResolver';
import { withDriver } from '../targets/withDriver';
import { boundedAll } from './boundedAll';

/** Connections read at once: enough to hide a slow one, few enough for a laptop and a shared server. */
export const matrixReadLimit = 4;
/** How many of a connection's audit entries are read for its runs. */
const auditDepth = 10_000;

export interface MatrixOptions {
  /** Also read which tables the applied revisions create that each database lacks (the Markdown report's "missing tables"). */
  tables?: boolean;
}

export interface MatrixRead {
  matrix: Matrix;
  project: Project;
  graph: RevisionGraph;
  /** The format records a checksum Switchyard compares with the file's. */
  checksumsKept: boolean;
}

interface Member {
  environment: string;
  profileId: string;
  profileName: string;
  role: string;
  target: MigrationTarget | null;
  error: { code: string; message: string } | null;
}

export class MatrixService {
  constructor(
    private readonly projects: ProjectService,
    private readonly targets: TargetResolver,
    private readonly session: StoreSession,
  ) {}

  async load(projectName: string, options: MatrixOptions = {}): Promise<Matrix> {
    return (await this.read(projectName, options)).matrix;
  }

  /** The matrix with what it was built from: the promotion plans over the same graph. */
  async read(projectName: string, options: MatrixOptions = {}): Promise<MatrixRead> {
    const project = this.projects.get(projectName);
    const members = this.membersOf(project);
    const engine: EngineKind = members.find((m) => m.target)?.target?.connection.engine ?? 'postgres';
    const loaded = loadProject(project.dir, { ...(project.format === 'auto' ? {} : { format: project.format }), engine });
    const changes = options.tables ? await analyseTables(loaded.files.files, loaded.files.format) : null;
    const reads = await boundedAll(members, matrixReadLimit, (member) => this.readColumn(member, loaded, changes));
    const columns: ColumnInput[] = members.map((member, i) => ({
      environment: member.environment,
      profileId: member.profileId,
      profileName: member.profileName,
      role: member.role,
      production: member.target?.environment === 'prod',
      read: reads[i] as ColumnRead,
      runs: auditedRuns(this.session.store.audit.list(auditDepth, member.profileId)),
    }));
    const { format } = loaded;
    // The first file of an id is the revision (the graph's rule); a later one reusing it is an anomaly, not its checksum.
    const fileChecksums = new Map<string, string | null>();
    for (const f of loaded.files.files) {
      if (!fileChecksums.has(f.revision.id)) fileChecksums.set(f.revision.id, format.runner === 'sql' ? format.bookkeeping.checksum(f) : null);
    }
    const matrix = buildMatrix({
      project: { id: project.id, name: project.name, dir: project.dir, format: loaded.files.format },
      graph: loaded.graph,
      fileChecksums,
      anomalies: loaded.anomalies,
      environments: project.environments.map((env) => ({ name: env.name, columns: columns.filter((c) => c.environment === env.name) })),
      readAt: new Date().toISOString(),
      // With bindings each connection is the database of its role: it is shown and compared on its own branch only.
      ...(project.bindings.length > 0 ? { ownership: bindingOwnership(loaded.graph, project.bindings) } : {}),
    });
    return { matrix, project, graph: loaded.graph, checksumsKept: [...fileChecksums.values()].some((c) => c !== null) };
  }

  /** Every connection of every environment, in order; one that cannot be resolved (its profile gone) keeps its place with why. */
  private membersOf(project: Project): Member[] {
    return project.environments.flatMap((env) => {
      let targets: MemberTarget[];
      try {
        targets = this.projects.memberTargets(project.id, env.name);
      } catch (error) {
        const wire = toWireError(error);
        return env.members.map((m) => ({ environment: env.name, profileId: m.profileId, profileName: m.profileId, role: m.role, target: null, error: wire }));
      }
      return targets.map((t) => {
        const base = { environment: env.name, profileId: t.profileId, profileName: t.profileName, role: t.role };
        try {
          return { ...base, target: this.targets.resolve(t.ref).target, error: null };
        } catch (error) {
          return { ...base, target: null, error: toWireError(error) };
        }
      });
    });
  }

  private async readColumn(member: Member, loaded: LoadedProject, changes: ReadonlyMap<string, TableChanges> | null): Promise<ColumnRead> {
    const { target } = member;
    if (!target) return { ok: false, error: member.error ?? { code: 'E_NOT_FOUND', message: `${member.profileName} could not be found.` } };
    try {
      return await withDriver(target, async (driver) => {
        const { records } = await readRecorded(driver, loaded);
        const runRefusal = loaded.format.runner === 'sql' ? await loaded.format.bookkeeping.refusal(driver) : null;
        if (!changes) return { ok: true, records, runRefusal };
        const expected = expectedTables(
          loaded.graph,
          changes,
          appliedWithAncestors(
            loaded.graph,
            records.map((r) => r.revision),
          ),
        );
        const existing = await existingTableNames(driver);
        return { ok: true, records, runRefusal, missingTables: [...expected].filter((t) => !existing.has(t)).sort() };
      });
    } catch (error) {
      const wire = toWireError(error);
      return { ok: false, error: error instanceof SwitchyardError ? wire : { code: wire.code, message: `${target.name} could not be read: ${wire.message}` } };
    }
  }
}
