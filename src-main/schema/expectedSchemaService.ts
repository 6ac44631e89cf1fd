// The expected schema as the diff, drift and the CLI ask for it: a target's project replayed up to
// what the target has applied (or to the revisions asked for), or a project alone up to its heads,
// answered from the cache while neither the files nor the revisions changed.
import type { ExpectedSchema } from '../../src-shared/model/expectedSchema';
import type { Engine as EngineKind, ProjectFormatChoice } from '../../src-shared/model/profile';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { appliedHeads, appliedWithAncestors, upgradeOrder } from '../../src-shared/graph/planner';
import { resolveUpgradeTarget } from '../../src-shared/graph/addressing';
import { loadProject, type LoadedProject } from '../migrations/project';
import { readRecorded } from '../runner/versionTables';
import type { ScratchPlace } from '../scratch/scratchDatabase';
import { loadTargetProject } from '../targets/migrationTarget';
import type { TargetResolver } from '../targets/targetResolver';
import { withDriver } from '../targets/withDriver';
import type { ExpectedSchemaCache, ReplayKey } from './expected/expectedSchemaCache';
import { projectChecksum } from './expected/projectChecksum';
import { replayedSchema, type ReplayedSchema, type ReplaySource } from './expected/replayedSchema';

/** A project without a database: `expected:DIR[@REV,…]` of the diff. */
export interface ProjectAlone {
  projectDir: string;
  projectFormat?: ProjectFormatChoice;
  alembicCommand?: string;
  /** The engine to replay on (its scratch database); PostgreSQL unless told. */
  engine?: EngineKind;
}

/** Which revisions to replay up to, and why those. */
interface Chosen {
  /** Revision ids (and addresses already resolved to ids): the replay reaches each with its ancestors. */
  ids: string[];
  from: string;
  unknownApplied: string[];
}

/** Addresses (`heads`, `label@head`, an id prefix…) as an upgrade from nothing resolves them. */
function resolveRevisions(project: LoadedProject, revisions: readonly string[]): string[] {
  return revisions.flatMap((revision) => resolveUpgradeTarget(project.graph, revision, []));
}

/** Projects kept read: the few a user compares in turn. */
const keptProjects = 16;

export class ExpectedSchemaService {
  private readonly projects = new Map<string, LoadedProject>();
  private readonly inFlight = new Map<string, Promise<ReplayedSchema & { replayedAt: string }>>();

  constructor(
    private readonly targets: TargetResolver,
    private readonly place: ScratchPlace,
    private readonly cache: ExpectedSchemaCache,
  ) {}

  /**
   * `revisions`: replay up to these instead of what the target has applied. `byRevision`: know which
   * revision made each object (`createdBy`), replaying one revision at a time when the cache lacks it.
   * `appliedNow`: what the target has applied, when the caller has just read it (not read again).
   */
  async ofTarget(
    ref: TargetRef,
    revisions?: readonly string[],
    { byRevision = false, appliedNow }: { byRevision?: boolean; appliedNow?: readonly string[] } = {},
  ): Promise<ExpectedSchema> {
    const { target } = this.targets.resolve(ref);
    // A target without a project is refused as every service refuses it (E_PROJECT_NOT_FOUND).
    if (!target.projectDir) loadTargetProject(target);
    const { project, checksum } = this.read(target.projectDir, target.projectFormat, target.connection.engine);
    let chosen: Chosen;
    if (revisions && revisions.length > 0) {
      chosen = { ids: resolveRevisions(project, revisions), from: 'the revisions asked for', unknownApplied: [] };
    } else {
      // `appliedNow`: what the target records as applied, read by the caller just now (a run's status after it).
      const recorded = appliedNow ?? (await withDriver(target, (driver) => readRecorded(driver, project))).records.map((r) => r.revision);
      chosen = {
        ids: recorded.filter((id) => project.graph.byId.has(id)),
        from: `what ${target.name} has applied`,
        unknownApplied: recorded.filter((id) => !project.graph.byId.has(id)),
      };
    }
    const source: ReplaySource = {
      name: target.name,
      engine: target.connection.engine,
      near: target.connection,
      projectDir: target.projectDir,
      projectFormat: target.projectFormat,
      alembicCommand: target.alembicCommand,
    };
    return this.expected(source, project, checksum, chosen, byRevision);
  }

