// Squash a linear run FIRST..LAST of a native or Alembic project into one revision: its up SQL the net schema
// change (the SQL that makes the project replayed to FIRST's parent like it replayed to LAST), its down
// the reverse, the old files moved to archive/, LAST's children pointed at it. Proved before anything
// is written: the squashed project, replayed, gives the original's schema up and down. One way in.
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { GraphChange } from '../../src-shared/model/authoring';
import type { SchemaModel } from '../../src-shared/model/schema';
import type {
  SquashedRevision,
  SquashPlan,
  SquashPreview,
  SquashProof,
  SquashRequest as SquashAsked,
  SquashRun,
  SquashStanding,
} from '../../src-shared/model/squash';
import { diffSchemas } from '../../src-shared/schema/schemaDiff';
import type { ConnectionTarget } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { loadProject, type LoadedProject } from '../migrations/project';
import type { FileWrite, WriteResult } from '../../src-shared/model/writePlan';
import type { AuthoringService } from './authoringService';
import { checkWritePlan, diffOf, readProjectFile } from './projectWrites';
import type { ScratchPlace } from '../scratch/scratchDatabase';
import type { StoreSession } from '../session/storeSession';
import type { TargetResolver } from '../targets/targetResolver';
import { squashStandings } from './squashConnections';
import { reparentedText, squashedFileName, squashedRevisionText } from './squashFiles';
import { proofCheck, squashProofMarkdown } from './squashProof';
import { replaySteps, type ReplayedFormat } from './squashReplay';
import { alembicChildReparented, alembicSquashedFile } from './squashAlembic';
import { alembicVersionDirsFor } from '../migrations/readers/alembicIni';
import { squashRun } from './squashRun';

/** The API's request with the folder named as the services name it. */
export type SquashRequest = Omit<SquashAsked, 'project'> & { projectDir: string };

/** A preview is written only by the process that showed it, and only within the hour (as the other repairs'). */
const previewLifetimeMs = 60 * 60 * 1000;

/** A file of the project as the readers see it; it was read a moment ago, so a missing one moved under us. */
function textOf(folder: string, path: string): string {
  const text = readProjectFile(folder, path);
  if (text === null) throw new SwitchyardError('E_FILE_CHANGED', `${path} is gone from ${folder} since the project was read. Nothing was changed.`);
  return text;
}

/** Where a squash's proof replays: the project, and for Alembic the folder holding alembic.ini (what alembic reads is copied under it). */
interface ProofPlace {
  folder: string;
  engine: EngineKind;
  near: ConnectionTarget | undefined;
  replayed: ReplayedFormat;
  root: string | null;
}

/** The folder an Alembic project is run from: alembic.ini's, else the script folder itself. */
function alembicRoot(folder: string): string {
  const { iniPath } = alembicVersionDirsFor(folder);
  return iniPath ? dirname(iniPath) : folder;
}

/** The heads and roots once the run is one revision: LAST's place among the heads and FIRST's among the roots are the squashed revision's. */
function graphChange(project: LoadedProject, run: SquashRun, id: string): GraphChange {
  const { heads, bases } = project.graph;
  const last = run.revisions[run.revisions.length - 1];
  const first = run.revisions[0];
  return {
    headsBefore: [...heads],
    headsAfter: heads.map((h) => (h === last ? id : h)),
    basesBefore: [...bases],
    basesAfter: bases.map((b) => (b === first ? id : b)),
  };
}

export class SquashService {
  private readonly shown = new Map<string, { preview: SquashPreview; at: number }>();

  constructor(
    private readonly targets: TargetResolver,
    private readonly session: StoreSession,
    private readonly place: ScratchPlace,
    private readonly authoring: AuthoringService,
  ) {}

