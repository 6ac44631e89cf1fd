// What the PostgreSQL fault tests share per file: the fault proxy in front of the test server, a
// data folder for the CLI, a small native project and seed, and databases whose owner, encoding
// and collation all differ from what the server would pick by itself, so a restore that loses any
// of them shows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { quoteIdentifier } from '../../../src-main/drivers/identifier';
import { runTarget } from '../../../src-main/runner/runnerService';
import { output, printedCommand, type Cli, type CliRun } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { databasesLike, postgresFingerprint, type DatabaseFingerprint } from '../../support/databaseFingerprint';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy';
import { postgresTarget } from '../../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { adminQuery, type ServerAddress } from '../../support/scratchDatabase';
import { shop } from '../reset/resetSupport';

export const ownerRole = 'fault_owner';
const seedSql = "INSERT INTO customers VALUES (100, 'Seeded');\n";

export interface FaultBench {
  proxy: FaultProxy;
  cli: Cli;
  project: string;
  seedFile: string;
  /** The database through the proxy, as the CLI is told to reach it. */
  url(database: string): string;
  /** A new database migrated to `to` (default: the heads) with a few rows; dropped after the test. */
  shopDatabase(to?: string): Promise<string>;
  /** A new database with nothing in it, shaped like the shop's; dropped after the test. */
  emptyDatabase(): Promise<string>;
  fingerprint(database: string): Promise<DatabaseFingerprint>;
  exists(database: string): Promise<boolean>;
  /**
   * Waits until the killed command's sessions are gone from the server (a killed client's backend
   * ends a moment after its socket closes), and fails naming them if they stay: something of the
   * killed run is still alive.
   */
  settled(): Promise<void>;
  /** Runs the `switchyard <starting> …` command printed in `run`'s output, exactly as printed. */
  runPrinted(run: CliRun, starting: string): Promise<CliRun>;
  close(): Promise<void>;
}

let counter = 0;
/** 100 ms apart: a backend whose client is gone ends within a second; 15 s means it is not going to. */
const settleAttempts = 150;

/** An encoding and collation unlike template0's, so "same as the server's default" is never right by luck. */
async function unusualShape(server: ServerAddress): Promise<{ encoding: string; collate: string }> {
  const { rows } = await adminQuery(
    server,
    "SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate FROM pg_database WHERE datname = 'template0'",
  );
  const usual = rows[0] as { encoding: string; collate: string };
  return { encoding: usual.encoding === 'LATIN1' ? 'UTF8' : 'LATIN1', collate: usual.collate === 'C' ? 'POSIX' : 'C' };
}

/** The CLI on `home`, its store made already with a cheap key derivation (support/cliStore). */
export function faultCli(home: string, env: Record<string, string> = {}): Promise<Cli> {
  return cliWithStore({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'fault tests passphrase', ...env });
}

/** `revisions` must start with the shop's customers and orders: the rows go there. */
export async function openFaultBench(server: ServerAddress, prefix: string, revisions: readonly RevisionSpec[] = shop): Promise<FaultBench> {
  const home = mkdtempSync(join(tmpdir(), `switchyard-${prefix}-`));
  const project = join(home, 'migrations');
  writeNativeProject(project, revisions);
  const seedFile = join(home, 'seed.sql');
  writeFileSync(seedFile, seedSql);
  const proxy = await startFaultProxy(server);
  const before = new Set(await databasesLike(server, ''));
  await adminQuery(
    server,
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ownerRole}') THEN CREATE ROLE ${ownerRole} NOLOGIN; END IF; END $$`,
  );
  const shape = await unusualShape(server);
  const cli = await faultCli(home, { PGPASSWORD: server.password });
  const fingerprint = (database: string) => postgresFingerprint(server, database);
  const emptyDatabase = async () => {
    counter += 1;
    const name = `${prefix}_${process.pid}_${counter}`;
    await adminQuery(
      server,
      `CREATE DATABASE ${quoteIdentifier(name)} OWNER ${ownerRole} ENCODING '${shape.encoding}' LC_COLLATE '${shape.collate}' LC_CTYPE '${shape.collate}' TEMPLATE template0`,
    );
    onTestFinished(() => adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`).then(() => undefined));
    return name;
  };

  // The shop at each target is migrated and filled once per file, into a template database no test
  // touches; each test's database is a copy of it (CREATE DATABASE … TEMPLATE), with the same owner,
  // encoding, collation, tables, bookkeeping and rows a migration of its own would give it.
  const shopTemplates = new Map<string, Promise<string>>();
  const shopTemplate = (to: string) => {
    let template = shopTemplates.get(to);
    if (!template) {
      template = (async () => {
        counter += 1;
        const name = `${prefix}_${process.pid}_${counter}_template`;
        await adminQuery(
          server,
          `CREATE DATABASE ${quoteIdentifier(name)} OWNER ${ownerRole} ENCODING '${shape.encoding}' LC_COLLATE '${shape.collate}' LC_CTYPE '${shape.collate}' TEMPLATE template0`,
        );
        await runTarget(postgresTarget(server, name, project), { action: 'upgrade', to }, { actor: 'fault test setup' });
        await adminQuery(server, "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace é'); INSERT INTO orders VALUES (10, 1), (11, 2)", name);
        return name;
      })();
      shopTemplates.set(to, template);
    }
    return template;
  };

  return {
    proxy,
    cli,
    project,
    seedFile,
    url: (database) => `postgres://${server.user}@${proxy.host}:${proxy.port}/${database}`,
    emptyDatabase,
    async shopDatabase(to = 'heads') {
      const template = await shopTemplate(to);
      counter += 1;
      const name = `${prefix}_${process.pid}_${counter}`;
      await adminQuery(server, `CREATE DATABASE ${quoteIdentifier(name)} OWNER ${ownerRole} TEMPLATE ${quoteIdentifier(template)}`);
      onTestFinished(() => adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`).then(() => undefined));
      return name;
    },
    fingerprint,
    exists: async (database) => (await databasesLike(server, database)).includes(database),
    async settled() {
      // Only connections made through this file's proxy: sessions of other tests are not ours to wait for.
      const sessions = async () => {
        const ports = proxy.serverSidePorts();
        if (ports.length === 0) return [];
        const { rows } = await adminQuery(
          server,
          `SELECT datname, application_name, state, query FROM pg_stat_activity WHERE client_port IN (${ports.join(', ')}) AND pid <> pg_backend_pid()`,
        );
        return rows;
      };
      for (let attempt = 0; attempt < settleAttempts; attempt += 1) {
        if ((await sessions()).length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`Sessions of the killed run are still on the server: ${JSON.stringify(await sessions())}`);
    },
    async runPrinted(run, starting) {
      const line = printedCommand(output(run), starting);
      if (!line) throw new Error(`No "switchyard ${starting} …" command in:\n${output(run)}`);
      return cli.runPrinted(line);
    },
    async close() {
      await proxy.close();
      // Whatever the kills left behind on the server (snapshot copies, half-made databases) goes too.
      for (const name of await databasesLike(server, '')) {
        if (before.has(name)) continue;
        // A snapshot may be kept as a template, which cannot be dropped as it is.
        await adminQuery(server, `ALTER DATABASE ${quoteIdentifier(name)} WITH IS_TEMPLATE false`);
        await adminQuery(server, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
