// A big SQLite file opens its inventory at once: SQLite reads on the calling thread, so counting
// every table (and scanning every page for sizes) waits for "Count rows" instead.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect } from '../../../../src-main/drivers/connect';
import { readSqliteCatalog, sqliteEagerLimitBytes } from '../../../../src-main/engines/sqlite/sqliteCatalog';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { tempDir } from '../../../support/tempDir';

const target = (path: string) => ({
  engine: 'sqlite' as const,
  host: '',
  port: 0,
  database: '',
  user: '',
  sslMode: 'disable' as const,
  sslCaFile: '',
  sqlitePath: path,
  readOnly: false,
});

function fill(path: string, bytes: number): void {
  const db = openSqlite(path);
  db.exec('CREATE TABLE small (id INTEGER PRIMARY KEY); INSERT INTO small VALUES (1), (2), (3); CREATE TABLE blobs (data BLOB)');
  db.prepare('INSERT INTO blobs VALUES (zeroblob(?))').run(bytes);
  db.close();
}

describe('SQLite inventory and file size', () => {
  it('counts rows and measures sizes at once on a small file', async () => {
    const path = join(tempDir(), 'small.sqlite');
    fill(path, 1024);
    const driver = await connect(target(path));
    try {
      const { relations, sizesExact } = await readSqliteCatalog(driver);
      expect(sizesExact).toBe(true);
      expect(relations.find((r) => r.name === 'small')).toMatchObject({ exactRows: 3, bytesExact: true });
    } finally {
      await driver.close();
    }
  });

  it('lists the tables of a file over the limit without counting or scanning them', async () => {
    const path = join(tempDir(), 'big.sqlite');
    fill(path, sqliteEagerLimitBytes + 8 * 1024 * 1024);
    const driver = await connect(target(path));
    try {
      const { relations, sizesExact } = await readSqliteCatalog(driver);
      expect(sizesExact).toBe(false);
      expect(relations.map((r) => [r.name, r.exactRows, r.bytes])).toEqual([
        ['blobs', null, null],
        ['small', null, null],
      ]);
    } finally {
      await driver.close();
    }
  });
});
