// Where a Python package lives, for Alembic's `package:path` locations (`script_location =
// myapp:migrations`). Alembic resolves them with importlib.resources (alembic/util/pyfiles.py,
// coerce_resource_to_filename): the package's folder, then the path below it.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `base` and every folder above it, nearest first. */
function withParents(base: string): string[] {
  const dirs = [base];
  for (let dir = dirname(base); dir !== dirs[dirs.length - 1]; dir = dirname(dir)) dirs.push(dir);
  return dirs;
}

// The package is imported the way Alembic imports it: by Python, with the ini's folder first on sys.path
// (the runner starts Alembic there), so an installed package is found too.
const findPackage = `
import importlib.util, sys
sys.path[:0] = sys.argv[2:]
spec = importlib.util.find_spec(sys.argv[1])
if spec is None:
    sys.exit("No module named %r" % sys.argv[1])
if not spec.submodule_search_locations:
    sys.exit("%s is a module, not a package" % sys.argv[1])
print(list(spec.submodule_search_locations)[0])
`;

export type PackageFolder = { ok: true; dir: string } | { ok: false; reason: string };

/**
 * The folder of package `name` (dotted). Looked for first in `searchDirs` and the folders above them
 * (a package of the project, without starting Python), then through Python's import system.
 */
export function packageFolder(name: string, searchDirs: readonly string[]): PackageFolder {
  const parts = name.split('.');
  for (const base of searchDirs.flatMap(withParents)) {
    const candidate = join(base, ...parts);
    if (isFolder(candidate)) return { ok: true, dir: candidate };
  }
  // Loaded here, not imported: child_process would cost every command's start-up, and few projects need it.
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const python = spawnSync('python3', ['-c', findPackage, name, ...searchDirs], { encoding: 'utf8', timeout: 30_000 });
  if (python.error)
    return {
      ok: false,
      reason: `not found in ${searchDirs.join(', ')} or a folder above, and python3 could not be started to look further (${python.error.message})`,
    };
  const found = python.stdout.trim();
  if (python.status === 0 && found && isFolder(found)) return { ok: true, dir: found };
  const why = python.stderr.trim().split('\n').pop() ?? `exit ${python.status}`;
  return { ok: false, reason: `not found in ${searchDirs.join(', ')} or a folder above, and python3 cannot import it (${why})` };
}
