// A branchy native project with dev, staging and prod databases on the test PostgreSQL, each a
// saved profile, gathered into a stored project: for the matrix and promotion tests.
//   base ─ a ─┬─ b1 ─ b2 ─┐        (b1: branch billing)
//             └─ c1 ───────┴─ m     (c1: branch search)
import { join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import type { Environment } from '../../src-shared/model/profile';
import { createServices, type Services } from '../../src-main/services';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';
import { writeNativeProject, type RevisionSpec } from './nativeProject';
import { callAs, operationToEnd } from './serviceCalls';
import { adminQuery, scratchDatabase } from './scratchDatabase';
import { tempDir } from './tempDir';

export const actor = 'tester via test';

export const branchySpecs: RevisionSpec[] = [
  { id: 'base', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY);' },
  { id: 'a', parents: ['base'], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY);' },
  { id: 'b1', parents: ['a'], message: 'invoices', up: 'CREATE TABLE invoices (id int PRIMARY KEY);', branch: 'billing' },
  { id: 'b2', parents: ['b1'], message: 'payments', up: 'CREATE TABLE payments (id int PRIMARY KEY);' },
  {
    id: 'c1',
    parents: ['a'],
    message: 'search index',
    // Fails while a table named poison exists: a failed run the test can cause and then cure.
    up: "CREATE TABLE search_index (id int);\nDO $$ BEGIN IF to_regclass('public.poison') IS NOT NULL THEN RAISE EXCEPTION 'poisoned'; END IF; END $$;",
    branch: 'search',
  },
  { id: 'm', parents: ['b2', 'c1'], message: 'reports', up: 'CREATE TABLE reports (id int);' },
];

export interface Environments {
  services: Services;
  dir: string;
  /** Database and profile id per environment name. */
  databases: Record<string, string>;
  profiles: Record<string, string>;
  /** Runs an upgrade on one environment's connection through the API; the error when it fails. */
  upgrade(environment: string, to: string): Promise<string | undefined>;
  versions(environment: string): Promise<string[]>;
}

const serverOf = () => inject('postgres');

export async function projectEnvironments(name: string, options: { requireApproval?: boolean } = {}): Promise<Environments> {
  const server = serverOf();
  const home = tempDir();
  const dir = join(home, 'migrations');
  writeNativeProject(dir, branchySpecs);
  const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
  onTestFinished(() => services.close());
  await services.session.unlock(passphraseKeyProvider(`${name} test passphrase`, { N: 1024, r: 8, p: 1 }));
  const databases: Record<string, string> = {};
  const profiles: Record<string, string> = {};
  const environments = ['dev', 'staging', 'prod'] as const;
  for (const env of environments) {
    const database = await scratchDatabase(server, `${name}_${env}`);
    databases[env] = database;
    const profile = {
      name: `${name}-${env}`,
      environment: env as Environment,
      engine: 'postgres' as const,
      host: server.host,
      port: server.port,
      database,
      user: server.user,
      password: server.password,
      sslMode: 'disable' as const,
      projectDir: dir,
      projectFormat: 'native' as const,
    };
    profiles[env] = (await callAs(services, actor, 'profiles.create', { profile })).id;
  }
  await callAs(services, actor, 'projects.create', {
    project: {
      name,
      dir,
      format: 'native',
      requireApproval: options.requireApproval ?? false,
      environments: environments.map((env) => ({ name: env, members: [{ profileId: profiles[env] as string }] })),
    },
  });
  return {
    services,
    dir,
    databases,
    profiles,
    async upgrade(environment, to) {
      const { error } = await operationToEnd(services, actor, 'runner.run', {
        profileId: profiles[environment] as string,
        request: { action: 'upgrade', to },
        confirmation: { typedName: `${name}-${environment}` },
      });
      return error?.message;
    },
    async versions(environment) {
      const rows = await adminQuery(server, 'SELECT revision FROM switchyard_migrations ORDER BY revision', databases[environment]).catch(() => ({ rows: [] }));
      return (rows.rows as { revision: string }[]).map((r) => r.revision);
    },
  };
}