  /** The squash, its proof and its writes; nothing is written. */
  async plan(request: SquashRequest): Promise<SquashPlan> {
    const given = resolve(request.projectDir);
    const project = loadProject(given);
    // A repository's root reads as the migrations folder it holds (detectProject): the files are that folder's.
    const folder = resolve(project.files.project);
    const alembic = project.files.format === 'alembic';
    if (!alembic && project.files.format !== 'native') {
      throw new SwitchyardError(
        'E_INVALID_PROJECT',
        `${folder} is a ${project.files.format} project: squash writes native SQL and Alembic revisions only (its SQL comes from the schema diff). Nothing was changed.`,
      );
    }
    const run = squashRun(project.graph, request.first, request.last);
    if (alembic && run.branchLabels.length > 1)
      throw new SwitchyardError(
        'E_SQUASH_NOT_LINEAR',
        `The run carries the branch labels ${run.branchLabels.join(', ')}; an Alembic revision written by Switchyard takes one. Nothing was changed.`,
      );
    const replayed: ReplayedFormat = { projectFormat: project.files.format, bookkeeping: project.format.bookkeeping.tables };
    const read = await this.standings([...new Set([given, folder])], run);
    const standings = read.map((r) => r.standing);
    const engine = request.engine ?? this.boundEngine(standings) ?? 'postgres';
    // The replays go beside a bound database of the engine when its server lets them (as the expected schema's do).
    const near = read.find((r) => r.standing.engine === engine && r.connection)?.connection;
    const parentAddress = run.parent ?? 'base';
    const last = run.revisions[run.revisions.length - 1] as string;
    const original = await replaySteps(folder, engine, this.place, near, replayed, [
      { action: 'upgrade', to: parentAddress },
      { action: 'upgrade', to: last },
      { action: 'upgrade', to: 'heads' },
      { action: 'downgrade', to: parentAddress },
    ]);
    const [atParent, atLast, atHeads, downed] = original.schemas;
    if (!atParent || !atLast || !atHeads) throw original.failure as SwitchyardError;
    const sql = engineFor(engine).schema;
    const revision: SquashedRevision = {
      id: this.newId(project, run, request.message),
      parent: run.parent,
      branchLabels: run.branchLabels,
      message: request.message,
      replaces: run.revisions,
      up: sql.sqlToMatch(atParent, atLast, diffSchemas(atParent, atLast)),
      down: sql.sqlToMatch(atLast, atParent, diffSchemas(atLast, atParent)),
    };
    const notCovered = [...revision.up.notCovered, ...revision.down.notCovered];
    if (notCovered.length > 0) {
      throw new SwitchyardError(
        'E_SQUASH_UNPROVEN',
        `The net change of ${run.revisions[0]}..${last} cannot be written as SQL: ${notCovered.map((n) => `${n.object}: ${n.reason}`).join('; ')}. Nothing was changed.`,
        { notCovered },
      );
    }
    const fileOf = (id: string) => project.graph.byId.get(id)?.file as string;
    const firstFile = fileOf(run.revisions[0] as string);
    const squashed: FileWrite = alembic
      ? alembicSquashedFile(alembicVersionDirsFor(folder), folder, revision, run.parent === null ? undefined : fileOf(run.parent), new Date())
      : { path: squashedFileName(firstFile, revision.id, request.message), before: null, after: squashedRevisionText(revision), like: firstFile };
    const file = squashed.path;
    const archive = `archive/${revision.id}`;
    // Destroy last: the new files first, then the children's headers, the old files removed at the end.
    const creates: FileWrite[] = [squashed];
    const edits: FileWrite[] = [];
    const removals: FileWrite[] = [];
    const moved = run.revisions.map((id) => ({ revision: id, from: fileOf(id), to: `${archive}/${fileOf(id)}` }));
    for (const m of moved) {
      const text = textOf(folder, m.from);
      // Created in the style of the file it moves (its line ends, encoding and BOM).
      creates.push({ path: m.to, before: null, after: text, like: m.from });
      removals.push({ path: m.from, before: text, after: null });
    }
    for (const child of run.children) {
      const before = textOf(folder, fileOf(child));
      const parents = project.graph.byId.get(child)?.parents ?? [];
      const after = alembic ? alembicChildReparented(before, parents, last, revision.id, fileOf(child)) : reparentedText(before, last, revision.id);
      if (after === null)
        throw new SwitchyardError(
          'E_INVALID_PROJECT',
          `${fileOf(child)}: no \`-- parents:\` line naming ${last} to point at the squashed revision. Nothing was changed.`,
        );
      edits.push({ path: fileOf(child), before, after });
    }
    const proof = await this.prove(
      { folder, engine, near, replayed, root: alembic ? alembicRoot(folder) : null },
      [...creates, ...edits, ...removals],
      parentAddress,
      { atParent, atHeads, downed },
      original.failure,
    );
    const proofFile = `archive/squash-${revision.id}.md`;
    const madeAt = new Date().toISOString();
    creates.push({ path: proofFile, before: null, after: squashProofMarkdown({ revision, project: folder, engine, files: moved, proof, madeAt }) });
    const writes = [...creates, ...edits, ...removals];
    return {
      project: folder,
      engine,
      revision: { ...revision, file },
      run,
      graph: graphChange(project, run, revision.id),
      standings,
      stamps: standings.filter((s) => s.standing === 'past the run' && s.appliedAfter.length === 0).map((s) => s.connection),
      proof,
      proofFile,
      writes,
      diff: diffOf({ projectDir: folder, files: writes }),
    };
  }

