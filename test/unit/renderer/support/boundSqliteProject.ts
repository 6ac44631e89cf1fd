// A native project with bindings through the real services, on SQLite files: two chains, auth
// (a1 ─ a2) and specs (s1 ─ s2), each bound to its own database, and environments of an auth and a
// specs database each (the first upgraded to every head, the others empty). a2 fails (a CHECK
// constraint, at its file's line 6) on a database where a table named poison was made by hand.
import { join } from 'node:path';
import { call } from '../../../../src-renderer/api/client';
import type { Environment } from '../../../../src-shared/model/profile';
import { boundSpecs, roles } from '../../../support/boundEnvironments';
import { writeNativeProject, type RevisionSpec } from '../../../support/nativeProject';
import { operationToEnd } from '../../../support/serviceCalls';
import { execSqlite } from '../../../support/sqliteFile';
import { tempDir } from '../../../support/tempDir';
import { openServices } from './servicesBridge';

/** The PostgreSQL tests' project (test/support/boundEnvironments.ts), a2's poison check written for SQLite. */
const specs: RevisionSpec[] = boundSpecs.map((spec) =>
  spec.id === 'a2'
    ? {
        ...spec,
        up: "CREATE TABLE sessions (id INTEGER PRIMARY KEY CHECK (id < 100));\nINSERT INTO sessions (id) SELECT 1000 FROM sqlite_master WHERE name = 'poison';",
      }
    : spec,
);

export async function boundSqliteProject(name: string, environments: readonly string[]) {
  const services = await openServices();
  const home = tempDir();
  const dir = join(home, 'migrations');
  writeNativeProject(dir, specs);
  const files: Record<string, string> = {};
  const profiles: Record<string, string> = {};
  const envs = [];
  for (const env of environments) {
    const members = [];
    for (const role of roles) {
      const key = `${env}_${role}`;
      files[key] = join(home, `${key}.sqlite`);
      const environment: Environment = env === 'prod' ? 'prod' : env === 'staging' ? 'staging' : 'dev';
      const profile = await call('profiles.create', {
        profile: { name: `${name}_${key}`, environment, engine: 'sqlite', sqlitePath: files[key], projectDir: dir },
      });
      profiles[key] = profile.id;
      members.push({ profileId: profile.id, role });
    }
    envs.push({ name: env, members });
  }
  const project = await call('projects.create', {
    project: { name, dir, format: 'native', environments: envs, bindings: roles.map((role) => ({ label: role, role })) },
  });
  // The first environment at every head: each database takes its own chain.
  for (const [role, to] of [
    ['auth', 'a2'],
    ['specs', 's2'],
  ] as const) {
    const { error } = await operationToEnd(services, 'tester via renderer test', 'runner.run', {
      profileId: profiles[`${environments[0]}_${role}`] as string,
      request: { action: 'upgrade', to },
    });
    if (error) throw new Error(`${environments[0]}_${role} could not be upgraded to ${to}: ${error.message}`);
  }
  return {
    project,
    profiles,
    /** A table named poison on that database: a2 fails there. */
    poison: (key: string) => execSqlite(files[key] as string, 'CREATE TABLE poison (id INTEGER);'),
    cure: (key: string) => execSqlite(files[key] as string, 'DROP TABLE poison;'),
  };
}
