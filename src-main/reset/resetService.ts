// The reset wizard and snapshots as the API and the CLI use them, on a TargetRef.
import { SwitchyardError } from '../../src-shared/errors';
import { countOf } from '../../src-shared/format/plural';
import type { OperationStarted } from '../../src-shared/model/operation';
import type { Confirmation } from '../../src-shared/model/confirmation';
import type { DriftReport } from '../../src-shared/model/drift';
import type { DatabaseCondition, ResetPlan, ResetRequest, ResetSession, Snapshot } from '../../src-shared/model/reset';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { Operations } from '../operations/operations';
import type { StoreSession } from '../session/storeSession';
import type { TargetResolver } from '../targets/targetResolver';
import { readCondition } from './databaseCondition';
import { databaseKeyOf } from './databaseKey';
import { planWith, runReset } from './resetRun';
import type { SnapshotConsent, SnapshotScope, SnapshotService } from './snapshots';

export class ResetService {
  constructor(
    private readonly targets: TargetResolver,
    private readonly snapshots: SnapshotService,
    private readonly session: StoreSession,
    private readonly operations: Operations,
    /** Drift of a target, for the Verify step's full schema comparison. */
    private readonly drift?: (ref: TargetRef) => Promise<DriftReport>,
  ) {}

  private scope(ref: TargetRef): SnapshotScope {
    return this.targets.resolve(ref);
  }

  plan(ref: TargetRef, request: ResetRequest, actor: string): Promise<ResetPlan> {
    return planWith(this.snapshots, this.scope(ref), request, actor);
  }

  /** `recipe`: the reset is a saved recipe's, run as `recipes.run` and named in the audit entries. */
  run(ref: TargetRef, request: ResetRequest, confirmation: Confirmation, actor: string, recipe?: { id: string; name: string }): OperationStarted {
    const scope = this.scope(ref);
    const audit = this.session.store.audit;
    const drift = this.drift;
    return this.operations.start(recipe ? 'recipes.run' : 'reset.run', (operation) =>
      runReset(this.snapshots, scope, request, {
        actor,
        confirmation,
        operation,
        ...(recipe ? { recipe } : {}),
        audit: (record) => audit.append(record),
        ...(drift ? { schemaDrift: () => drift(ref) } : {}),
      }),
    );
  }

  /** What opening the connection must say first: its database missing, an interrupted reset, killed snapshots settled. */
  async condition(ref: TargetRef, actor: string): Promise<DatabaseCondition> {
    const scope = this.scope(ref);
    const database = await this.snapshots.open(scope.target);
    try {
      return await readCondition(this.snapshots, this.snapshots.journal, scope, database, actor);
    } finally {
      await database.close();
    }
  }

  listSnapshots(ref: TargetRef): Snapshot[] {
    return this.snapshots.list(this.scope(ref));
  }

  /** Snapshots of the profile's database that no other profile reaches: removing the profile would leave them unlisted. */
  exclusiveSnapshots(profileId: string): Snapshot[] {
    const profiles = this.session.store.profiles.list();
    const own = profiles.find((p) => p.id === profileId);
    if (!own) throw new SwitchyardError('E_NOT_FOUND', `No connection profile with id ${profileId}.`);
    const key = databaseKeyOf(own);
    if (profiles.some((p) => p.id !== profileId && databaseKeyOf(p) === key)) return [];
    return this.session.store.snapshots.list(key);
  }

  /** Before a profile goes: its database's last snapshots are kept or deleted as the user said, never left unsaid (deleting them on production: its name typed). */
  async releaseSnapshots(profileId: string, choice: 'keep' | 'delete' | undefined, actor: string, confirmation: Confirmation = {}): Promise<void> {
    const exclusive = this.exclusiveSnapshots(profileId);
    if (exclusive.length === 0 || choice === 'keep') return;
    if (choice === undefined) {
      throw new SwitchyardError(
        'E_SNAPSHOTS_REMAIN',
        `No other connection reaches this database, and it has ${countOf(exclusive.length, 'snapshot')}: ${exclusive.map((s) => `"${s.name}" (${s.id.slice(0, 8)})`).join(', ')}. Say whether to keep or delete them. Nothing was removed.`,
        { snapshots: exclusive },
      );
    }
    for (const snapshot of exclusive) await this.snapshots.remove(this.scope({ profileId }), snapshot.id, actor, confirmation);
  }

  sessions(ref: TargetRef): Promise<ResetSession[]> {
    return this.snapshots.sessions(this.scope(ref));
  }

  createSnapshot(ref: TargetRef, name: string, actor: string, consent: SnapshotConsent): Promise<Snapshot & { sessionsEnded: number }> {
    return this.snapshots.create(this.scope(ref), name, actor, consent);
  }

  restoreSnapshot(ref: TargetRef, snapshotId: string, actor: string, consent: SnapshotConsent) {
    return this.snapshots.restore(this.scope(ref), snapshotId, actor, consent);
  }

  deleteSnapshot(ref: TargetRef, snapshotId: string, actor: string, confirmation: Confirmation): Promise<void> {
    return this.snapshots.remove(this.scope(ref), snapshotId, actor, confirmation);
  }
}
