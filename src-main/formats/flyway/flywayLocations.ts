// The folders Flyway scans for migrations, from `locations` (filesystem:, or classpath: as a Maven or
// Gradle project lays it out), relative to the project. When none is set: Flyway's default,
// classpath:db/migration, where a Java project has it, else the project folder itself.
// Flyway scans each location with its sub-folders; a location that cannot be read is E_INVALID_PROJECT
// naming the setting, never an empty project.
// https://documentation.red-gate.com/flyway/reference/configuration/flyway-namespace/flyway-locations-setting
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { SwitchyardError } from '../../../src-shared/errors';
import type { FlywaySettings } from './flywaySettings';

export interface FlywayLocation {
  /** Absolute. */
  dir: string;
  /** As written in the configuration, or "." for the project folder. */
  written: string;
}

/** Flyway's `locations` when none is configured. */
export const defaultLocation = 'classpath:db/migration';

// Where a build puts what is on the classpath at run time.
const classpathRoots = ['src/main/resources', 'src/main/java'];

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

export function resolveLocation(project: string, written: string): string | null {
  const colon = written.indexOf(':');
  const scheme = colon > 1 ? written.slice(0, colon) : 'classpath';
  const path = colon > 1 ? written.slice(colon + 1) : written;
  if (scheme === 'filesystem') {
    if (!isAbsolute(path)) return isFolder(join(project, path)) ? join(project, path) : null;
    if (isFolder(path)) return path;
    // Flyway's Docker image is installed in /flyway, with the project's conf/ and sql/ mounted there
    // (https://hub.docker.com/r/flyway/flyway): /flyway/sql is the project's sql/.
    const inImage = /^\/flyway\/(.+)$/.exec(path.replace(/\\/g, '/'));
    return inImage && isFolder(join(project, inImage[1] as string)) ? join(project, inImage[1] as string) : null;
  }
  if (scheme === 'classpath') {
    const inProject = classpathRoots.map((root) => join(project, root, path.replace(/^\/+/, ''))).find(isFolder);
    return inProject ?? null;
  }
  return null;
}

export function flywayLocations(project: string, settings: FlywaySettings): FlywayLocation[] {
  const setting = settings.locations;
  if (setting === null) {
    const classpathDefault = resolveLocation(project, defaultLocation);
    return [classpathDefault ? { dir: classpathDefault, written: defaultLocation } : { dir: project, written: '.' }];
  }
  return (setting.value as string[]).map((written) => {
    const dir = resolveLocation(project, written);
    if (dir === null) {
      throw new SwitchyardError(
        'E_INVALID_PROJECT',
        `${setting.file}:${setting.line}: Flyway location "${written}" is not a folder Switchyard can read from ${project} (filesystem: paths are read relative to the project, /flyway/… as in Flyway's Docker image, classpath: ones under ${classpathRoots.join(' or ')}).`,
        { file: setting.file, line: setting.line, location: written },
      );
    }
    return { dir, written };
  });
}

/** Forward slashes, as revision files and Flyway's script column spell paths. */
export function slashPath(from: string, to: string): string {
  return relative(from, to).split(/[\\/]/).join('/');
}
