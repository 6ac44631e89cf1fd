// The bundled demo project and its sample data on either engine: a reset of a PostgreSQL database to
// the demo's heads with the demo data as its seed gives the tables and rows a SQLite demo has; and a seed
// that fails says where in the seed file, as a failing migration does.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { bundledDemoData, bundledDemoProject } from '../../../src-main/demo/demoProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { sqliteTarget } from '../../support/migrationTargets';
import { tempDir } from '../../support/tempDir';
import { postgresTarget, reset, rows, unlockedServices } from '../reset/resetSupport';

const server = inject('postgres');

const demoProject = bundledDemoProject() ?? '';
const demoData = bundledDemoData() ?? '';

describe('the demo project and its data', () => {
  afterEach(async () => {
    const left = await adminQuery(server, "SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'");
    for (const { datname } of left.rows as Array<{ datname: string }>) await adminQuery(server, `DROP DATABASE "${datname}"`);
  });

  it('seeds a PostgreSQL database reset to the demo heads: its tables and sample rows are there', async () => {
    const services = await unlockedServices();
    const database = await scratchDatabase(server, 'demo');

    const result = await reset(services, postgresTarget(server, database, demoProject), { to: 'heads', seedFile: demoData });

    expect(result.steps.map((s) => [s.step, s.outcome, s.outcome === 'failed' ? s.message : ''])).toEqual(
      expect.arrayContaining([
        ['migrate', 'done', ''],
        ['seed', 'done', ''],
      ]),
    );
    expect(result.ok).toBe(true);
    const counts = await rows(
      server,
      database,
      'SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM tasks)::int AS tasks, (SELECT count(*) FROM sync_jobs)::int AS jobs',
    );
    expect(counts).toEqual([{ users: 24, documents: 400, tasks: 1200, jobs: 12 }]);
    expect(await rows(server, database, 'SELECT title FROM documents WHERE id = 7')).toEqual([{ title: 'Contract 0007' }]);
  });

  it('says the seed file, line and column of a failing seed statement on PostgreSQL, and nothing of the seed stays', async () => {
    const services = await unlockedServices();
    const database = await scratchDatabase(server, 'demoseed');
    const seed = join(tempDir(), 'seed.sql');
    writeFileSync(
      seed,
      "-- two rows\nINSERT INTO users (id, email) VALUES (1, 'a@example.com');\nINSERT INTO users (id, email)\n  VALUES (2, 'b@example.com'), (3, NULL);\n",
    );

    const result = await reset(services, postgresTarget(server, database, demoProject), { to: 'heads', seedFile: seed });

    expect(result).toMatchObject({ ok: false, stoppedAt: 'seed' });
    const failed = result.steps.at(-1);
    expect(failed?.message).toContain(`${seed}:3:1`);
    expect(failed?.message).toContain('null value in column "email"');
    expect(await rows(server, database, 'SELECT count(*)::int AS n FROM users')).toEqual([{ n: 0 }]);
  });

  it('says the seed file, line and column of a failing seed statement on SQLite', async () => {
    const services = await unlockedServices();
    const seed = join(tempDir(), 'seed.sql');
    writeFileSync(seed, "INSERT INTO users (id, email) VALUES (1, 'a@example.com');\n\n  INSERT INTO no_such_table VALUES (1);\n");

    const result = await reset(
      services,
      sqliteTarget(join(tempDir(), 'demo.sqlite'), demoProject),
      { to: 'heads', seedFile: seed },
      { typedName: 'demo.sqlite' },
    );

    expect(result).toMatchObject({ ok: false, stoppedAt: 'seed' });
    expect(result.steps.at(-1)?.message).toContain(`${seed}:3:3`);
    expect(result.steps.at(-1)?.message).toContain('no_such_table');
  });
});
