// Where an Alembic project keeps its revisions, from `alembic.ini`'s [alembic] section.
import { SwitchyardError } from '../../../src-shared/errors';
import { isAbsolute, join } from 'node:path';

function alembicSection(text: string): Map<string, string> {
  const values = new Map<string, string>();
  let inSection = false;
  let last: string | null = null;
  for (const raw of text.split('\n')) {
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
      values.set(last, `${values.get(last) ?? ''}\n${line.trim()}`);
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (pair) {
      last = (pair[1] as string).toLowerCase();
      values.set(last, pair[2] as string);
    }
  }
  return values;
}

function splitLocations(value: string, separator: string | undefined): string[] {
  const pattern =
    separator === undefined
      ? /[\s,]+/
      : separator === 'space'
        ? / +/
        : separator === 'newline'
          ? /\n/
          : separator === 'os'
            ? /:/
            : new RegExp(separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return value
    .split(pattern)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The absolute versions folders of the project whose `alembic.ini` is in `iniDir`. */
export function alembicVersionDirs(iniText: string, iniDir: string): string[] {
  const values = alembicSection(iniText);
  const expand = (value: string) => value.replace(/%\(here\)s/g, iniDir);
  const resolve = (path: string) => (isAbsolute(path) ? path : join(iniDir, path));
  const scriptLocation = values.get('script_location');
  if (!scriptLocation) throw new SwitchyardError('E_INVALID_PROJECT', `alembic.ini in ${iniDir} has no script_location in its [alembic] section.`);
  const script = expand(scriptLocation.trim());
  if (/^[\w.]+:[\w./]+$/.test(script) && !isAbsolute(script)) {
    throw new SwitchyardError('E_INVALID_PROJECT', `script_location "${script}" names a Python package resource; Switchyard reads folders only. Use a path.`);
  }
  const locations = values.get('version_locations');
  if (locations) return splitLocations(expand(locations), values.get('version_path_separator')?.trim()).map(resolve);
  return [join(resolve(script), 'versions')];
}
