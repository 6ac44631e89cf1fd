// Drift of a connection: its schema read now against what its project's migrations make up to what it
// has applied (replayed in one go; one revision at a time when something drifted, so each object knows
// its revision; cached), with the project's exclusion rules setting another application's objects
// apart. The CLI's `switchyard drift`, the API and the app all come here.
import { toWireError } from '../../src-shared/errors';
import { type DriftReport, type ExclusionRules, noExclusions } from '../../src-shared/model/drift';
import type { RunSchemaCheck } from '../../src-shared/model/schemaCheck';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { driftOf } from '../../src-shared/schema/drift';
import { appliedWithAncestors } from '../../src-shared/graph/planner';
import type { PreviewStep } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { readRecorded } from '../runner/versionTables';
import type { SchemaChecks } from '../runner/schemaCheckGate';
import { loadTargetProject } from '../targets/migrationTarget';
import type { StoreSession } from '../session/storeSession';
import type { TargetResolver } from '../targets/targetResolver';
import { withDriver } from '../targets/withDriver';
import type { ExpectedSchemaService } from './expectedSchemaService';

export class DriftService implements SchemaChecks {
  constructor(
    private readonly targets: TargetResolver,
    private readonly session: StoreSession,
    private readonly expected: ExpectedSchemaService,
  ) {}

  /**
   * The migrations replayed in one go (or answered from the cache); only when something drifted are they
   * replayed one revision at a time, to name each object's revision. The same report as replaying one
   * revision at a time always, at one replay's cost when nothing drifted (a reset's Verify step, a
   * clean `switchyard drift`).
   */
  async drift(ref: TargetRef, appliedNow?: readonly string[], reader?: Driver): Promise<DriftReport> {
    const first = await this.report(ref, false, appliedNow, reader);
    const unnamed = first.objects.some((o) => o.revision === null);
    return unnamed ? this.report(ref, true, appliedNow, reader) : first;
  }

  /**
   * The runner's check after a run: drift at what the run left applied, the database read through the
   * run's own connection (`reader`) when it gives it. Never throws: what kept it from comparing is said instead.
   */
  async afterRun(ref: TargetRef, appliedNow: readonly string[], reader?: Driver): Promise<RunSchemaCheck> {
    const started = performance.now();
    try {
      const report = await this.drift(ref, appliedNow, reader);
      return { checked: true, report, ms: Math.round(performance.now() - started) };
    } catch (error) {
      return { checked: false, why: toWireError(error).message };
    }
  }

  /**
   * Before a run (its preview): what the migrations make once `steps` ran, replayed in the background so
   * `afterRun` finds it. Nothing waits for it; a failure here is said by the check after the run, which asks again.
   */
  prepare(ref: TargetRef, steps: readonly PreviewStep[]): void {
    if (steps.length === 0) return;
    const after = async () => {
      const { target } = this.targets.resolve(ref);
      const project = loadTargetProject(target);
      const recorded = await withDriver(target, (driver) => readRecorded(driver, project));
      const applied = appliedWithAncestors(
        project.graph,
        recorded.records.map((r) => r.revision),
      );
      for (const step of steps) {
        if (step.direction === 'up') applied.add(step.revision);
        else applied.delete(step.revision);
      }
      await this.expected.ofTarget(ref, undefined, { appliedNow: [...applied] });
    };
    after().catch(() => undefined);
  }

  /**
   * `byRevision`: replay one revision at a time unless the cache knows each object's revision already.
   * `reader`: an open connection to the database, no transaction in it (a run's, once its lock is released), read through instead of another.
   */
  private async report(ref: TargetRef, byRevision: boolean, appliedNow?: readonly string[], reader?: Driver): Promise<DriftReport> {
    const { target } = this.targets.resolve(ref);
    const read = (driver: Driver) => engineFor(target.connection.engine).schema.read(driver);
    // The database is read while the migrations replay: neither waits for the other.
    const [{ schema: expectedSchema, createdBy = {}, ...expected }, actual] = await Promise.all([
      this.expected.ofTarget(ref, undefined, { byRevision, ...(appliedNow ? { appliedNow } : {}) }),
      reader ? read(reader) : withDriver(target, read),
    ]);
    const rules = 'profileId' in ref ? this.rules(ref.profileId) : noExclusions;
    // The replay filled createdBy in upgrade order: its revisions' first appearances are the project's order.
    const order = [...new Set(Object.values(createdBy))];
    const found = driftOf(expectedSchema, actual, createdBy, rules, order);
    return {
      connection: target.name,
      expected,
      ...found,
      rules,
      unread: { expected: expectedSchema.unread, actual: actual.unread },
      notes: { expected: expectedSchema.notes ?? [], actual: actual.notes ?? [] },
    };
  }

  /** The profile's rules: another application's objects, never drift. */
  rules(profileId: string): ExclusionRules {
    this.session.store.profiles.get(profileId);
    return this.session.store.exclusions.get(profileId);
  }

  setRules(profileId: string, rules: ExclusionRules, actor: string): ExclusionRules {
    const profile = this.session.store.profiles.get(profileId);
    this.session.store.exclusions.set(profileId, rules);
    this.session.store.audit.append({ actor, action: 'drift.exclusions', target: profile.name, profileId, detail: { ...rules } });
    return rules;
  }
}
