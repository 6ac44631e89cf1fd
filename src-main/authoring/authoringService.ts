// Authoring a migration project, the one way in for the CLI and the API: a request is drafted and
// shown (diff, graph change, git standing, the stamps a re-parent needs), then the shown plan — and
// only it — is written, audited, and undoable until the next write in that folder.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { AuthoringPreview, AuthoringRequest, StampCheck } from '../../src-shared/model/authoring';
import type { UndoableWrite, WritePlan, WriteResult } from '../../src-shared/model/writePlan';
import { loadProject } from '../migrations/project';
import type { RunnerService } from '../runner/runnerService';
import type { StoreSession } from '../session/storeSession';
import { applyWritePlan, checkWritePlan, diffOf, undoLastWrite } from './projectWrites';
import { boundProfiles, reparentStamps } from './reparentStamps';
import { draftRevision } from './revisionDrafts';
import type { UndoRecords } from './undoRecords';

/** A preview is written only by the process that showed it, and only within the hour. */
const previewLifetimeMs = 60 * 60 * 1000;

interface Shown {
  preview: AuthoringPreview;
  at: number;
}

export class AuthoringService {
  private readonly shown = new Map<string, Shown>();

  constructor(
    private readonly session: StoreSession,
    private readonly runner: RunnerService,
    private readonly undo: UndoRecords,
  ) {}

  private async stamps(
    request: AuthoringRequest,
    projectDir: string,
    format: AuthoringPreview['format'],
    after: Parameters<typeof reparentStamps>[3],
  ): Promise<StampCheck | null> {
    if (request.action !== 'reparent') return null;
    if (this.session.status().locked)
      return {
        checked: false,
        reason: 'The store is locked, so the connections bound to this project were not read.',
        needs: [],
        unaffected: [],
        unreadable: [],
      };
    const bound = boundProfiles(this.session.store.profiles.list(), projectDir);
    return reparentStamps(bound, (profile) => this.runner.status({ profileId: profile.id }), format, after);
  }

  /** What the request would write and change, without writing anything. */
  async preview(request: AuthoringRequest): Promise<AuthoringPreview> {
    const project = loadProject(resolve(request.project));
    const draft = draftRevision(project, request);
    const check = await checkWritePlan(draft.plan);
    const preview: AuthoringPreview = {
      previewId: randomUUID(),
      action: request.action,
      format: project.files.format,
      project: project.files.project,
      plan: draft.plan,
      diff: diffOf(draft.plan),
      graph: draft.graph,
      revision: draft.revision,
      git: check.git,
      uncommittedTouched: check.uncommittedTouched,
      stamps: await this.stamps(request, project.files.project, project.files.format, draft.after),
      notes: [...draft.notes, ...(check.git.reason ? [check.git.reason] : [])],
    };
    const now = Date.now();
    for (const [id, shown] of this.shown) if (now - shown.at > previewLifetimeMs) this.shown.delete(id);
    this.shown.set(preview.previewId, { preview, at: now });
    return preview;
  }

  private audit(actor: string, action: string, projectDir: string, detail: Record<string, unknown>): void {
    if (this.session.status().locked) return;
    this.session.store.audit.append({ actor, action, target: `folder:${projectDir}`, detail });
  }

  /** Writes the plan a preview showed (refused when a file changed since, or is uncommitted and not forced). */
  async write(previewId: string, force: boolean, actor: string): Promise<WriteResult> {
    const shown = this.shown.get(previewId);
    if (!shown || Date.now() - shown.at > previewLifetimeMs)
      throw new SwitchyardError('E_NOT_FOUND', 'That preview is not known here (or is over an hour old): show the change again, then write it.');
    const { preview } = shown;
    const result = await applyWritePlan(preview.plan, { undo: this.undo, force });
    this.shown.delete(previewId);
    this.audit(actor, 'revision.write', preview.project, { action: preview.action, revision: preview.revision, written: result.written, forced: force });
    return result;
  }

  /** Puts back every file of the last write in the folder. */
  async undoLast(projectDir: string, actor: string): Promise<WriteResult> {
    const result = await undoLastWrite(this.folderOf(projectDir), { undo: this.undo });
    this.audit(actor, 'revision.undo', result.projectDir, { written: result.written });
    return result;
  }

  /** The write undo would take back, or null. */
  lastWrite(projectDir: string): UndoableWrite | null {
    return this.undo.summary(this.folderOf(projectDir));
  }

  /** The folder writes were keyed by: the one named, or where its migrations were found (a repository's migrations/). */
  private folderOf(projectDir: string): string {
    const named = resolve(projectDir);
    if (this.undo.read(named)) return named;
    try {
      return loadProject(named).files.project;
    } catch {
      return named;
    }
  }

  /** For adopt and squash: a plan they made, written through the same checks, undo and audit. */
  async writePlan(plan: WritePlan, force: boolean, actor: string, detail: Record<string, unknown>): Promise<WriteResult> {
    const result = await applyWritePlan(plan, { undo: this.undo, force });
    this.audit(actor, 'revision.write', plan.projectDir, { ...detail, written: result.written, forced: force });
    return result;
  }
}