  /**
   * Plans again (the proof is made now, on the files as they are) and writes it through the project
   * writes (atomic, undoable until the next write); refused unless proven. `force`: overwrite files with uncommitted git changes.
   */
  async write(request: SquashRequest, actor: string, { force = false }: { force?: boolean } = {}): Promise<SquashPlan & { result: WriteResult }> {
    const plan = await this.plan(request);
    if (!plan.proof.proven) throw this.unproven(plan);
    return { ...plan, result: await this.writeProven(plan, force, actor) };
  }

  /** The plan as the app shows it (with git's standing), kept so that writePreview writes exactly it. */
  async preview(request: SquashRequest): Promise<SquashPreview> {
    const plan = await this.plan(request);
    const check = await checkWritePlan({ projectDir: plan.project, files: plan.writes });
    const preview: SquashPreview = { ...plan, previewId: randomUUID(), git: check.git, uncommittedTouched: check.uncommittedTouched };
    const now = Date.now();
    for (const [id, shown] of this.shown) if (now - shown.at > previewLifetimeMs) this.shown.delete(id);
    this.shown.set(preview.previewId, { preview, at: now });
    return preview;
  }

  /**
   * Writes exactly the files a preview showed — the proof made on the files as they were then, so any
   * file changed since refuses the write (E_FILE_CHANGED) — refused unless proven. Undoable until the next write.
   */
  async writePreview(previewId: string, force: boolean, actor: string): Promise<WriteResult> {
    const shown = this.shown.get(previewId);
    if (!shown || Date.now() - shown.at > previewLifetimeMs)
      throw new SwitchyardError('E_NOT_FOUND', 'That squash preview is not known here (or is over an hour old): show the squash again, then write it.');
    const plan = shown.preview;
    if (!plan.proof.proven) throw this.unproven(plan);
    const result = await this.writeProven(plan, force, actor);
    this.shown.delete(previewId);
    return result;
  }

  private unproven(plan: SquashPlan): SwitchyardError {
    return new SwitchyardError(
      'E_SQUASH_UNPROVEN',
      `The squashed project does not replay to the original's schema (${plan.proof.up.diff.equal ? 'downgraded' : 'upgraded'}), so nothing was written.`,
      plan,
    );
  }

  private writeProven(plan: SquashPlan, force: boolean, actor: string): Promise<WriteResult> {
    return this.authoring.writePlan({ projectDir: plan.project, files: plan.writes }, force, actor, {
      action: 'squash',
      revision: plan.revision.id,
      replaces: plan.run.revisions,
    });
  }

