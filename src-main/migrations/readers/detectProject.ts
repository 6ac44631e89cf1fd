// Finds what kind of migration project a folder is and reads it, through the format registry.
import type { Engine as EngineKind } from '../../../src-shared/model/profile';
import type { ProjectFormat } from '../../../src-shared/model/revision';
import { detectFormat, openProjectFolder } from '../../formats/formatRegistry';
import type { ProjectFiles } from './projectFiles';

export interface ReadProjectOptions {
  /** Overrides detection (--format, or the profile's choice). */
  format?: ProjectFormat;
  /** The engine the project runs on: formats with per-engine files take that engine's (default postgres). */
  engine?: EngineKind;
}

/** Reads the project in `dir`; `files.format` names the format that read it (formatNamed gives its bookkeeping). */
export function readProject(dir: string, options: ReadProjectOptions = {}): ProjectFiles {
  const folder = openProjectFolder(dir);
  const { format, reason } = detectFormat(folder, options.format);
  const files = format.read(folder.dir, folder.names, { engine: options.engine ?? 'postgres' });
  // The format may say more precisely where it read from (Alembic's layout); --format still says it was chosen.
  return { ...files, detection: options.format ? reason : (files.detection ?? reason) };
}
