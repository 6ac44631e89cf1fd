// Finds what kind of migration project a folder is and reads it, through the format registry. A
// repository's root is accepted too: where it holds no migrations itself but one of the folders the
// tools use by default does (Flask-Migrate's migrations/, dbmate's db/migrations, prisma/migrations…),
// that folder is read, and the detection says so.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine as EngineKind } from '../../../src-shared/model/profile';
import type { ProjectFormat } from '../../../src-shared/model/revision';
import { detectFormat, openProjectFolder, type Detected, type ProjectFolder } from '../../formats/formatRegistry';
import type { ProjectFiles } from './projectFiles';

export interface ReadProjectOptions {
  /** Overrides detection (--format, or the profile's choice). */
  format?: ProjectFormat;
  /** The engine the project runs on: formats with per-engine files take that engine's (default postgres). */
  engine?: EngineKind;
}

// Where each tool keeps its migrations by default, relative to the repository's root.
const defaultFolders = ['migrations', 'db/migrations', 'alembic', 'prisma/migrations', 'database/migrations', 'sql'];
// Files that make the root itself the project, whatever folders it also holds (a Java build's Flyway
// location is found by the Flyway format itself).
const rootMarkers = [
  'alembic.ini',
  'env.py',
  'sqitch.plan',
  'migration_lock.toml',
  'diesel.toml',
  'flyway.conf',
  'flyway.toml',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
];

const markersInConf = ['conf/flyway.conf', 'conf/flyway.toml'];

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** A default folder under a root that holds no migrations of its own, when one is a project. */
function defaultFolderProject(root: ProjectFolder): { folder: ProjectFolder; detected: Detected } | null {
  if (root.names.some((n) => rootMarkers.includes(n) || n.toLowerCase().endsWith('.sql'))) return null;
  // Flyway's Docker-image layout keeps its configuration one folder down.
  if (markersInConf.some((path) => existsSync(join(root.dir, path)))) return null;
  for (const sub of defaultFolders) {
    const path = join(root.dir, ...sub.split('/'));
    if (!isFolder(path)) continue;
    const folder = openProjectFolder(path);
    try {
      const detected = detectFormat(folder);
      return { folder, detected: { ...detected, reason: `${sub}/ of ${root.dir}: ${detected.reason}` } };
    } catch {
      // Not a project either: try the next default folder.
    }
  }
  return null;
}

/** Reads the project in `dir`; `files.format` names the format that read it (formatNamed gives its bookkeeping). */
export function readProject(dir: string, options: ReadProjectOptions = {}): ProjectFiles {
  const root = openProjectFolder(dir);
  const below = options.format ? null : defaultFolderProject(root);
  const folder = below?.folder ?? root;
  const { format, reason } = below?.detected ?? detectFormat(root, options.format);
  const files = format.read(folder.dir, folder.names, { engine: options.engine ?? 'postgres' });
  // The format may say more precisely where it read from (Alembic's layout); --format still says it was chosen.
  return { ...files, detection: options.format ? reason : below ? `${reason}${files.detection ? ` (${files.detection})` : ''}` : (files.detection ?? reason) };
}
