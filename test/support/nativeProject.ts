// A native SQL migration project written to a folder, and revisions "applied" the way the runner
// records them (the up-SQL run, a switchyard_migrations row each), for tests that need a database
// part-way through its history.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from '../../src-main/drivers/driver';
import { loadProject } from '../../src-main/migrations/project';
import { upChecksum } from '../../src-main/runner/checksum';
import { engineFor } from '../../src-main/engines/engineFor';
import { createNativeTableSql, nativeTable } from '../../src-main/formats/native/nativeTableSql';

export interface RevisionSpec {
  id: string;
  parents: string[];
  message: string;
  up: string;
  /** The down body; a harmless SELECT when the test never reverts. */
  down?: string;
  branch?: string;
}

export function writeNativeProject(dir: string, revisions: readonly RevisionSpec[]): void {
  mkdirSync(dir, { recursive: true });
  revisions.forEach((r, i) => {
    const header = [
      `-- revision: ${r.id}`,
      `-- parents: ${r.parents.length ? r.parents.join(', ') : 'none'}`,
      ...(r.branch ? [`-- branch: ${r.branch}`] : []),
      `-- message: ${r.message}`,
    ];
    writeFileSync(
      join(dir, `${String(i + 1).padStart(3, '0')}_${r.id}.sql`),
      `${header.join('\n')}\n-- migrate:up\n${r.up}\n-- migrate:down\n${r.down ?? 'SELECT 1;'}\n`,
    );
  });
}

/** Test SQL only: statements end with a semicolon at the end of a line. */
export async function runStatements(driver: Driver, sql: string): Promise<void> {
  for (const statement of sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean))
    await driver.query(statement);
}

export async function applyByHand(driver: Driver, projectDir: string, ids: readonly string[]): Promise<void> {
  const project = loadProject(projectDir, { format: 'native' });
  await driver.query(createNativeTableSql(engineFor(driver.engine).versionTable));
  for (const id of ids) {
    const file = project.files.files.find((f) => f.revision.id === id);
    if (!file?.up) throw new Error(`no revision ${id} in ${projectDir}`);
    await runStatements(driver, file.up.sql);
    // Literals, not parameters: the engines spell parameters differently ($1, ?).
    await driver.query(
      `INSERT INTO ${nativeTable} (revision, checksum, applied_by, duration_ms) VALUES (${driver.literal(id)}, ${driver.literal(upChecksum(file))}, 'test', 1)`,
    );
  }
}
