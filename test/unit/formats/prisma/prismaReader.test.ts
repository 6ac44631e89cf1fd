import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedChecksums, prismaChecksum } from '../../../../src-main/formats/prisma/prismaChecksum';
import { prismaFormat } from '../../../../src-main/formats/prisma/prismaFormat';
import { loadProject } from '../../../../src-main/migrations/project';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

const app = `${fixtures}prisma-app`;

describe("Prisma's checksum", () => {
  it('is the sha256 of the script as read, zero-padded hex (the value prisma-engines tests for "hello")', () => {
    expect(prismaChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(prismaChecksum('\ufeffSELECT 1;\r\n')).not.toBe(prismaChecksum('SELECT 1;\n'));
  });

  it('accepts the same script with other line ends, and never another script', () => {
    expect(acceptedChecksums('a\nb\n')).toContain(prismaChecksum('a\r\nb\r\n'));
    expect(acceptedChecksums('a\r\nb\r\n')).toContain(prismaChecksum('a\nb\n'));
    expect(acceptedChecksums('abc')).not.toContain(prismaChecksum('abc\n'));
  });
});

describe('a Prisma project', () => {
  it('reads each migration folder as one revision named by the folder, in name order, with no down (from prisma/ when chosen with --format)', () => {
    const project = loadProject(app, { format: 'prisma' });
    expect(project.files.format).toBe('prisma');
    expect(project.files.files.map((f) => [f.revision.id, f.revision.parents, f.revision.file, f.down])).toEqual([
      ['20240101000000_init', [], 'migrations/20240101000000_init/migration.sql', null],
      ['20240102000000_add_books', ['20240101000000_init'], 'migrations/20240102000000_add_books/migration.sql', null],
      ['20240103000000_books_title_idx', ['20240102000000_add_books'], 'migrations/20240103000000_books_title_idx/migration.sql', null],
    ]);
  });

  it('runs a file of several statements in one transaction, and a lone statement alone, as PostgreSQL runs the one script Prisma sends', () => {
    const [, books, index] = loadProject(app).files.files;
    expect(books?.up?.transaction).toBe(true);
    expect(index?.up?.transaction).toBe(false);
  });

  it('runs a file that commits its own transactions as written, statement by statement', () => {
    const root = tempDir();
    writeFileSync(join(root, 'migration_lock.toml'), 'provider = "postgresql"\n');
    mkdirSync(join(root, '20240101000000_own_transactions'));
    writeFileSync(
      join(root, '20240101000000_own_transactions', 'migration.sql'),
      'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n',
    );
    expect(loadProject(root).files.files[0]?.up?.transaction).toBe(false);
  });

  it("keeps the file's own sha256 as the checksum Prisma records", () => {
    const [init] = loadProject(app).files.files;
    const raw = readFileSync(join(app, 'migrations/20240101000000_init/migration.sql'));
    expect(prismaFormat.bookkeeping.checksum(init as NonNullable<typeof init>)).toBe(createHash('sha256').update(raw).digest('hex'));
  });

  it('names a folder without migration.sql and a down.sql Prisma never runs', () => {
    expect(loadProject(app, { format: 'prisma' }).anomalies.map((a) => [a.kind, a.file, a.message])).toEqual([
      ['unusedFile', 'migrations/20240102000000_add_books/down.sql', expect.stringContaining('Prisma never runs a down.sql')],
      ['unusedFile', 'migrations/20240104000000_lost_script/', expect.stringContaining('no migration.sql')],
    ]);
  });

  it("orders folders as Prisma's CLI does (localeCompare, not bytes), hidden ones included", () => {
    const root = tempDir();
    writeFileSync(join(root, 'migration_lock.toml'), 'provider = "postgresql"\n');
    for (const folder of ['B_second', 'a_first', '.hidden']) {
      mkdirSync(join(root, folder));
      writeFileSync(join(root, folder, 'migration.sql'), 'SELECT 1;');
    }
    expect(loadProject(root).files.files.map((f) => f.revision.id)).toEqual(['.hidden', 'a_first', 'B_second']);
  });

  it('is detected by migration_lock.toml (from prisma/, in its migrations/), and from folders holding migration.sql without one', () => {
    expect(loadProject(`${app}/migrations`).files.detection).toBe('migration_lock.toml in the folder: a Prisma migrations folder');
    const fromRoot = loadProject(app);
    expect(fromRoot.files.detection).toMatch(/^migrations\/ of .*: migration_lock\.toml in the folder: a Prisma migrations folder$/);
    expect(fromRoot.files.files.map((f) => f.revision.file)[0]).toBe('20240101000000_init/migration.sql');
    const root = tempDir();
    mkdirSync(join(root, '20240101000000_init'));
    writeFileSync(join(root, '20240101000000_init', 'migration.sql'), 'SELECT 1;');
    expect(loadProject(root).files.detection).toMatch(/migration folders with migration\.sql/);
  });
});
