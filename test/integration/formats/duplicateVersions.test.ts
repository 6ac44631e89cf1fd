// Two files giving one version: golang-migrate ("duplicate migration file"), goose ("duplicate version …
// detected") and Flyway ("Found more than one migration with version") refuse such a folder whatever they
// are asked, so Switchyard refuses the run before its first statement too, naming both files; dbmate runs
// both files and fails at the second (its version is recorded already), so Switchyard runs the first and
// says, in the graph and the preview, that the second is not run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectFormat } from '../../../src-shared/model/revision';
import { loadProject } from '../../../src-main/migrations/project';
import { openSqlite } from '../../../src-main/sqliteModule';
import { previewTarget, runTarget } from '../../../src-main/runner/runnerService';
import { writeFiles } from '../../support/alembicFolders';
import { sqliteTarget } from '../../support/migrationTargets';
import { tempDir } from '../../support/tempDir';

const options = { actor: 'tester', lockTimeoutMs: 2_000 };
const table = (name: string) => `CREATE TABLE ${name} (id integer);\n`;

const refusing: Array<{ format: ProjectFormat; files: Record<string, string>; second: string; words: string }> = [
  {
    format: 'golang-migrate',
    files: { '0001_a.up.sql': table('a'), '0002_b.up.sql': table('b'), '0002_c.up.sql': table('c') },
    second: '0002_c.up.sql',
    words: 'duplicate migration file',
  },
  {
    format: 'goose',
    files: {
      '00001_a.sql': `-- +goose Up\n${table('a')}`,
      '00002_b.sql': `-- +goose Up\n${table('b')}`,
      '00002_c.sql': `-- +goose Up\n${table('c')}`,
    },
    second: '00002_c.sql',
    words: 'duplicate version',
  },
  {
    format: 'flyway',
    files: { 'V1__a.sql': table('a'), 'V2__b.sql': table('b'), 'V2__c.sql': table('c') },
    second: 'V2__c.sql',
    words: 'Found more than one migration with version',
  },
];

function tables(path: string): string[] {
  if (!existsSync(path)) return [];
  const db = openSqlite(path);
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b', 'c') ORDER BY name").all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
  } finally {
    db.close();
  }
}

describe('two files of one version', () => {
  it.each(refusing)('$format: the run is refused before its first statement, naming the second file, as the tool refuses', async (c) => {
    const dir = tempDir();
    writeFiles(dir, c.files);
    const path = join(tempDir(), 'app.db');
    const target = sqliteTarget(path, dir, { projectFormat: c.format });

    const preview = await previewTarget(target, { action: 'upgrade', to: 'heads' }, 'tester');
    expect(preview.findings).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining(c.second) })]);
    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({
      code: 'E_PREFLIGHT',
      message: expect.stringMatching(new RegExp(`${c.second.replace(/\./g, '\\.')}.*${c.words}`)),
    });
    expect(tables(path)).toEqual([]);
  });

  it('dbmate: the first file runs and the second is said not to, since dbmate runs both and fails at the second', async () => {
    const dir = tempDir();
    const body = (name: string) => `-- migrate:up\n${table(name)}\n-- migrate:down\nDROP TABLE ${name};\n`;
    writeFiles(dir, { '20240101_a.sql': body('a'), '20240102_b.sql': body('b'), '20240102_c.sql': body('c') });
    const path = join(tempDir(), 'app.db');
    const target = sqliteTarget(path, dir, { projectFormat: 'dbmate' });
    const preview = await previewTarget(target, { action: 'upgrade', to: 'heads' }, 'tester');
    expect(preview.findings).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('20240102_c.sql: version 20240102') })]);
    const result = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(result.steps.map((s) => s.revision)).toEqual(['20240101', '20240102']);
    expect(tables(path)).toEqual(['a', 'b']);
    expect(loadProject(dir, { format: 'dbmate' }).anomalies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'duplicateRevision',
          file: '20240102_c.sql',
          message: expect.stringContaining('Switchyard runs 20240102_b.sql and not'),
        }),
      ]),
    );
  });
});
