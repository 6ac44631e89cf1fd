// A migration that fails, in the formats whose runner tests had none (goose, diesel, Prisma), on
// PostgreSQL: the run stops at it, nothing of it stays where the tool runs it in a transaction, the
// tool's table records the migrations before it only (Prisma's keeps its started row, unfinished, and
// refuses to run until it is resolved, as prisma migrate deploy does), and once fixed it runs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
// Two statements, the second failing: in a transaction, the first must not stay either.
const failing = 'CREATE TABLE half_done (id integer);\nINSERT INTO no_such_table VALUES (1);\n';
const fixed = 'CREATE TABLE half_done (id integer);\n';

interface Case {
  format: ProjectFormat;
  files: Record<string, string>;
  /** The failing migration's file, relative to the project. */
  broken: string;
  fix: string;
  ids: [string, string];
  /** The migrations the tool's own table records as applied. */
  recorded: string;
  /**
   * What the tool leaves of the failure that blocks its next run, and how its user clears it: Prisma's
   * unfinished row, refused as P3009 until `prisma migrate resolve --rolled-back`.
   */
  blocked?: { left: string; refusal: string; resolve: string };
}

const cases: Case[] = [
  {
    format: 'goose',
    files: {
      '00001_accounts.sql': '-- +goose Up\nCREATE TABLE accounts (id integer);\n-- +goose Down\nDROP TABLE accounts;\n',
      '00002_broken.sql': `-- +goose Up\n${failing}-- +goose Down\nDROP TABLE half_done;\n`,
    },
    broken: '00002_broken.sql',
    fix: `-- +goose Up\n${fixed}-- +goose Down\nDROP TABLE half_done;\n`,
    ids: ['1', '2'],
    recorded: 'SELECT version_id::text AS v FROM goose_db_version WHERE version_id > 0 AND is_applied ORDER BY id',
  },
  {
    format: 'diesel',
    files: {
      '2024-01-01-000000_accounts/up.sql': 'CREATE TABLE accounts (id integer);\n',
      '2024-01-01-000000_accounts/down.sql': 'DROP TABLE accounts;\n',
      '2024-01-02-000000_broken/up.sql': failing,
      '2024-01-02-000000_broken/down.sql': 'DROP TABLE half_done;\n',
    },
    broken: '2024-01-02-000000_broken/up.sql',
    fix: fixed,
    ids: ['20240101000000', '20240102000000'],
    recorded: 'SELECT version AS v FROM __diesel_schema_migrations ORDER BY version',
  },
  {
    format: 'prisma',
    files: {
      'migration_lock.toml': 'provider = "postgresql"\n',
      '20240101000000_accounts/migration.sql': 'CREATE TABLE accounts (id integer);\n',
      '20240102000000_broken/migration.sql': failing,
    },
    broken: '20240102000000_broken/migration.sql',
    fix: fixed,
    ids: ['20240101000000_accounts', '20240102000000_broken'],
    recorded: 'SELECT migration_name AS v FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
    // prisma-engines' apply_migration: record_migration_started before the script, record_failed_step after it fails;
    // mark_migration_rolled_back_by_id (`prisma migrate resolve --rolled-back`) sets rolled_back_at.
    blocked: {
      left: 'SELECT migration_name AS v FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL',
      refusal: 'prisma migrate resolve --rolled-back 20240102000000_broken',
      resolve: "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '20240102000000_broken' AND finished_at IS NULL",
    },
  },
];

describe('a failing migration', () => {
  it.each(cases)('$format: stops the run, leaves nothing of itself, records only the migration before it, and runs once fixed', async (c) => {
    const database = await scratchDatabase(server, `fail_${c.format}`);
    const dir = tempDir();
    writeFiles(dir, c.files);
    const target = postgresTarget(server, database, dir, { projectFormat: c.format });
    const tables = async () =>
      (
        await adminQuery(server, "SELECT table_name FROM information_schema.tables WHERE table_name IN ('accounts', 'half_done') ORDER BY 1", database)
      ).rows.map((r: { table_name: string }) => r.table_name);
    const recorded = async () => (await adminQuery(server, c.recorded, database)).rows.map((r: { v: string }) => String(r.v));

    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({
      message: expect.stringContaining('no_such_table'),
    });
    expect(await tables()).toEqual(['accounts']);
    expect(await recorded()).toEqual([c.ids[0]]);
    expect(await targetStatus(target)).toMatchObject({ applied: [c.ids[0]], pending: [c.ids[1]] });

    writeFileSync(join(dir, c.broken), c.fix);
    if (c.blocked) {
      expect((await adminQuery(server, c.blocked.left, database)).rows.map((r: { v: string }) => r.v)).toEqual([c.ids[1]]);
      expect((await targetStatus(target)).runRefusal).toContain(c.blocked.refusal);
      await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({ code: 'E_BOOKKEEPING_REFUSES' });
      await adminQuery(server, c.blocked.resolve, database);
    }
    const again = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(again.steps.map((s) => s.revision)).toEqual([c.ids[1]]);
    expect(await tables()).toEqual(['accounts', 'half_done']);
    expect(await recorded()).toEqual(c.ids);
  });
});
