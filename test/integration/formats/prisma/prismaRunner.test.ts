// Prisma's bookkeeping checked against its documented layout: prisma-engines' PostgreSQL flavour creates
// `_prisma_migrations (id VARCHAR(36) PK, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
// migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ
// NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`; sql_migration_persistence.rs
// inserts a row (uuid id, sha256 checksum, name) when a migration starts and sets finished_at and
// applied_steps_count when it succeeds; `migrate resolve --rolled-back` sets rolled_back_at.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { RunRequest } from '../../../../src-shared/model/run';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import type { MigrationTarget } from '../../../../src-main/targets/migrationTarget';
import { postgresTarget } from '../../../support/migrationTargets';
import { fixtures } from '../../../support/revisions';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');
const run = (t: MigrationTarget, request: RunRequest) => runTarget(t, request, { actor: 'tester', lockTimeoutMs: 2_000 });
const names = ['20240101000000_init', '20240102000000_add_books', '20240103000000_books_title_idx'];

function project(): string {
  const dir = join(tempDir(), 'prisma');
  cpSync(`${fixtures}prisma-app`, dir, { recursive: true });
  return dir;
}

const script = (dir: string, name: string) => join(dir, 'migrations', name, 'migration.sql');

async function rows(database: string, sql: string): Promise<Record<string, unknown>[]> {
  return (await adminQuery(server, sql, database)).rows as Record<string, unknown>[];
}

async function target(): Promise<{ t: MigrationTarget; database: string; dir: string }> {
  const database = await scratchDatabase(server, 'prisma');
  const dir = project();
  return { t: postgresTarget(server, database, dir, { projectFormat: 'auto' }), database, dir };
}

describe('Prisma on PostgreSQL', () => {
  it("applies every migration and records it as Prisma does: a uuid, the file's sha256, started and finished, one step", async () => {
    const { t, database, dir } = await target();
    expect((await run(t, { action: 'upgrade', to: 'heads' })).steps.map((s) => s.revision)).toEqual(names);
    const recorded = await rows(
      database,
      'SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded).toEqual(
      names.map((name) => ({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        checksum: createHash('sha256')
          .update(readFileSync(script(dir, name)))
          .digest('hex'),
        migration_name: name,
        started_at: expect.any(Date),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        logs: null,
        applied_steps_count: 1,
      })),
    );
    expect(
      await rows(
        database,
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position",
      ),
    ).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO' },
      { column_name: 'checksum', data_type: 'character varying', is_nullable: 'NO' },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
      { column_name: 'migration_name', data_type: 'character varying', is_nullable: 'NO' },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES' },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', is_nullable: 'YES' },
      { column_name: 'started_at', data_type: 'timestamp with time zone', is_nullable: 'NO' },
      { column_name: 'applied_steps_count', data_type: 'integer', is_nullable: 'NO' },
    ]);
    // The lone CREATE INDEX CONCURRENTLY ran outside a transaction, as in Prisma.
    expect(await rows(database, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'Book_title_idx'")).toEqual([
      { indisvalid: true },
    ]);
    expect(await targetStatus(t)).toMatchObject({ format: 'prisma', applied: names, pending: [], changed: [] });
  });

  it('calls an applied migration changed when its SQL changed, and not when only its line ends did', async () => {
    const { t, dir } = await target();
    await run(t, { action: 'upgrade', to: 'heads' });
    const init = script(dir, names[0] as string);
    writeFileSync(init, readFileSync(init, 'utf8').replace(/\n/g, '\r\n'));
    expect((await targetStatus(t)).changed).toEqual([]);
    writeFileSync(script(dir, names[1] as string), `${readFileSync(script(dir, names[1] as string), 'utf8')}\nCREATE TABLE "Extra" (id int);\n`);
    expect((await targetStatus(t)).changed).toEqual([names[1]]);
  });

  it('refuses a downgrade, since Prisma has no down migrations; a stamp down marks the rows rolled back, and they are pending again', async () => {
    const { t, database } = await target();
    await run(t, { action: 'upgrade', to: 'heads' });
    await expect(run(t, { action: 'downgrade', to: names[0] as string })).rejects.toMatchObject({
      code: 'E_NO_DOWNGRADE',
      message: expect.stringContaining('Prisma has no down migrations'),
    });
    const stamped = await run(t, { action: 'stamp', to: names[0] as string, down: true });
    expect(stamped.status).toMatchObject({ applied: [names[0]], pending: names.slice(1) });
    expect(await rows(database, 'SELECT migration_name FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL ORDER BY 1')).toEqual(
      names.slice(1).map((migration_name) => ({ migration_name })),
    );
  });

  it('refuses finished rows with a gap: prisma migrate deploy would apply the earlier migration, which a chain would call applied', async () => {
    const { t, database } = await target();
    await run(t, { action: 'stamp', to: names[0] as string });
    await adminQuery(server, `UPDATE _prisma_migrations SET migration_name = '${names[1]}'`, database);
    await expect(targetStatus(t)).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringContaining(`Prisma records ${names[1]} but not ${names[0]}`),
    });
  });

  it("refuses to run while a migration is recorded as failed (P3009), naming it and Prisma's way out", async () => {
    const { t, database } = await target();
    await run(t, { action: 'upgrade', to: names[0] as string });
    await adminQuery(
      server,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ('00000000-0000-4000-8000-000000000000', 'x', '${names[1]}', 'relation "Author" does not exist')`,
      database,
    );
    await expect(run(t, { action: 'upgrade', to: 'heads' })).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringContaining(`prisma migrate resolve --rolled-back ${names[1]}`),
    });
    expect((await targetStatus(t)).pending).toEqual(names.slice(1));
  });
});
