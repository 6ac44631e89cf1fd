// A native project with bindings (seed 004's layout): two chains, auth (a1 ─ a2) and specs (s1 ─ s2),
// each bound to its own database, and environments of two PostgreSQL databases each (an auth and a
// specs database, each a saved profile playing its role): for the matrix, promotion, rollout and
// drift tests of projects with bindings. a2 fails while a table named poison exists in its database.
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

export const boundSpecs: RevisionSpec[] = [
  { id: 'a1', parents: [], branch: 'auth', message: 'users', up: 'CREATE TABLE users (id int PRIMARY KEY);', down: 'DROP TABLE users;' },
  {
    id: 'a2',
    parents: ['a1'],
    message: 'sessions',
    up: "CREATE TABLE sessions (id int PRIMARY KEY);\nDO $$ BEGIN IF to_regclass('public.poison') IS NOT NULL THEN RAISE EXCEPTION 'poisoned'; END IF; END $$;",
    down: 'DROP TABLE sessions;',
  },
  { id: 's1', parents: [], branch: 'specs', message: 'specs', up: 'CREATE TABLE specs (id int PRIMARY KEY);', down: 'DROP TABLE specs;' },
  { id: 's2', parents: ['s1'], message: 'generated files', up: 'CREATE TABLE generated_files (id int PRIMARY KEY);', down: 'DROP TABLE generated_files;' },
];

export const roles = ['auth', 'specs'] as const;
export type Role = (typeof roles)[number];

export interface BoundEnvironments {
  services: Services;
  /** The data folder and the store's passphrase: for the CLI on the same store (close services first). */
  home: string;
  passphrase: string;
  dir: string;
  /** `${env}_${role}`: its database and its profile's id and name. */
  databases: Record<string, string>;
  profiles: Record<string, string>;
  /** A coordinated run on one environment (bindings.run); the error's message when it fails. */
  run(env: string, action: 'upgrade' | 'downgrade', to: string): Promise<string | undefined>;
  /** What the database of a role in an environment records, sorted. */
  versions(env: string, role: Role): Promise<string[]>;
  query(env: string, role: Role, sql: string): Promise<void>;
}

/**
 * `connectionEnvironment`: each connection's environment (what a run asks of it: staging and production
 * rehearse first, production's name is typed); by default prod for the environment named prod, else dev.
 * `specs`: the project's revisions (auth's and specs' chains), boundSpecs by default.
 */
export async function boundEnvironments(
  name: string,
  environments: readonly string[],
  {
    connectionEnvironment = (env: string): Environment => (env === 'prod' ? 'prod' : 'dev'),
    specs = boundSpecs,
  }: { connectionEnvironment?: (env: string) => Environment; specs?: readonly RevisionSpec[] } = {},
): Promise<BoundEnvironments> {
  const server = inject('postgres');
  const home = tempDir();
  const dir = join(home, 'migrations');
  writeNativeProject(dir, specs);
  const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
  onTestFinished(() => services.close());
  const passphrase = `${name} test passphrase`;
  await services.session.unlock(passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 }));
  const databases: Record<string, string> = {};
  const profiles: Record<string, string> = {};
  const envs = [];
  for (const env of environments) {
    const members = [];
    for (const role of roles) {
      const key = `${env}_${role}`;
      databases[key] = await scratchDatabase(server, `${name}_${key}`);
      const profile = {
        name: `${name}_${key}`,
        environment: connectionEnvironment(env),
        engine: 'postgres' as const,
        ...server,
        database: databases[key],
        sslMode: 'disable' as const,
      };
      profiles[key] = (await callAs(services, actor, 'profiles.create', { profile })).id;
      members.push({ profileId: profiles[key], role });
    }
    envs.push({ name: env, members });
  }
  const bindings = roles.map((role) => ({ label: role, role }));
  await callAs(services, actor, 'projects.create', { project: { name, dir, format: 'native', environments: envs, bindings } });
  return {
    services,
    home,
    passphrase,
    dir,
    databases,
    profiles,
    async run(env, action, to) {
      const { error } = await operationToEnd(services, actor, 'bindings.run', { project: name, env, action, to, confirmation: { typedName: env } });
      return error?.message;
    },
    async versions(env, role) {
      const rows = await adminQuery(server, 'SELECT revision FROM switchyard_migrations ORDER BY revision', databases[`${env}_${role}`]).catch(() => ({
        rows: [],
      }));
      return (rows.rows as { revision: string }[]).map((r) => r.revision);
    },
    async query(env, role, sql) {
      await adminQuery(server, sql, databases[`${env}_${role}`]);
    },
  };
}
