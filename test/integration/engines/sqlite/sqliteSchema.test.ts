// The schema model of a real SQLite file: tables, columns, keys, checks, indexes, foreign keys, views
// and triggers with hostile names, read from sqlite_schema and the pragmas; what SQLite keeps only as
// typed text (checks, generated columns, a view's query) normalised so layout never counts; virtual
// tables reported as not read; the number of statements the same for 1 table as for 30.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaObjectKey, type SchemaModel, type SchemaObjectKind, type SchemaObjectOf } from '../../../../src-shared/model/schema';
import { connect } from '../../../../src-main/drivers/connect';
import type { ConnectionTarget, Driver } from '../../../../src-main/drivers/driver';
import { engineFor } from '../../../../src-main/engines/engineFor';
import { execSqlite } from '../../../support/sqliteFile';
import { tempDir } from '../../../support/tempDir';

const customer = 'Customer "A".b';
const lines = 'Order Lines';

const everyKind = `
CREATE TABLE "Customer ""A"".b" (
  "Id" INTEGER PRIMARY KEY,
  "E Mail" TEXT COLLATE NOCASE NOT NULL UNIQUE,
  score REAL DEFAULT 1.5 CHECK (score >= 0),
  CONSTRAINT "Score cap" CHECK (score < 100)
) STRICT;
CREATE TABLE [Order Lines] (
  id INTEGER,
  "Customer Id" INTEGER NOT NULL REFERENCES "Customer ""A"".b" ("Id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  qty INT,
  total INT GENERATED ALWAYS AS (qty * 2) STORED,
  half INT AS (qty / 2),
  note TEXT,
  PRIMARY KEY (id, "Customer Id")
) WITHOUT ROWID;
CREATE INDEX "Lines by qty" ON [Order Lines] (qty DESC, lower(note)) WHERE qty > 1;
CREATE UNIQUE INDEX "Upper.Email" ON "Customer ""A"".b" (upper("E Mail"));
CREATE VIEW "Big ""Orders"".v" AS
   SELECT l.id,   l.qty -- the lines' own columns
     FROM [Order Lines] l JOIN "Customer ""A"".b" c ON c."Id" = l."Customer Id";
CREATE TRIGGER "Audit ""Trg""" AFTER UPDATE OF qty ON [Order Lines] FOR EACH ROW WHEN NEW.qty > 0
BEGIN
  UPDATE "Customer ""A"".b" SET score = score + 1 WHERE "Id" = NEW."Customer Id";
END;
CREATE VIRTUAL TABLE docs USING fts5(body);
`;

function target(path: string): ConnectionTarget {
  return { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath: path, readOnly: true };
}

async function readModel(sql: string, wrap: (driver: Driver) => Driver = (driver) => driver): Promise<SchemaModel> {
  const path = join(tempDir(), 'app.sqlite');
  execSqlite(path, sql);
  const driver = await connect(target(path));
  try {
    return await engineFor('sqlite').schema.read(wrap(driver));
  } finally {
    await driver.close();
  }
}

function find<K extends SchemaObjectKind>(model: SchemaModel, kind: K, path: string[]): SchemaObjectOf<K> {
  const key = schemaObjectKey(kind, ['main', ...path]);
  const object = model.objects.find((candidate) => candidate.key === key);
  if (!object) throw new Error(`${key} is not in the model: ${model.objects.map((o) => o.key).join('\n')}`);
  return object as SchemaObjectOf<K>;
}

const key = (kind: SchemaObjectKind, ...path: string[]) => schemaObjectKey(kind, ['main', ...path]);

