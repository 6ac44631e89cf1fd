// The shape shared by the tools that order migrations by a version in the file name (dbmate,
// golang-migrate, goose): one linear chain in the tool's order, each revision's parent the one before,
// and a version given by two files named, never one of them dropped in silence.
import { sep } from 'node:path';
import type { Anomaly } from '../../../src-shared/model/revision';
import { readFileText } from './fileText';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile } from './projectFiles';

/** One migration as the tool's file name and bodies give it, before it is linked into the chain. */
export interface VersionedMigration extends Omit<RevisionFile, 'revision'> {
  /** The version as the tool records it in its bookkeeping. */
  version: string;
  /** The file that names the revision (the up file), relative to the project. */
  file: string;
  message: string;
}

function readText(project: string, name: string): string {
  return normaliseText(readFileText(`${project}${sep}${name}`));
}

/** The text of a file in the project folder, normalised; null (and an unreadableFile anomaly) when it cannot be read. */
export function readProjectText(project: string, name: string, result: ProjectFiles): string | null {
  try {
    return readText(project, name);
  } catch (error) {
    result.unreadable.push(unreadableFile(name, 1, `cannot read: ${(error as Error).message}`));
    return null;
  }
}

/** For detection: the file's text, or null when it cannot be read (the reader then reports why). */
export function peekText(project: string, name: string): string | null {
  try {
    return readText(project, name);
  } catch {
    return null;
  }
}

/**
 * A second file for a version the tool already has a file for: named, with what the tool does about it
 * (`toolDoes`, when there is a tool) and what Switchyard does: refuse to run, where the tool refuses the
 * folder (`refuses`, the format's `refusesDuplicates`), else run the first.
 */
export function duplicateVersion(version: string, kept: string, ignored: string, tool?: { toolDoes: string; refuses: boolean }): Anomaly {
  const does = tool ? `; ${tool.toolDoes}` : '';
  const switchyard = tool?.refuses ? 'Switchyard refuses to run the project too' : `Switchyard runs ${kept} and not ${ignored}`;
  return {
    kind: 'duplicateRevision',
    message: `${ignored}: version ${version} is also given by ${kept}${does}. ${switchyard}: rename one of them.`,
    file: ignored,
    line: 1,
    revisions: [version],
  };
}

/** `migrations` in the tool's order, each version once: each revision follows the one before it. */
export function linkChain(migrations: readonly VersionedMigration[], result: ProjectFiles): void {
  let previous: string | null = null;
  for (const { version, file, message, ...bodies } of migrations) {
    result.files.push({
      revision: { id: version, parents: previous === null ? [] : [previous], dependsOn: [], branchLabels: [], message, createdAt: null, file, line: 1 },
      ...bodies,
    });
    previous = version;
  }
}

/** A file name's description in words: `add_users` is "add users". */
export function describedBy(name: string): string {
  return name.replace(/[_-]+/g, ' ').trim();
}

/** A `.sql` file the tool would not run (its name is not one of the tool's migration names). */
export function notAMigrationName(file: string, why: string): Anomaly {
  return { kind: 'unusedFile', message: `${file}: ${why}; not run`, file, line: null, revisions: [] };
}

/** The folder's `.sql` files in name order (the byte order Go's sort gives the tools). */
export function sqlFileNames(names: readonly string[]): string[] {
  return names.filter((n) => n.toLowerCase().endsWith('.sql')).sort();
}

/**
 * Versions the database has not recorded though a later one of the chain is recorded. dbmate and goose
 * record every version they apply, so such a version is pending to them; in a chain, the later one
 * implies it. Null when there is no such gap.
 */
export function unrecordedBefore(project: ProjectFiles, recorded: ReadonlySet<string>): { missing: string[]; later: string } | null {
  const ids = project.files.map((f) => f.revision.id);
  const last = ids.findLastIndex((id) => recorded.has(id));
  const missing = ids.slice(0, Math.max(last, 0)).filter((id) => !recorded.has(id));
  return missing.length === 0 ? null : { missing, later: ids[last] as string };
}
