// The reset wizard and snapshots as the API uses them, by profile id.
import type { OperationStarted } from '../../src-shared/model/operation';
import type { ResetConfirmation, ResetPlan, ResetRequest, Snapshot } from '../../src-shared/model/reset';
import type { Operations } from '../operations/operations';
import type { RunnerService } from '../runner/runnerService';
import type { StoreSession } from '../session/storeSession';
import { planWith, runReset } from './resetRun';
import type { SnapshotScope, SnapshotService } from './snapshots';

export class ResetService {
  constructor(
    private readonly runner: RunnerService,
    private readonly snapshots: SnapshotService,
    private readonly session: StoreSession,
    private readonly operations: Operations,
  ) {}

  private scope(profileId: string): SnapshotScope {
    return { key: profileId, target: this.runner.target(profileId) };
  }

  plan(profileId: string, request: ResetRequest): Promise<ResetPlan> {
    return planWith(this.snapshots, this.scope(profileId), request);
  }

  run(profileId: string, request: ResetRequest, confirmation: ResetConfirmation, actor: string): OperationStarted {
    const scope = this.scope(profileId);
    const audit = this.session.store.audit;
    return this.operations.start('reset.run', (operation) =>
      runReset(this.snapshots, scope, request, { actor, confirmation, operation, audit: (record) => audit.append(record) }),
    );
  }

  listSnapshots(profileId: string): Snapshot[] {
    return this.snapshots.list(profileId);
  }

  createSnapshot(profileId: string, name: string, actor: string): Promise<Snapshot & { sessionsEnded: number }> {
    return this.snapshots.create(this.scope(profileId), name, actor);
  }

  restoreSnapshot(profileId: string, snapshotId: string, actor: string, confirmProduction: boolean) {
    return this.snapshots.restore(this.scope(profileId), snapshotId, actor, confirmProduction);
  }

  deleteSnapshot(profileId: string, snapshotId: string, actor: string): Promise<void> {
    return this.snapshots.remove(this.scope(profileId), snapshotId, actor);
  }
}