  /** `revisions`: every head of the project when none are given. */
  ofProject(alone: ProjectAlone, revisions?: readonly string[]): Promise<ExpectedSchema> {
    const engine = alone.engine ?? 'postgres';
    const projectFormat = alone.projectFormat ?? 'auto';
    const { project, checksum } = this.read(alone.projectDir, projectFormat, engine);
    const given = revisions && revisions.length > 0;
    const chosen: Chosen = {
      ids: resolveRevisions(project, given ? revisions : ['heads']),
      from: given ? 'the revisions asked for' : 'every head of the project',
      unknownApplied: [],
    };
    const source: ReplaySource = {
      name: alone.projectDir,
      engine,
      near: undefined,
      projectDir: alone.projectDir,
      projectFormat,
      alembicCommand: alone.alembicCommand ?? '',
    };
    return this.expected(source, project, checksum, chosen);
  }

  /** The project read once per checksum: a second look reads its files only to checksum them. */
  private read(projectDir: string, format: ProjectFormatChoice, engine: EngineKind): { project: LoadedProject; checksum: string } {
    const checksum = projectChecksum(projectDir);
    const key = JSON.stringify([projectDir, format, engine, checksum]);
    let project = this.projects.get(key);
    if (!project) {
      project = loadProject(projectDir, { format: format === 'auto' ? undefined : format, engine });
      this.projects.set(key, project);
      const oldest = this.projects.keys().next().value;
      if (this.projects.size > keptProjects && oldest !== undefined) this.projects.delete(oldest);
    }
    return { project, checksum };
  }

  private async expected(source: ReplaySource, project: LoadedProject, checksum: string, chosen: Chosen, byRevision = false): Promise<ExpectedSchema> {
    const applied = appliedWithAncestors(project.graph, chosen.ids);
    const heads = appliedHeads(project.graph, applied);
    const key: ReplayKey = {
      projectChecksum: checksum,
      engine: source.engine,
      format: project.files.format,
      alembicCommand: source.alembicCommand,
      applied: [...applied].sort(),
    };
    const answer = { revisions: heads, revisionsFrom: chosen.from, unknownApplied: chosen.unknownApplied, projectChecksum: checksum };
    const cached = this.cache.get(key);
    // A replay run one revision at a time answers both questions; one run in one go only the first.
    if (cached && (!byRevision || cached.createdBy)) return { ...cached, ...answer, fromCache: true };
    // The same replay already under way (prepared before a run, asked for again after it) is awaited, not run twice.
    const flight = JSON.stringify([key, byRevision]);
    let replay = this.inFlight.get(flight);
    if (!replay) {
      replay = this.replay(source, project, applied, heads, byRevision).finally(() => this.inFlight.delete(flight));
      this.inFlight.set(flight, replay);
    }
    const { schema, replayedIn, replayedAt, createdBy } = await replay;
    const expected: ExpectedSchema = { schema, replayedIn, replayedAt, fromCache: false, ...answer, ...(createdBy ? { createdBy } : {}) };
    this.cache.put(key, expected);
    return expected;
  }

  private async replay(
    source: ReplaySource,
    project: LoadedProject,
    applied: ReadonlySet<string>,
    heads: string[],
    byRevision: boolean,
  ): Promise<ReplayedSchema & { replayedAt: string }> {
    const replayedAt = new Date().toISOString();
    const oneByOne = byRevision ? upgradeOrder(project.graph, applied) : undefined;
    return { ...(await replayedSchema(source, heads, this.place, oneByOne)), replayedAt };
  }
}
