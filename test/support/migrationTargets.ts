// A database plus a migration project, as the runner and the reset take them, for tests and benches.
import type { MigrationTarget } from '../../src-main/targets/migrationTarget';
import type { ServerAddress } from './scratchDatabase';

export function postgresTarget(server: ServerAddress, database: string, projectDir: string, overrides: Partial<MigrationTarget> = {}): MigrationTarget {
  return {
    name: database,
    environment: 'dev',
    connection: {
      engine: 'postgres',
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      database,
      sslMode: 'disable',
      sslCaFile: '',
      sqlitePath: '',
      readOnly: false,
    },
    projectDir,
    projectFormat: 'native',
    alembicCommand: '',
    ...overrides,
  };
}

export function sqliteTarget(path: string, projectDir: string, overrides: Partial<MigrationTarget> = {}): MigrationTarget {
  return {
    name: path,
    environment: 'dev',
    connection: { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath: path, readOnly: false },
    projectDir,
    projectFormat: 'native',
    alembicCommand: '',
    ...overrides,
  };
}
