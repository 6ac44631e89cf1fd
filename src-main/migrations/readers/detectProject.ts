// Finds what kind of migration project a folder is and reads it: the folder may hold
// `alembic.ini`, be an Alembic script folder, a versions folder, or a folder of SQL files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SwitchyardError } from '../../../src-shared/errors';
import type { ProjectFormat } from '../../../src-shared/model/revision';
import { alembicVersionDirs } from './alembicIni';
import { readAlembicProject } from './alembicReader';
import { readNativeProject } from './nativeReader';
import { normaliseText, type ProjectFiles } from './projectFiles';

function alembicDirs(dir: string): string[] {
  const ini = join(dir, 'alembic.ini');
  if (existsSync(ini)) return alembicVersionDirs(normaliseText(readFileSync(ini, 'utf8')), dir);
  if (existsSync(join(dir, 'env.py')) && existsSync(join(dir, 'versions'))) return [join(dir, 'versions')];
  return [dir];
}

function hasAlembicConfig(dir: string): boolean {
  return existsSync(join(dir, 'alembic.ini')) || existsSync(join(dir, 'env.py'));
}

/** A folder without Alembic's files, by the names in it. */
function formatByNames(dir: string, names: readonly string[]): ProjectFormat {
  if (names.some((n) => n.toLowerCase().endsWith('.sql'))) return 'native';
  if (names.some((n) => n.endsWith('.py'))) return 'alembic';
  throw new SwitchyardError('E_PROJECT_NOT_FOUND', `${dir} holds no migrations: no alembic.ini, no Alembic versions and no .sql files.`);
}

/** Reads the project in `dir`; `format` overrides detection. */
export function readProject(dir: string, format?: ProjectFormat): ProjectFiles {
  const project = resolve(dir);
  if (!existsSync(project) || !statSync(project).isDirectory()) {
    throw new SwitchyardError('E_PROJECT_NOT_FOUND', `No migration project at ${project}: not a folder.`);
  }
  if (format === 'alembic' || (format === undefined && hasAlembicConfig(project))) return readAlembicProject(project, alembicDirs(project));
  // Listed once, for detection and for the native reader: a second listing of 10,000 names showed in profiles.
  const names = readdirSync(project);
  if (format === undefined && formatByNames(project, names) === 'alembic') return readAlembicProject(project, alembicDirs(project));
  return readNativeProject(project, names);
}
