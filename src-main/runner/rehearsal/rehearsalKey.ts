// What identifies a rehearsal: the database, the exact plan (its SQL as the dry run prints it) and
// the schema the database has now. Read from the real database, which is only read.
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

export interface RehearsalSubject {
  key: RehearsalKey;
  preview: RunPreview;
  schema: SchemaModel;
}

export async function rehearsalSubject(target: MigrationTarget, request: RunRequest): Promise<RehearsalSubject> {
  const engine = engineFor(target.connection.engine);
  const preview = await previewTarget(target, request, fingerprintActor);
  const schema = await withDriver(target, (driver) => engine.schema.read(driver));
  const plan = { action: request.action, to: request.to, down: request.down === true, steps: preview.steps, sql: preview.sql };
  return {
    key: {
      databaseKey: engine.databaseKey(target.connection),
      planFingerprint: sha256(JSON.stringify(plan)),
      schemaFingerprint: sha256(JSON.stringify(schema.objects)),
    },
    preview,
    schema,
  };
}
