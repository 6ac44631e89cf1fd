// dbmate, golang-migrate and goose folders through the real CLI, as a user meets them: graph --json
// says which format and why, with every file it did not use named; --format picks one; a run writes
// the tool's own table and status reads it back.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Cli } from '../../support/cliProcess';
import { fixtures } from '../../support/revisions';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const cli = () => new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '', PGPASSWORD: server.password });

describe('versioned-name formats through the CLI', () => {
  it('graph --json names the format, why, and every file not run', async () => {
    const run = await cli().run(['graph', '--project', `${fixtures}goose-chain`, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      format: string;
      detection: string;
      revisions: Array<{ id: string }>;
      anomalies: Array<{ kind: string; file: string }>;
    };
    expect(report.format).toBe('goose');
    expect(report.detection).toContain('-- +goose Up');
    expect(report.revisions.map((r) => r.id).sort()).toEqual(['1', '2', '3', '5']);
    expect(report.anomalies.map((a) => [a.kind, a.file]).sort()).toEqual([
      ['duplicateRevision', '00003_more_orders.sql'],
      ['unreadableFile', '00004_backfill_accounts.go'],
      ['unusedFile', 'seed.sql'],
    ]);
  });

  it('upgrade --format golang-migrate writes migrate’s one row, and status --json reads it back', async () => {
    const database = await scratchDatabase(server, 'cli');
    const project = join(tempDir(), 'migrations');
    mkdirSync(project);
    for (const file of ['0001_create_accounts.up.sql', '0002_index_accounts.up.sql', '0003_create_orders.up.sql', '0003_create_orders.down.sql']) {
      copyFileSync(join(fixtures, 'golang-migrate-chain', file), join(project, file));
    }
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project, '--format', 'golang-migrate'];

    const up = await cli().run(['upgrade', ...common, '--to', 'heads', '--json']);
    expect(up.code).toBe(0);
    expect((await adminQuery(server, 'SELECT version, dirty FROM schema_migrations', database)).rows).toEqual([{ version: '3', dirty: false }]);
    const status = await cli().run(['status', ...common, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ format: 'golang-migrate', applied: ['1', '2', '3'], pending: [] });
  });
});
