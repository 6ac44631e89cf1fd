// A database that other tools migrated, read with a project of another format: each tool's bookkeeping
// is named in the status with what it records, instead of everything reading as pending in silence or
// the status failing. Each tool's rows are written by a run of its own format (so in its own layout).
import { describe, expect, inject, it } from 'vitest';
import type { ProjectFormat } from '../../../src-shared/model/revision';
import { runTarget } from '../../../src-main/runner/runnerService';
import { targetStatus } from '../../../src-main/runner/targetStatus';
import { writeFiles } from '../../support/alembicFolders';
import { postgresTarget } from '../../support/migrationTargets';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };
const create = (table: string) => `CREATE TABLE ${table} (id integer PRIMARY KEY);\n`;
const drop = (table: string) => `DROP TABLE ${table};\n`;

// One small project per tool, each creating its own table, so all of them fit in one database.
const projects: Array<{ format: ProjectFormat; files: Record<string, string> }> = [
  {
    format: 'flyway',
    files: { 'sql/V1__flyway_t.sql': create('flyway_t'), 'sql/V2__flyway_u.sql': create('flyway_u'), 'flyway.conf': 'flyway.locations=filesystem:sql\n' },
  },
  {
    format: 'sqitch',
    files: {
      'sqitch.plan': '%syntax-version=1.0.0\n%project=elsewhere\n\nsqitch_t 2026-01-05T10:00:00Z Ada <ada@example.org> # a table\n',
      'deploy/sqitch_t.sql': create('sqitch_t'),
      'revert/sqitch_t.sql': drop('sqitch_t'),
    },
  },
  { format: 'prisma', files: { 'migration_lock.toml': 'provider = "postgresql"\n', '20240101000000_prisma_t/migration.sql': create('prisma_t') } },
  { format: 'diesel', files: { '2024-01-01-000000_diesel_t/up.sql': create('diesel_t'), '2024-01-01-000000_diesel_t/down.sql': drop('diesel_t') } },
  { format: 'pop', files: { '20240101000000_pop_t.up.sql': create('pop_t'), '20240101000000_pop_t.down.sql': drop('pop_t') } },
  { format: 'goose', files: { '00001_goose_t.sql': `-- +goose Up\n${create('goose_t')}-- +goose Down\n${drop('goose_t')}` } },
  { format: 'dbmate', files: { '20240101000000_dbmate_t.sql': `-- migrate:up\n${create('dbmate_t')}\n-- migrate:down\n${drop('dbmate_t')}` } },
];

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  writeFiles(dir, files);
  return dir;
}

describe("other tools' bookkeeping in the status", () => {
  it('names every tool that migrated the database, with how many migrations each records, for a project of another format', async () => {
    const database = await scratchDatabase(server, 'others');
    for (const { format, files } of projects) {
      await runTarget(postgresTarget(server, database, folder(files), { projectFormat: format }), { action: 'upgrade', to: 'heads' }, options);
    }
    // Alembic's own row, as alembic writes it (its run is the real alembic's, tested in alembicCli).
    await adminQuery(server, "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('abc123')", database);

    const native = folder({ '001_native_t.sql': `-- migrate:up\n${create('native_t')}\n-- migrate:down\n${drop('native_t')}` });
    const status = await targetStatus(postgresTarget(server, database, native));
    expect(status).toMatchObject({ format: 'native', initialised: false, applied: [], pending: ['001'] });
    const others = new Map((status.otherBookkeeping ?? []).map((o) => [o.format, o.records]));
    expect(Object.fromEntries(others)).toEqual({ alembic: 1, flyway: 2, sqitch: 1, prisma: 1, diesel: 1, pop: 1, goose: 1, dbmate: 1 });

    // And from one of those tools' projects: its own records as status, the others named beside it.
    const flyway = await targetStatus(postgresTarget(server, database, folder(projects[0]?.files ?? {}), { projectFormat: 'flyway' }));
    expect(flyway).toMatchObject({ format: 'flyway', initialised: true, applied: ['1', '2'], pending: [] });
    expect((flyway.otherBookkeeping ?? []).map((o) => o.format).sort()).toEqual(['alembic', 'dbmate', 'diesel', 'goose', 'pop', 'prisma', 'sqitch']);
  });
});
