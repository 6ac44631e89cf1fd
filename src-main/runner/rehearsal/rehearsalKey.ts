// What identifies a rehearsal: the database, the exact plan (its SQL as the dry run prints it) and
// the schema the database has. Read from the real database, which is only read.
import { createHash } from 'node:crypto';
import type { SchemaModel } from '../../../src-shared/model/schema';
import type { RunPreview, RunRequest } from '../../../src-shared/model/run';
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
  databaseKey: string;
  planFingerprint: string;
  preview: RunPreview;
}

export async function plannedRun(target: MigrationTarget, request: RunRequest): Promise<PlannedRun> {
  const preview = await previewTarget(target, request, fingerprintActor);
  const plan = { action: request.action, to: request.to, down: request.down === true, steps: preview.steps, sql: preview.sql };
  return { databaseKey: engineFor(target.connection.engine).databaseKey(target.connection), planFingerprint: sha256(JSON.stringify(plan)), preview };
}

export function schemaFingerprint(schema: SchemaModel): string {
  return sha256(JSON.stringify(schema.objects));
}

/** The key of the run as it would go now: the plan and the schema read side by side (two connections). */
export async function rehearsalKeyNow(target: MigrationTarget, request: RunRequest): Promise<{ key: RehearsalKey; planned: PlannedRun }> {
  const engine = engineFor(target.connection.engine);
  const [planned, schema] = await Promise.all([plannedRun(target, request), withDriver(target, (driver) => engine.schema.read(driver))]);
  return {
    key: { databaseKey: planned.databaseKey, planFingerprint: planned.planFingerprint, schemaFingerprint: schemaFingerprint(schema) },
    planned,
  };
}
