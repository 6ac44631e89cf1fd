// What every SQL format gets from the runner: a revision holding a statement PostgreSQL refuses in a
// transaction is refused before anything runs (and runs when marked), and no .sql file under the
// project goes unused without a word.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SwitchyardError } from '../../../src-shared/errors';
import { loadProject, graphReport } from '../../../src-main/migrations/project';
import { previewTarget, runTarget } from '../../../src-main/runner/runnerService';
import { targetStatus } from '../../../src-main/runner/targetStatus';
import { postgresTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };

async function indexes(database: string): Promise<string[]> {
  const result = await adminQuery(server, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1", database);
  return result.rows.map((r: { indexname: string }) => r.indexname);
}

describe('statements PostgreSQL refuses in a transaction', () => {
  const revisions = () => [
    { id: 'a1', parents: [], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY, customer int);', down: 'DROP TABLE orders;' },
    {
      id: 'b2',
      parents: ['a1'],
      message: 'index orders',
      up: 'CREATE TABLE notes (id int);\nCREATE INDEX CONCURRENTLY orders_by_customer ON orders (customer);',
      down: 'DROP INDEX orders_by_customer;',
    },
  ];

  it('refuses the run before its first statement, naming the revision, the line and the way to mark it', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, revisions());
    const target = postgresTarget(server, database, project);

    const preview = await previewTarget(target, { action: 'upgrade', to: 'heads' }, 'tester');
    expect(preview.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: 'b2',
        message: expect.stringMatching(/b2 \(002_b2\.sql:\d+\).*CREATE INDEX CONCURRENTLY.*transaction:false/),
      }),
    ]);

    const error = await runTarget(target, { action: 'upgrade', to: 'heads' }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchyardError);
    expect((error as SwitchyardError).code).toBe('E_PREFLIGHT');
    expect((error as SwitchyardError).message).toMatch(/^Nothing was run\./);
    // Not even a1, which could have run: the run is refused whole.
    expect((await targetStatus(target)).applied).toEqual([]);
    expect(await indexes(database)).not.toContain('orders_by_customer');
    expect(await indexes(database)).not.toContain('orders_pkey');
  });

  it('runs the revision outside a transaction when it is marked so, and records it after', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, revisions());
    // The native format's mark: transaction:false on the up section.
    const file = join(project, '002_b2.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('-- migrate:up\n', '-- migrate:up transaction:false\nSELECT pg_sleep(0.3);\n'));
    const target = postgresTarget(server, database, project);

    const result = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(result.steps.map((s) => s.revision)).toEqual(['a1', 'b2']);
    expect(result.status.applied).toEqual(['a1', 'b2']);
    expect(await indexes(database)).toContain('orders_by_customer');
    // Recorded after the statements, in a statement of its own: its duration still covers them.
    const recorded = await adminQuery(server, "SELECT duration_ms FROM switchyard_migrations WHERE revision = 'b2'", database);
    expect(recorded.rows[0].duration_ms).toBeGreaterThanOrEqual(300);
  });
});

describe('every .sql file of a project is used or named', () => {
  it('names a file in a sub-folder and says why the folder was read as native', () => {
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [{ id: 'a1', parents: [], message: 'one', up: 'CREATE TABLE t (id int);' }]);
    mkdirSync(join(project, 'seeds'));
    writeFileSync(join(project, 'seeds', 'demo.sql'), 'INSERT INTO t VALUES (1);\n');
    const report = graphReport(loadProject(project));
    expect(report.detection).toMatch(/1 \.sql file/);
    expect(report.anomalies).toEqual([
      expect.objectContaining({ kind: 'unusedFile', file: 'seeds/demo.sql', message: expect.stringContaining('not part of any revision') }),
    ]);
  });

  it('a folder holding no migrations says what it holds instead', () => {
    const project = tempDir();
    writeFileSync(join(project, 'README.md'), '# notes\n');
    writeFileSync(join(project, 'schema.prisma'), 'datasource db {}\n');
    const error = (() => {
      try {
        loadProject(project);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SwitchyardError);
    expect((error as SwitchyardError).code).toBe('E_PROJECT_NOT_FOUND');
    expect((error as SwitchyardError).message).toMatch(/holds no migrations Switchyard knows: it holds 1 \.md, 1 \.prisma/);
  });
});
