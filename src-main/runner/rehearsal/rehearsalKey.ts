// What identifies a rehearsal: the database, the exact plan (its SQL as the dry run prints it) and
// the schema it was rehearsed on; read from a clone by a rehearsal, from the database (only read) by a run.
import { createHash } from 'node:crypto';
import type { SchemaModel } from '../../../src-shared/model/schema';
import type { RunPreview, RunRequest } from '../../../src-shared/model/run';
import type { ConnectionTarget } from '../../drivers/driver';
import { engineFor } from '../../engines/engineFor';
import type { MigrationTarget } from '../../targets/migrationTarget';
import { withDriver } from '../../targets/withDriver';
import { previewTarget } from '../runnerService';
import type { RehearsalKey } from './rehearsalRecords';

/** The bookkeeping the dry run prints names who applies: one name for every rehearsal and check, so the SQL compares. */
const fingerprintActor = 'switchyard (rehearsal)';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A run as planned on the real database: what a rehearsal runs, and its fingerprint. */
export interface PlannedRun {
  planFingerprint: string;
  preview: RunPreview;
}

/** `on`: plan on a copy of the target (a rehearsal's clone), which plans as the target would: same bookkeeping, same files. */
export async function plannedRun(target: MigrationTarget, request: RunRequest, on: ConnectionTarget = target.connection): Promise<PlannedRun> {
  const preview = await previewTarget({ ...target, connection: on }, request, fingerprintActor);
  const plan = { action: request.action, to: request.to, down: request.down === true, steps: preview.steps, sql: preview.sql };
  return { planFingerprint: sha256(JSON.stringify(plan)), preview };
}

/**
 * Several runs in turn (a bound database's heads, one after another), each planned on the state it
 * starts from now: their fingerprints together identify the whole plan (one run: its own fingerprint).
 */
export async function plannedRuns(target: MigrationTarget, requests: readonly RunRequest[], on: ConnectionTarget = target.connection) {
  const planned: PlannedRun[] = [];
  for (const request of requests) planned.push(await plannedRun(target, request, on));
  const planFingerprint = planned.length === 1 ? (planned[0] as PlannedRun).planFingerprint : sha256(JSON.stringify(planned.map((p) => p.planFingerprint)));
  return { planFingerprint, planned };
}

export function schemaFingerprint(schema: SchemaModel): string {
  return sha256(JSON.stringify(schema.objects));
}

/** The key of the run (or runs in turn) as it would go now: the plan and the schema read side by side (two connections). */
export async function rehearsalKeyNow(target: MigrationTarget, requests: readonly RunRequest[]): Promise<RehearsalKey> {
  const engine = engineFor(target.connection.engine);
  const [planned, schema] = await Promise.all([plannedRuns(target, requests), withDriver(target, (driver) => engine.schema.read(driver))]);
  return { databaseKey: engine.databaseKey(target.connection), planFingerprint: planned.planFingerprint, schemaFingerprint: schemaFingerprint(schema) };
}
