// What the PostgreSQL benches of a native project share: an embedded server, a scratch folder holding the
// project, services on fresh data folders (nothing cached, in memory or on disk) and the server's admin
// for databases made outside the time measured; all closed, stopped and removed after, whichever way it went.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { createServices, type Services } from '../../src-main/services';
import { startPostgres, type PostgresServer } from '../support/embeddedPostgres';
import { writeNativeProject, type RevisionSpec } from '../support/nativeProject';

export interface NativeProjectBench {
  server: PostgresServer;
  /** The native project's folder. */
  project: string;
  /** Services on a new data folder. */
  fresh(): Services;
  /** Runs `sql` on the server's postgres database (CREATE DATABASE …). */
  admin(sql: string): Promise<void>;
  /** A URL target's address of `database` on the server. */
  url(database: string): string;
}

export const migrationId = (i: number) => `m${String(i).padStart(3, '0')}`;

/** `count` native migrations: a table with an index, then a column and a check on it, in turns. */
export function tableMigrations(count: number): RevisionSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: migrationId(i),
    parents: i === 0 ? [] : [migrationId(i - 1)],
    message: `table ${i}`,
    up:
      i % 2 === 0
        ? `CREATE TABLE t_${i} (id bigint PRIMARY KEY, payload text, created_at timestamptz DEFAULT now());\nCREATE INDEX t_${i}_created ON t_${i} (created_at);`
        : `ALTER TABLE t_${i - 1} ADD COLUMN note_${i} text;\nALTER TABLE t_${i - 1} ADD CONSTRAINT t_${i - 1}_payload CHECK (payload <> '');`,
  }));
}

/** Runs `measure` with a server and the project of `specs` written in a folder named after `name`. */
export async function withNativeProjectBench<T>(name: string, specs: readonly RevisionSpec[], measure: (bench: NativeProjectBench) => Promise<T>): Promise<T> {
  const server = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), `switchyard-bench-${name}-`));
  const opened: Services[] = [];
  const bench: NativeProjectBench = {
    server,
    project: join(dir, 'migrations'),
    fresh() {
      const services = createServices({ dataDir: mkdtempSync(join(dir, 'home-')) });
      opened.push(services);
      return services;
    },
    async admin(sql) {
      const client = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    url: (database) => `postgres://${server.user}:${server.password}@${server.host}:${server.port}/${database}`,
  };
  try {
    writeNativeProject(bench.project, specs);
    return await measure(bench);
  } finally {
    for (const services of opened) services.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
