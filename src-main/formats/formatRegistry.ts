// The one place a migration format is chosen: a new format is one more folder and one more line here.
// Detection asks each format in this order; the first that recognises the folder reads it.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { listFolder } from '../migrations/readers/folderListings';
import type { ProjectFormat } from '../../src-shared/model/revision';
import { alembicFormat } from './alembic/alembicFormat';
import { dbmateFormat } from './dbmate/dbmateFormat';
import { flywayFormat } from './flyway/flywayFormat';
import { dieselFormat } from './diesel/dieselFormat';
import type { MigrationFormat } from './format';
import { golangMigrateFormat } from './golangMigrate/golangMigrateFormat';
import { gooseFormat } from './goose/gooseFormat';
import { nativeFormat } from './native/nativeFormat';
import { unsupportedLayout } from './unsupportedLayouts';
import { popFormat } from './pop/popFormat';
import { prismaFormat } from './prisma/prismaFormat';
import { sqitchFormat } from './sqitch/sqitchFormat';

const formats: Record<ProjectFormat, MigrationFormat> = {
  native: nativeFormat,
  prisma: prismaFormat,
  diesel: dieselFormat,
  pop: popFormat,
  alembic: alembicFormat,
  flyway: flywayFormat,
  dbmate: dbmateFormat,
  'golang-migrate': golangMigrateFormat,
  goose: gooseFormat,
  sqitch: sqitchFormat,
};

/**
 * Most specific first: a tool's own marker file (alembic.ini, sqitch.plan, migration_lock.toml) before
 * name patterns, and native (any .sql) last.
 */
const detectionOrder: readonly ProjectFormat[] = ['alembic', 'prisma', 'diesel', 'sqitch', 'flyway', 'goose', 'dbmate', 'pop', 'golang-migrate', 'native'];

export function formatNamed(name: ProjectFormat): MigrationFormat {
  return formats[name];
}

export function allFormats(): MigrationFormat[] {
  return detectionOrder.map((name) => formats[name]);
}

export interface ProjectFolder {
  dir: string;
  names: string[];
}

/** The folder, absolute and listed once; a missing folder or a file is E_PROJECT_NOT_FOUND. */
export function openProjectFolder(dir: string): ProjectFolder {
  const project = resolve(dir);
  if (!existsSync(project) || !statSync(project).isDirectory()) {
    throw new SwitchyardError('E_PROJECT_NOT_FOUND', `No migration project at ${project}: not a folder.`);
  }
  // Through the folder listings, so the unused-file net after the reader does not list it again (10,000 files in a native folder).
  return { dir: project, names: listFolder(project).map((entry) => entry.name) };
}

export interface Detected {
  format: MigrationFormat;
  /** In words, for graph --json and the status line. */
  reason: string;
}

/** `chosen`: --format or the profile's format, which overrides detection. */
export function detectFormat(folder: ProjectFolder, chosen?: ProjectFormat): Detected {
  if (chosen) return { format: formats[chosen], reason: `--format ${chosen} (chosen, not detected)` };
  for (const format of allFormats()) {
    const reason = format.detect(folder.dir, folder.names);
    if (reason !== null) return { format, reason };
  }
  throw new SwitchyardError(
    'E_PROJECT_NOT_FOUND',
    `${folder.dir} holds no migrations Switchyard knows: ${unsupportedLayout(folder.dir, folder.names) ?? describeFolder(folder.names)}. Formats read: ${Object.keys(formats).join(', ')} (--format NAME to choose one).`,
  );
}

/** What a folder looks like, for a refusal that says more than "no migrations". */
function describeFolder(names: readonly string[]): string {
  if (names.length === 0) return 'it is empty';
  const byExtension = new Map<string, number>();
  for (const name of names) {
    const dot = name.lastIndexOf('.');
    const key = dot > 0 ? name.slice(dot) : '(no extension)';
    byExtension.set(key, (byExtension.get(key) ?? 0) + 1);
  }
  const counts = [...byExtension.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return `it holds ${counts.map(([ext, n]) => `${n} ${ext}`).join(', ')}${names.length > 5 ? ` (${names.length} entries)` : ''}`;
}
