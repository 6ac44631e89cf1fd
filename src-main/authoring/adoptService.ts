// Adopt a revision whose objects a database already holds (the seeds' `relation "documents" already
// exists`): the project replayed up to the revision's parents and up to the revision (scratch
// databases, cached), the objects it makes compared with the database's, and when they are the same,
// the revision stamped through the runner instead of run. One way in for the CLI and the API.
import { SwitchyardError } from '../../src-shared/errors';
import { revisionFor } from '../../src-shared/graph/addressing';
import type { Confirmation } from '../../src-shared/model/confirmation';
import type { OperationStarted } from '../../src-shared/model/operation';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { engineFor } from '../engines/engineFor';
import type { RunnerService } from '../runner/runnerService';
import { targetStatus } from '../runner/targetStatus';
import type { ExpectedSchemaService } from '../schema/expectedSchemaService';
import { loadTargetProject } from '../targets/migrationTarget';
import { requireConfirmation } from '../targets/requireConfirmation';
import type { TargetResolver } from '../targets/targetResolver';
import { withDriver } from '../targets/withDriver';
import { withoutBookkeeping } from './adoptBookkeeping';
import type { RevisionAdoption } from '../../src-shared/model/revisionAdoption';
import { adoptionEvidence } from './adoptCheck';

export type { RevisionAdoption };

export class AdoptService {
  constructor(
    private readonly targets: TargetResolver,
    private readonly expected: ExpectedSchemaService,
    private readonly runner: RunnerService,
  ) {}

  /** Compares; changes nothing. Refuses a revision already applied, or one whose parents are not (a stamp would record them too). */
  async check(ref: TargetRef, revision: string): Promise<RevisionAdoption> {
    const { target } = this.targets.resolve(ref);
    const project = loadTargetProject(target);
    const id = revisionFor(project.graph, revision);
    const parents = [...(project.graph.byId.get(id)?.parents ?? [])];
    const status = await targetStatus(target);
    if (status.applied.includes(id)) {
      throw new SwitchyardError('E_INVALID_INPUT', `${id} is already recorded as applied on ${target.name}: there is nothing to adopt. Nothing was changed.`);
    }
    const missing = parents.filter((p) => !status.applied.includes(p));
    if (missing.length > 0) {
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        `${id} can be adopted only on top of its parents, and ${target.name} has not applied ${missing.join(', ')}: upgrade (or adopt) ${missing.length === 1 ? 'it' : 'them'} first. Nothing was changed.`,
        { revision: id, missing },
      );
    }
    const before = await this.expected.ofTarget(ref, parents.length > 0 ? parents : ['base']);
    const after = await this.expected.ofTarget(ref, [id]);
    const { engine } = target.connection;
    const actual = await withDriver(target, (driver) => engineFor(engine).schema.read(driver));
    const tables = project.format.bookkeeping.tables;
    const evidence = adoptionEvidence(
      withoutBookkeeping(before.schema, engine, tables),
      withoutBookkeeping(after.schema, engine, tables),
      withoutBookkeeping(actual, engine, tables),
    );
    const unread = [
      ...after.schema.unread.map((u) => `the replay: ${u.object} — ${u.reason}`),
      ...actual.unread.map((u) => `${target.name}: ${u.object} — ${u.reason}`),
    ];
    return {
      connection: target.name,
      revision: id,
      parents,
      replayedIn: after.replayedIn,
      ...evidence,
      adoptable: evidence.differences.equal && evidence.compared.length > 0,
      unread,
    };
  }

  /**
   * Compares again, then stamps the revision through the runner (its confirmation rules: on
   * production the connection's name is typed). Refused with E_ADOPTION_DIFFERS, the comparison in
   * `detail`, unless the database holds exactly what the revision makes.
   */
  async adopt(
    ref: TargetRef,
    revision: string,
    actor: string,
    { confirmation }: { confirmation: Confirmation },
  ): Promise<{ adoption: RevisionAdoption; started: OperationStarted }> {
    const { target } = this.targets.resolve(ref);
    // Asked before the replays, which take seconds: a refusal costs nothing.
    requireConfirmation({ connection: target.name, environment: target.environment, what: 'stamp on it' }, confirmation);
    const adoption = await this.check(ref, revision);
    if (!adoption.adoptable) {
      const why =
        adoption.compared.length === 0
          ? `${adoption.revision} makes no object Switchyard can compare, so nothing proves the database holds it`
          : `${target.name} does not hold what ${adoption.revision} makes`;
      throw new SwitchyardError('E_ADOPTION_DIFFERS', `${why}; it was not stamped. Nothing was changed.`, adoption);
    }
    return { adoption, started: this.runner.run(ref, { action: 'stamp', to: adoption.revision }, actor, { confirmation }) };
  }
}
