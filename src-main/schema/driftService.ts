// Drift of a connection: its schema read now against what its project's migrations make up to what it
// has applied (replayed one revision at a time, so each object knows its revision; cached), with the
// project's exclusion rules setting another application's objects apart. The CLI's `switchyard drift`,
// the API and the app all come here.
import { type DriftReport, type ExclusionRules, noExclusions } from '../../src-shared/model/drift';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { driftOf } from '../../src-shared/schema/drift';
import { engineFor } from '../engines/engineFor';
import type { StoreSession } from '../session/storeSession';
import type { TargetResolver } from '../targets/targetResolver';
import { withDriver } from '../targets/withDriver';
import type { ExpectedSchemaService } from './expectedSchemaService';

export class DriftService {
  constructor(
    private readonly targets: TargetResolver,
    private readonly session: StoreSession,
    private readonly expected: ExpectedSchemaService,
  ) {}

  async drift(ref: TargetRef): Promise<DriftReport> {
    const { target } = this.targets.resolve(ref);
    const { schema: expectedSchema, createdBy = {}, ...expected } = await this.expected.ofTarget(ref, undefined, { byRevision: true });
    const actual = await withDriver(target, (driver) => engineFor(target.connection.engine).schema.read(driver));
    const rules = 'profileId' in ref ? this.rules(ref.profileId) : noExclusions;
    // The replay filled createdBy in upgrade order: its revisions' first appearances are the project's order.
    const order = [...new Set(Object.values(createdBy))];
    const found = driftOf(expectedSchema, actual, createdBy, rules, order);
    return { connection: target.name, expected, ...found, rules, unread: { expected: expectedSchema.unread, actual: actual.unread } };
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
