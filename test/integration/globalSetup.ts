// One real PostgreSQL for the whole integration run; tests get its address through inject('postgres').
// The CLI is bundled once for the run too (inject('cliBundle')), instead of once per test file.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { bundleCli } from '../support/cliBundle';
import { startPostgres, type PostgresServer } from '../support/embeddedPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { host: string; port: number; user: string; password: string };
    /** The entry of the CLI bundled from the sources as they are at the start of the run. */
    cliBundle: string;
  }
}

let server: PostgresServer | undefined;
// Inside node_modules, so the bundle's packages resolve as dist/cli's do; one folder per run (lanes run side by side).
const bundleDir = resolve('node_modules/.cache/switchyard-test-cli', `run-${process.pid}`);

export async function setup(project: TestProject): Promise<void> {
  const [started, cliBundle] = await Promise.all([startPostgres(), bundleCli(bundleDir)]);
  server = started;
  project.provide('postgres', { host: server.host, port: server.port, user: server.user, password: server.password });
  project.provide('cliBundle', cliBundle);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  rmSync(bundleDir, { recursive: true, force: true });
}
