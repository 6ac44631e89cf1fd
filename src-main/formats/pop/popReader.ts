// Reads an ory/pop folder as pop does: every file under it (pop walks sub-folders too), the
// connection's dialect file before the dialect-less one for each version, versions in string order.
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import type { Engine as EngineKind } from '../../../src-shared/model/profile';
import type { Anomaly } from '../../../src-shared/model/revision';
import { listFolder } from '../../migrations/readers/folderListings';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile, type SqlBody } from '../../migrations/readers/projectFiles';
import { parsePopFileName, popKnownDialects, type PopFileName } from './popFileName';

/** The dialect pop names for each engine Switchyard connects to (pop's dialect names). */
export const popDialects: Readonly<Record<EngineKind, string>> = { postgres: 'postgres', sqlite: 'sqlite3' };

interface PopFile {
  path: string;
  parsed: PopFileName;
}

function unused(path: string, why: string): Anomaly {
  return { kind: 'unusedFile', message: `${path}: ${why}; not run`, file: path, line: null, revisions: [] };
}

/** Paths relative to `dir`, with forward slashes. pop walks every sub-folder; hidden ones and node_modules are left out, as the unused-file check leaves them out. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    for (const entry of listFolder(rel ? `${dir}${sep}${rel.split('/').join(sep)}` : dir)) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(path);
      } else found.push(path);
    }
  }
  return found.sort();
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Sorts the folder's files into the ones this dialect runs, reporting every other migration-looking file. */
function candidates(paths: readonly string[], dialect: string, unreadable: Anomaly[]): PopFile[] {
  const kept: PopFile[] = [];
  for (const path of paths) {
    const name = baseName(path);
    const lower = name.toLowerCase();
    if (!lower.endsWith('.sql') && !lower.endsWith('.fizz')) continue;
    const parsed = parsePopFileName(name);
    if (!parsed) {
      unreadable.push(
        unused(path, 'not a pop migration name (`<version>_<name>[.<dialect>][.autocommit].up.sql` / `.down.sql`); ory/x popx refuses a folder holding it'),
      );
    } else if (parsed.kind === 'fizz') {
      unreadable.push(
        unused(path, `a fizz migration (version ${parsed.version}, ${parsed.direction}): Switchyard runs pop's SQL migrations only, fizz is not supported`),
      );
    } else if (parsed.dialect !== null && !popKnownDialects.has(parsed.dialect)) {
      unreadable.push(unused(path, `\`${parsed.dialect}\` is not a dialect pop knows (${[...popKnownDialects].join(', ')}), so pop ignores the file`));
    } else if (parsed.dialect !== null && parsed.dialect !== dialect) {
      unreadable.push(unused(path, `a ${parsed.dialect} file, and this connection's pop dialect is ${dialect}`));
    } else kept.push({ path, parsed });
  }
  return kept;
}

/** The file pop runs for one version and direction: the dialect's own before the dialect-less one. */
function choose(files: PopFile[], dialect: string, unreadable: Anomaly[]): PopFile {
  const specific = files.filter((f) => f.parsed.dialect !== null);
  const pool = specific.length > 0 ? specific : files;
  const [chosen, ...others] = pool as [PopFile, ...PopFile[]];
  for (const other of others) {
    unreadable.push({
      kind: 'duplicateRevision',
      message: `${other.path}: version ${other.parsed.version} has another ${other.parsed.direction} file for ${dialect}, ${chosen.path}; pop runs one of them without saying which, Switchyard runs ${chosen.path}`,
      file: other.path,
      line: 1,
      revisions: [other.parsed.version],
    });
  }
  if (specific.length > 0) {
    for (const generic of files.filter((f) => f.parsed.dialect === null))
      unreadable.push(unused(generic.path, `superseded by ${chosen.path}, the ${dialect} file, as pop does`));
  }
  return chosen;
}

function body(dir: string, file: PopFile, ownFile: boolean): SqlBody {
  const sql = normaliseText(readFileSync(`${dir}${sep}${file.path.split('/').join(sep)}`, 'utf8'));
  return { sql, line: 1, transaction: !file.parsed.autocommit, ...(ownFile ? {} : { file: file.path }) };
}

export function readPopProject(dir: string, engine: EngineKind): ProjectFiles {
  const result: ProjectFiles = { format: 'pop', project: dir, files: [], unreadable: [] };
  const dialect = popDialects[engine];
  const byVersion = new Map<string, { up: PopFile[]; down: PopFile[] }>();
  for (const file of candidates(filesUnder(dir), dialect, result.unreadable)) {
    const entry = byVersion.get(file.parsed.version) ?? { up: [], down: [] };
    entry[file.parsed.direction].push(file);
    byVersion.set(file.parsed.version, entry);
  }
  // pop orders by the version as a string (popx migration_info.go: strings.Compare), not as a number.
  const versions = [...byVersion.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let previous: string | null = null;
  for (const version of versions) {
    const { up, down } = byVersion.get(version) as { up: PopFile[]; down: PopFile[] };
    if (up.length === 0) {
      for (const orphan of down) result.unreadable.push(unused(orphan.path, `a down file without its up file (version ${version})`));
      continue;
    }
    const upFile = choose(up, dialect, result.unreadable);
    const downFile = down.length > 0 ? choose(down, dialect, result.unreadable) : null;
    let revision: RevisionFile;
    try {
      const upBody = body(dir, upFile, true);
      revision = {
        revision: {
          id: version,
          parents: previous === null ? [] : [previous],
          dependsOn: [],
          branchLabels: [],
          message: upFile.parsed.name.replace(/_+/g, ' ').trim(),
          createdAt: null,
          file: upFile.path,
          line: 1,
        },
        text: upBody.sql,
        up: upBody,
        down: downFile ? body(dir, downFile, false) : null,
        ...(downFile
          ? { otherFiles: [downFile.path] }
          : {
              noDowngrade: `Version ${version} has no down file for ${dialect} (\`${version}_${upFile.parsed.name}.down.sql\`), so it cannot be reverted. Stamp it down instead if the change was undone by hand.`,
            }),
      };
    } catch (error) {
      result.unreadable.push(unreadableFile(upFile.path, 1, `cannot read: ${(error as Error).message}`));
      continue;
    }
    result.files.push(revision);
    previous = version;
  }
  return result;
}
