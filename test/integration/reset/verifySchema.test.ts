// The reset's Verify step compares the full schema with what the migrations make, not only table
// names: a seed that adds a column leaves every table in place, and Verify still says which column;
// what the comparison could not read is said beside a pass, never taken for "the same".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { ApiEventMessage } from '../../../src-shared/api';
import type { ResetResult } from '../../../src-shared/model/reset';
import type { WireError } from '../../../src-shared/errors';
import type { Services } from '../../../src-main/services';
import { runTarget } from '../../../src-main/runner/runnerService';
import { sqliteTarget } from '../../support/migrationTargets';
import { scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';
import { shop, shopProject, unlockedServices } from './resetSupport';

const server = inject('postgres');

/** The reset as the wizard starts it (ResetService.run), to its op.done. */
function resetThroughService(services: Services, url: string, project: string, seedFile: string, typedName = 'shop.sqlite'): Promise<ResetResult | WireError> {
  return new Promise((resolve) => {
    let opId = '';
    const stop = services.events.onEvent((message: ApiEventMessage) => {
      if (message.event !== 'op.done' || message.payload.opId !== opId) return;
      stop();
      resolve(message.payload.ok ? (message.payload.result as ResetResult) : message.payload.error);
    });
    opId = services.reset.run({ url, project }, { mode: 'recreate', takeSnapshot: true, to: 'heads', seedFile }, { typedName }, 'tester').opId;
  });
}

describe('reset Verify: the full schema', () => {
  it('passes when the schema is what the migrations make, and names a column a seed added though every table is in place', async () => {
    const services = await unlockedServices();
    onTestFinished(() => services.close());
    const project = shopProject();
    const path = join(tempDir(), 'shop.sqlite');
    await runTarget(sqliteTarget(path, project), { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    const rows = join(tempDir(), 'rows.sql');
    writeFileSync(rows, "INSERT INTO customers VALUES (1, 'Ada');\n");
    const column = join(tempDir(), 'column.sql');
    writeFileSync(column, 'ALTER TABLE orders ADD COLUMN note text;\n');

    const clean = await resetThroughService(services, `sqlite:${path}`, project, rows);
    expect(clean).toMatchObject({ ok: true, verification: { ok: true, drift: [] } });
    expect((clean as ResetResult).steps.find((s) => s.step === 'verify')?.message).toContain('schema as the migrations make it');

    const drifted = await resetThroughService(services, `sqlite:${path}`, project, column);
    expect(drifted).toMatchObject({ ok: false, stoppedAt: 'verify', verification: { ok: false, missingTables: [], unexpectedTables: [] } });
    expect((drifted as ResetResult).verification?.drift?.map((o) => [o.change, o.key, o.revision])).toEqual([
      ['unexpected', 'column:"main"."orders"."note"', 'ordr02'],
    ]);
  });

  it('says beside its pass what the comparison could not read: a rule the schema model does not hold yet, on PostgreSQL', async () => {
    const services = await unlockedServices();
    onTestFinished(() => services.close());
    const database = await scratchDatabase(server, 'verify_unread');
    const project = shopProject([
      ...shop,
      { id: 'rule03', parents: ['ordr02'], message: 'keep orders', up: 'CREATE RULE orders_kept AS ON DELETE TO orders DO INSTEAD NOTHING;' },
    ]);
    const rows = join(tempDir(), 'rows.sql');
    writeFileSync(rows, "INSERT INTO customers VALUES (1, 'Ada');\n");

    const done = await resetThroughService(
      services,
      `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`,
      project,
      rows,
      database,
    );
    expect(done).toMatchObject({ ok: true, verification: { ok: true, drift: [] } });
    const said = (done as ResetResult).verification?.schemaNotes ?? [];
    expect(said).toEqual([
      expect.stringMatching(/^not read, not compared: migrations: rule .*orders_kept.*/),
      expect.stringMatching(/^not read, not compared: database: rule .*orders_kept.*/),
    ]);
    expect((done as ResetResult).steps.find((s) => s.step === 'verify')?.message).toContain(`schema as the migrations make it (${said.join('; ')})`);
  });
});