  private async standings(
    folders: readonly string[],
    { revisions: run, children }: SquashRun,
  ): Promise<Array<{ standing: SquashStanding; connection: ConnectionTarget | undefined }>> {
    if (this.session.status().locked) {
      throw new SwitchyardError('E_STORE_LOCKED', 'Open the store first: a squash checks every connection bound to the project, whose profiles are in it.');
    }
    const read = await squashStandings(this.session, this.targets, folders, run, children);
    const standings = read.map((r) => r.standing);
    const inside = standings.filter((s) => s.standing === 'inside the run' || s.standing === 'not read');
    if (inside.length > 0) {
      const words = inside.map((s) =>
        s.standing === 'not read'
          ? `${s.connection} could not be read (${s.reason ?? 'no reason given'}), so where it stands is unknown`
          : `${s.connection} (${s.environment}) has applied ${s.appliedOfRun.join(', ')} but not the rest`,
      );
      throw new SwitchyardError(
        'E_SQUASH_INSIDE_RUN',
        `${words.join('; ')}: squashing ${run[0]}..${run[run.length - 1]} would leave ${inside.length === 1 ? 'it' : 'them'} with no revision to stand on. Nothing was changed.`,
        { standings },
      );
    }
    return read;
  }

  private boundEngine(standings: readonly SquashStanding[]): EngineKind | undefined {
    const engines = new Set(standings.map((s) => s.engine));
    return engines.size === 1 ? [...engines][0] : undefined;
  }

  /** The same squash gets the same id, so what --write writes is what the preview showed. */
  private newId(project: LoadedProject, run: SquashRun, message: string): string {
    for (let salt = 0; ; salt += 1) {
      const id = createHash('sha256')
        .update(`${run.revisions.join(',')}\n${message}\n${salt}`)
        .digest('hex')
        .slice(0, 12);
      if (!project.graph.byId.has(id)) return id;
    }
  }

  /**
   * The squashed project replayed up and down in a scratch database of its own: a native project's top-level
   * files, or what alembic reads of an Alembic project (alembic.ini, the script folder, the versions; not its archive), with the writes made.
   */
  private async prove(
    { folder, engine, near, replayed, root }: ProofPlace,
    writes: readonly FileWrite[],
    parentAddress: string,
    original: { atParent: SchemaModel; atHeads: SchemaModel; downed: SchemaModel | undefined },
    originalDownFailure: SwitchyardError | undefined,
  ): Promise<SquashProof> {
    const copy = mkdtempSync(join(this.place.fileFolder(), 'squash-'));
    try {
      let project = copy;
      if (root === null) {
        for (const name of readdirSync(folder)) if (name.toLowerCase().endsWith('.sql')) writeFileSync(join(copy, name), readFileSync(join(folder, name)));
      } else {
        // What alembic reads (alembic.ini, the script folder, the version locations), not the repository around it.
        const layout = alembicVersionDirsFor(folder);
        const skipped = new Set([join(folder, 'archive')]);
        for (const source of [...(layout.iniPath ? [layout.iniPath] : []), layout.scriptDir, ...layout.dirs]) {
          cpSync(source, join(copy, relative(root, source)), { recursive: true, filter: (from) => !skipped.has(from) && basename(from) !== '__pycache__' });
        }
        project = join(copy, relative(root, folder));
      }
      for (const w of writes) {
        if (w.path.startsWith('archive/') || (root === null && w.path.includes('/'))) continue;
        if (w.after === null) rmSync(join(project, w.path));
        else {
          mkdirSync(dirname(join(project, w.path)), { recursive: true });
          writeFileSync(join(project, w.path), w.after, 'utf8');
        }
      }
      const squashed = await replaySteps(project, engine, this.place, near, replayed, [
        { action: 'upgrade', to: 'heads' },
        { action: 'downgrade', to: parentAddress },
      ]);
      const [upped, downed] = squashed.schemas;
      if (!upped || !downed) throw squashed.failure as SwitchyardError;
      const up = proofCheck('Upgraded to every head', original.atHeads, upped);
      const down = original.downed
        ? proofCheck(`Downgraded to ${parentAddress}`, original.downed, downed)
        : proofCheck(`Downgraded to ${parentAddress} (the original upgraded to it)`, original.atParent, downed);
      const downNote = original.downed
        ? undefined
        : `the original project could not be downgraded (${originalDownFailure?.message ?? 'no reason given'}); the squashed downgrade was compared with the original upgraded to ${parentAddress}`;
      return { up, down, ...(downNote ? { downNote } : {}), replayedIn: squashed.replayedIn, proven: up.diff.equal && down.diff.equal };
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
}