describe('the SQLite schema model', () => {
  it('reads tables, columns, keys, checks, indexes, foreign keys, views and triggers with hostile names', async () => {
    const model = await readModel(everyKind);
    expect(model.engine).toBe('sqlite');
    expect(model.serverVersion).toMatch(/^3\./);

    expect(find(model, 'table', [customer]).attributes).toMatchObject({ strict: true, withoutRowid: false });
    expect(find(model, 'table', [lines]).attributes).toMatchObject({ strict: false, withoutRowid: true });

    expect(find(model, 'column', [customer, 'E Mail'])).toMatchObject({
      parent: key('table', customer),
      attributes: { type: 'TEXT', collation: 'NOCASE', nullable: false, position: 2 },
      definition: '"E Mail" TEXT COLLATE "NOCASE" NOT NULL',
    });
    expect(find(model, 'column', [customer, 'score']).attributes.default).toBe('1.5');
    expect(find(model, 'column', [lines, 'total']).attributes).toMatchObject({ generated: 'qty * 2', generatedKind: 'stored' });
    expect(find(model, 'column', [lines, 'half']).attributes).toMatchObject({ generated: 'qty / 2', generatedKind: 'virtual' });

    expect(find(model, 'primary key', [customer, `${customer}_pkey`]).attributes.columns).toEqual(['Id']);
    expect(find(model, 'primary key', [lines, `${lines}_pkey`])).toMatchObject({ generatedName: true, attributes: { columns: ['id', 'Customer Id'] } });
    expect(find(model, 'unique', [customer, `sqlite_autoindex_${customer}_1`])).toMatchObject({ generatedName: true, attributes: { columns: ['E Mail'] } });
    expect(find(model, 'check', [customer, `${customer}_check`])).toMatchObject({ generatedName: true, attributes: { expression: 'score >= 0' } });
    expect(find(model, 'check', [customer, 'Score cap'])).toMatchObject({ generatedName: false, attributes: { expression: 'score < 100' } });

    const foreign = find(model, 'foreign key', [lines, `${lines}_Customer Id_fkey`]);
    expect(foreign.attributes).toEqual({
      columns: ['Customer Id'],
      referencedTable: key('table', customer),
      referencedColumns: ['Id'],
      onUpdate: 'NO ACTION',
      onDelete: 'CASCADE',
      match: 'SIMPLE',
      validated: true,
      deferrable: true,
      initiallyDeferred: true,
    });
    expect(foreign.dependsOn).toContain(key('table', customer));

    expect(find(model, 'index', ['Lines by qty'])).toMatchObject({
      parent: key('table', lines),
      attributes: { unique: false, columns: ['qty DESC', 'lower(note)'], predicate: 'qty > 1' },
    });
    expect(find(model, 'index', ['Upper.Email']).attributes).toMatchObject({ unique: true, columns: ['upper("E Mail")'] });

    const view = find(model, 'view', ['Big "Orders".v']);
    expect(view.attributes.query).toBe('SELECT l.id, l.qty FROM [Order Lines] l JOIN "Customer ""A"".b" c ON c."Id" = l."Customer Id"');
    expect(view.dependsOn).toEqual([key('table', customer), key('table', lines)]);

    const trigger = find(model, 'trigger', [lines, 'Audit "Trg"']);
    expect(trigger.attributes).toEqual({
      timing: 'AFTER',
      events: ['UPDATE OF qty'],
      level: 'ROW',
      function: null,
      when: 'NEW.qty > 0',
      body: 'UPDATE "Customer ""A"".b" SET score = score + 1 WHERE "Id" = NEW."Customer Id";',
      enabled: 'O',
    });
    expect(trigger.dependsOn).toEqual([key('table', customer), key('table', lines)]);

    // The FTS table is said to be unread; its shadow tables are the module's, not objects.
    expect(model.unread).toEqual([{ object: 'virtual table "docs"', reason: expect.stringContaining('virtual tables') }]);
    expect(model.objects.filter((object) => object.name.startsWith('docs'))).toEqual([]);

    const keys = model.objects.map((object) => object.key);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps two unnamed foreign keys on the same column, and an unnamed check beside one named like it, apart', async () => {
    const model = await readModel(`
      CREATE TABLE a (id INTEGER PRIMARY KEY);
      CREATE TABLE b (id INTEGER PRIMARY KEY);
      CREATE TABLE t (x INT REFERENCES a (id), CONSTRAINT t_check CHECK (x > 0), CHECK (x < 9), FOREIGN KEY (x) REFERENCES b (id));`);
    const children = model.objects.filter((object) => object.parent === key('table', 't') && object.kind !== 'column');
    expect(children.map((object) => [object.kind, object.name, object.generatedName])).toEqual([
      ['check', 't_check', false],
      ['check', 't_check1', true],
      ['foreign key', 't_x_fkey', true],
      ['foreign key', 't_x_fkey1', true],
    ]);
    expect(new Set(children.map((object) => object.matchKey)).size).toBe(4);
  });

  it('reads the same model whatever the layout and comments of the statements', async () => {
    const spaced = await readModel(everyKind);
    const compact = await readModel(
      everyKind
        .replace("SELECT l.id,   l.qty -- the lines' own columns\n     FROM", 'SELECT l.id, /* ids */ l.qty FROM')
        .replace('WHERE qty > 1;', 'WHERE   qty>1 ;')
        .replace('BEGIN\n  UPDATE', 'BEGIN UPDATE'),
    );
    const byKey = (model: SchemaModel) => Object.fromEntries(model.objects.map((object) => [object.key, object.attributes]));
    expect(byKey(compact)).toEqual(byKey(spaced));
  });

  it('runs the same number of statements for 1 table as for 30', async () => {
    const statements = async (count: number) => {
      let sent = 0;
      const counting = (driver: Driver): Driver => ({
        ...driver,
        query: (sql, params) => {
          sent += 1;
          return driver.query(sql, params);
        },
        execScript: (sql) => {
          sent += 1;
          return driver.execScript(sql);
        },
      });
      const sql = Array.from(
        { length: count },
        (_, i) => `CREATE TABLE t${i} (id INTEGER PRIMARY KEY, parent INT REFERENCES t${i} (id), body TEXT UNIQUE); CREATE INDEX i${i} ON t${i} (body);`,
      ).join('\n');
      const model = await readModel(sql, counting);
      expect(model.objects.filter((object) => object.kind === 'table')).toHaveLength(count);
      return sent;
    };
    const one = await statements(1);
    expect(await statements(30)).toBe(one);
  });
});
