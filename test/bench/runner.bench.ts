// 1,000 small native migrations applied to a fresh PostgreSQL database by Switchyard, beside the
// same SQL through psql (one transaction per migration) and `alembic upgrade heads` on an
// equivalent Alembic project (transaction_per_migration), all in the same run on the same server.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runTarget } from '../../src-main/runner/runnerService';
import { sqlalchemyUrl } from '../../src-main/runner/alembicCommand';
import type { MigrationTarget } from '../../src-main/targets/migrationTarget';
import { startPostgres } from '../support/embeddedPostgres';
import { writeNativeProject, type RevisionSpec } from '../support/nativeProject';
import { round, withBaseline, type BenchmarkSuite, type Measure } from './harness';
import pg from 'pg';

const count = 1000;
const body = (i: number) => `CREATE TABLE t_${i} (id int PRIMARY KEY, name text);\nINSERT INTO t_${i} VALUES (1, 'x');`;

function psqlPath(): string | undefined {
  for (const candidate of ['/usr/bin/psql', '/usr/lib/postgresql/15/bin/psql']) if (existsSync(candidate)) return candidate;
  return undefined;
}

function alembicProject(dir: string, url: string): void {
  mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true });
  // A temp folder for the benchmark only: the URL (with the test server's password) sits in its ini.
  writeFileSync(join(dir, 'alembic.ini'), `[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = ${url.replace(/%/g, '%%')}\n`);
  writeFileSync(
    join(dir, 'migrations', 'env.py'),
    [
      'from alembic import context',
      'from sqlalchemy import engine_from_config, pool',
      'config = context.config',
      'engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)',
      'with engine.connect() as connection:',
      '    context.configure(connection=connection, transaction_per_migration=True)',
      '    with context.begin_transaction():',
      '        context.run_migrations()',
      '',
    ].join('\n'),
  );
  for (let i = 0; i < count; i += 1) {
    const id = `r${String(i).padStart(5, '0')}`;
    const parent = i === 0 ? 'None' : `"r${String(i - 1).padStart(5, '0')}"`;
    writeFileSync(
      join(dir, 'migrations', 'versions', `${id}.py`),
      `from alembic import op\nrevision = "${id}"\ndown_revision = ${parent}\nbranch_labels = None\ndepends_on = None\n\ndef upgrade():\n    op.execute("""${body(i)}""")\n\ndef downgrade():\n    pass\n`,
    );
  }
}

export const runnerSuite: BenchmarkSuite = {
  name: 'runner: 1,000 migrations on PostgreSQL',
  async run() {
    const server = await startPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-runner-'));
    const measures: Measure[] = [];
    try {
      const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
      await admin.connect();
      const databases = ['warm_up', 'switchyard_1', 'switchyard_2', 'psql_1', 'psql_2', 'by_alembic'];
      for (const db of databases) await admin.query(`CREATE DATABASE ${db}`);
      await admin.end();
      const connection = (database: string) => ({
        engine: 'postgres' as const,
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        database,
        sslMode: 'disable' as const,
        sslCaFile: '',
        sqlitePath: '',
        readOnly: false,
      });

      const specs: RevisionSpec[] = Array.from({ length: count }, (_, i) => ({
        id: `r${String(i).padStart(5, '0')}`,
        parents: i === 0 ? [] : [`r${String(i - 1).padStart(5, '0')}`],
        message: `step ${i}`,
        up: body(i),
      }));
      writeNativeProject(join(dir, 'native'), specs);
      const switchyard = async (database: string) => {
        const target: MigrationTarget = {
          name: 'bench',
          environment: 'dev',
          connection: connection(database),
          projectDir: join(dir, 'native'),
          projectFormat: 'native',
          alembicCommand: '',
        };
        const started = performance.now();
        await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'bench' });
        return performance.now() - started;
      };

      const psql = psqlPath();
      const script = [
        'CREATE TABLE switchyard_migrations (revision text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL, duration_ms int NOT NULL);',
        ...specs.map((s) => `BEGIN;\n${s.up}\nINSERT INTO switchyard_migrations VALUES ('${s.id}', 'x', now(), 'psql', 0);\nCOMMIT;`),
      ].join('\n');
      writeFileSync(join(dir, 'psql.sql'), script);
      const viaPsql = (database: string) => {
        const started = performance.now();
        execFileSync(
          psql as string,
          ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', server.host, '-p', String(server.port), '-U', server.user, '-d', database, '-f', join(dir, 'psql.sql')],
          { env: { ...process.env, PGPASSWORD: server.password }, stdio: 'pipe' },
        );
        return performance.now() - started;
      };
      const hasAlembic = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import alembic, psycopg2']).status === 0;
      const viaAlembic = () => {
        alembicProject(join(dir, 'alembic'), sqlalchemyUrl(connection('by_alembic')));
        const started = performance.now();
        execFileSync('/usr/bin/python3', ['-m', 'alembic', '-c', join(dir, 'alembic', 'alembic.ini'), 'upgrade', 'heads'], { stdio: 'pipe' });
        return performance.now() - started;
      };

      // Warm the server's caches first, then alternate tools and keep each one's best run, so
      // neither order nor a passing load on the machine decides the ratio.
      await switchyard('warm_up');
      const psqlRuns = psql ? [viaPsql('psql_1')] : [];
      const switchyardRuns = [await switchyard('switchyard_1')];
      const alembicMs = hasAlembic ? round(viaAlembic(), 0) : undefined;
      switchyardRuns.push(await switchyard('switchyard_2'));
      if (psql) psqlRuns.push(viaPsql('psql_2'));
      const switchyardMs = round(Math.min(...switchyardRuns), 0);

      if (psql) {
        measures.push(
          withBaseline({
            name: 'runner: 1,000 migrations, Switchyard vs psql (one transaction each)',
            value: switchyardMs,
            baseline: round(Math.min(...psqlRuns), 0),
            unit: 'ms',
            goal: 'ratio ≤ 1.25',
          }),
        );
      } else {
        process.stderr.write('  psql not found (apt-get install postgresql-client): psql baseline skipped\n');
        measures.push({ name: 'runner: 1,000 migrations, Switchyard', value: switchyardMs, unit: 'ms' });
      }
      if (alembicMs !== undefined) {
        measures.push(
          withBaseline({
            name: 'runner: 1,000 migrations, Switchyard vs alembic upgrade heads',
            value: switchyardMs,
            baseline: alembicMs,
            unit: 'ms',
            goal: 'ratio ≤ 0.5 (2× faster)',
          }),
        );
      } else {
        process.stderr.write('  python3-alembic / python3-psycopg2 not installed: Alembic baseline skipped\n');
      }
      return measures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await server.stop();
    }
  },
};
