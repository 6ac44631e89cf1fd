// One real PostgreSQL for the whole integration run; tests get its address through inject('postgres').
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from '../support/embeddedPostgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { host: string; port: number; user: string; password: string };
  }
}

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startPostgres();
  project.provide('postgres', { host: server.host, port: server.port, user: server.user, password: server.password });
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
