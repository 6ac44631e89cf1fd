// Where an Alembic project keeps its revisions, from `alembic.ini`'s [alembic] section, found the way
// Alembic finds them (alembic/script/base.py, ScriptDirectory.from_config and _load_revisions).
import { existsSync, readFileSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { SwitchyardError } from '../../../src-shared/errors';
import { isFolder, packageFolder } from './alembicPackage';
import { normaliseText } from './projectFiles';

interface IniValue {
  value: string;
  /** 1-based line of the key. */
  line: number;
}

function alembicSection(text: string): Map<string, IniValue> {
  const values = new Map<string, IniValue>();
  let inSection = false;
  let last: IniValue | null = null;
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\s+$/, '');
    if (/^\s*[#;]/.test(line) || line === '') continue;
    const section = /^\[(.+)\]$/.exec(line.trim());
    if (section) {
      inSection = section[1] === 'alembic';
      last = null;
      continue;
    }
    if (!inSection) continue;
    // Indented lines continue the previous value (configparser's multi-line values).
    if (/^\s/.test(line) && last !== null) {
      last.value = `${last.value}\n${line.trim()}`;
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (pair) {
      last = { value: pair[2] as string, line: index + 1 };
      values.set((pair[1] as string).toLowerCase(), last);
    }
  }
  return values;
}

/**
 * A list of paths split as Alembic splits it (alembic/config.py, `_get_file_separator_char`): on the
 * configured separator (`path_separator` from Alembic 1.16, before it `version_path_separator`), else
 * on its legacy pattern, which never splits on line breaks.
 */
function splitPaths(value: string, separator: string | undefined, legacy: RegExp): string[] {
  const pattern =
    separator === undefined
      ? legacy
      : separator === 'space'
        ? / /
        : separator === 'newline'
          ? /\n/
          : separator === 'os'
            ? new RegExp(delimiter)
            : new RegExp(separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return value
    .split(pattern)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Where an Alembic project's revisions are, and why Switchyard looks there. */
export interface AlembicLayout {
  /** The alembic.ini Alembic is run with; null for a script folder without one. */
  iniPath: string | null;
  /** The script folder (env.py): `script_location`, or the ini's own folder in the Flask-Migrate layout. */
  scriptDir: string;
  /** True when alembic.ini has no script_location (Flask-Migrate sets it to the ini's folder when it runs Alembic). */
  scriptLocationImplied: boolean;
  /** The folders Alembic reads revision files from (absolute). */
  dirs: string[];
  /** `recursive_version_locations = true`: Alembic also reads the sub-folders of `dirs`. */
  recursive: boolean;
  /** Why these folders, in words `graph --json` can show. */
  reason: string;
}

interface IniPlace {
  path: string;
  dir: string;
  line: number;
}

/** A location as Alembic reads it: an absolute path, `package:path`, or a path relative to where Alembic runs (the ini's folder). */
function locationFolder(location: string, where: IniPlace, key: string, prepends: readonly string[]): string {
  if (!isAbsolute(location) && location.includes(':')) {
    const [pkg, ...below] = location.split(':') as [string, ...string[]];
    const found = packageFolder(pkg, [...prepends, where.dir]);
    if (!found.ok) throw new SwitchyardError('E_INVALID_PROJECT', `${where.path}:${where.line}: ${key} = ${location}: package "${pkg}" ${found.reason}.`);
    return join(found.dir, ...below);
  }
  return resolve(where.dir, location);
}

/** The layout an alembic.ini describes; `iniPath` is absolute. */
function alembicLayoutOfIni(iniText: string, iniPath: string): AlembicLayout {
  const iniDir = dirname(iniPath);
  const values = alembicSection(iniText);
  const expand = (value: string) => value.replace(/%\(here\)s/g, iniDir);
  const place = (key: string): IniPlace => ({ path: iniPath, dir: iniDir, line: values.get(key)?.line ?? 1 });
  const pathSeparator = values.get('path_separator')?.value.trim();
  // prepend_sys_path is put on sys.path before Alembic imports a package location (legacy split: commas, spaces and colons).
  const prepends = splitPaths(expand(values.get('prepend_sys_path')?.value ?? ''), pathSeparator, /, *| +|:/).map((p) => resolve(iniDir, p));
  const scriptLocation = values.get('script_location');
  let scriptDir: string;
  let reason: string;
  if (scriptLocation) {
    const location = expand(scriptLocation.value.trim());
    scriptDir = locationFolder(location, place('script_location'), 'script_location', prepends);
    if (!isFolder(scriptDir)) {
      throw new SwitchyardError(
        'E_INVALID_PROJECT',
        `${iniPath}:${scriptLocation.line}: script_location = ${scriptLocation.value.trim()}: no such folder (${scriptDir}); Alembic would stop here too.`,
      );
    }
    reason = `alembic.ini: script_location = ${scriptLocation.value.trim()}`;
  } else if (existsSync(join(iniDir, 'env.py'))) {
    // Flask-Migrate's layout: `flask db` runs Alembic with script_location set to the folder of the ini
    // (miguelgrinberg/Flask-Migrate, src/flask_migrate/__init__.py, Migrate.get_config).
    scriptDir = iniDir;
    reason = 'alembic.ini without script_location beside env.py: a Flask-Migrate folder, which is its own script folder';
  } else {
    throw new SwitchyardError(
      'E_INVALID_PROJECT',
      `${iniPath}: no script_location in its [alembic] section and no env.py beside it, so Alembic cannot find the project's scripts.`,
    );
  }
  const recursive = values.get('recursive_version_locations')?.value.trim() === 'true';
  const locations = values.get('version_locations');
  const dirs = locations
    ? splitPaths(expand(locations.value), pathSeparator ?? values.get('version_path_separator')?.value.trim(), /, *| +/).map((l) =>
        locationFolder(l, place('version_locations'), 'version_locations', prepends),
      )
    : [join(scriptDir, 'versions')];
  if (locations) reason += `; version_locations = ${locations.value.trim().replace(/\n/g, ' ')}`;
  if (recursive) reason += '; recursive_version_locations = true';
  return { iniPath, scriptDir, scriptLocationImplied: !scriptLocation, dirs, recursive, reason };
}

function readIni(path: string): AlembicLayout {
  return alembicLayoutOfIni(normaliseText(readFileSync(path, 'utf8')), path);
}

/**
 * Where the Alembic project in `projectDir` keeps its revisions: the folder holds alembic.ini (with
 * script_location, or Flask-Migrate's without), or is a script folder (env.py + versions/) whose
 * alembic.ini may sit one folder up, or is a versions folder itself.
 */
export function alembicVersionDirsFor(projectDir: string): AlembicLayout {
  const dir = resolve(projectDir);
  const ini = join(dir, 'alembic.ini');
  if (existsSync(ini)) return readIni(ini);
  if (existsSync(join(dir, 'env.py'))) {
    const above = join(dirname(dir), 'alembic.ini');
    if (existsSync(above)) {
      // Only when that ini names this folder: an unrelated alembic.ini above must not steer the run.
      const layout = readIni(above);
      if (layout.scriptDir === dir) return layout;
    }
    return {
      iniPath: null,
      scriptDir: dir,
      scriptLocationImplied: false,
      dirs: [join(dir, 'versions')],
      recursive: false,
      reason: `env.py in ${basename(dir)}: an Alembic script folder without alembic.ini; its versions/ folder`,
    };
  }
  return { iniPath: null, scriptDir: dir, scriptLocationImplied: false, dirs: [dir], recursive: false, reason: 'a folder of Alembic revision files' };
}

/** One option of alembic.ini's [alembic] section as configparser gives it (`%%` read as `%`); undefined when absent. */
export function alembicIniOption(iniPath: string, key: string): string | undefined {
  return alembicSection(normaliseText(readFileSync(iniPath, 'utf8')))
    .get(key)
    ?.value.trim()
    .replace(/%%/g, '%');
}
