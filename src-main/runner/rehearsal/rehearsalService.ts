// Rehearsals as the API, the CLI and the run dialog use them: rehearse a plan as a long operation,
// say where a plan stands (rehearsed on this schema, failed, or not), and gate a run on it.
import { SwitchyardError } from '../../../src-shared/errors';
import { formatMoment } from '../../../src-shared/format/moment';
import type { OperationStarted } from '../../../src-shared/model/operation';
import type { Rehearsal, RehearsalStanding, RunRehearsal } from '../../../src-shared/model/rehearsal';
import type { RunRequest } from '../../../src-shared/model/run';
import type { TargetRef } from '../../../src-shared/model/targetRef';
import { engineFor } from '../../engines/engineFor';
import type { OperationContext, Operations } from '../../operations/operations';
import type { ScratchPlace } from '../../scratch/scratchDatabase';
import type { StoreSession } from '../../session/storeSession';
import type { MigrationTarget } from '../../targets/migrationTarget';
import type { TargetResolver } from '../../targets/targetResolver';
import type { RehearsalGate } from './rehearsalGate';
import { rehearsalKeyNow } from './rehearsalKey';
import type { RehearsalRecords } from './rehearsalRecords';
import { rehearsalAuditRecord } from './rehearsalAudit';
import { rehearse } from './rehearse';

export class RehearsalService implements RehearsalGate {
  constructor(
    private readonly targets: TargetResolver,
    private readonly operations: Operations,
    private readonly place: ScratchPlace,
    private readonly records: RehearsalRecords,
    /** Where rehearsals are audited; a --url run without the store's passphrase has none, as its runs. */
    private readonly session?: StoreSession,
  ) {}

  /** Runs the plan on a clone as a long operation; op.done carries the Rehearsal, failed or not. */
  rehearse(ref: TargetRef, request: RunRequest, actor: string): OperationStarted {
    const { target } = this.targets.resolve(ref);
    return this.operations.start('runner.rehearse', (operation) => this.rehearseTarget(target, [request], operation, actor));
  }

  /**
   * Inside an operation another service started (a coordinated run over bound databases): the runs in
   * turn on one clone of the database, kept and audited as any rehearsal; failed or not.
   */
  rehearseWithin(ref: TargetRef, requests: readonly [RunRequest, ...RunRequest[]], operation: OperationContext, actor: string): Promise<Rehearsal> {
    return this.rehearseTarget(this.targets.resolve(ref).target, requests, operation, actor);
  }

  /** `request`: one run, or several in turn on one database (a bound database's heads). */
  async standing(ref: TargetRef, request: RunRequest | readonly [RunRequest, ...RunRequest[]]): Promise<RehearsalStanding> {
    const { target } = this.targets.resolve(ref);
    return this.records.standing(await rehearsalKeyNow(target, 'action' in request ? [request] : request));
  }

  async beforeRun(target: MigrationTarget, request: RunRequest, how: RunRehearsal, operation: OperationContext, actor: string): Promise<void> {
    const standing = this.records.standing(await rehearsalKeyNow(target, [request]));
    if (standing.state === 'rehearsed') {
      operation.log('info', `Rehearsed ${standing.rehearsal ? formatMoment(standing.rehearsal.at) : 'before'}: the same plan succeeded on this schema.`);
      return;
    }
    if (how === 'required') {
      throw new SwitchyardError(
        'E_NOT_REHEARSED',
        `${target.name}: this plan was not rehearsed on the schema it has now (${standing.why}). Nothing was run. Rehearse it first (switchyard ${request.action} … --rehearse), or run without --rehearsed.`,
        { standing: standing.state },
      );
    }
    const rehearsal = await this.rehearseTarget(target, [request], operation, actor);
    if (!rehearsal.ok) {
      throw new SwitchyardError(
        'E_REHEARSAL_FAILED',
        `${target.name}: the rehearsal on a clone failed, so the real run did not start. ${rehearsal.failure?.message ?? ''}`.trim(),
        { rehearsal },
      );
    }
    operation.log('info', `Rehearsal succeeded in ${rehearsal.totalMs} ms; running on ${target.name}.`);
  }

  private async rehearseTarget(
    target: MigrationTarget,
    requests: readonly [RunRequest, ...RunRequest[]],
    operation: OperationContext,
    actor: string,
  ): Promise<Rehearsal> {
    const rehearsal = await rehearse(target, requests, this.place, operation);
    this.records.keep(engineFor(target.connection.engine).databaseKey(target.connection), rehearsal);
    if (this.session && !this.session.status().locked) this.session.store.audit.append(rehearsalAuditRecord(rehearsal, actor));
    return rehearsal;
  }
}
