// THE test of the schema diff on SQLite: for every kind SQLite has, one file (A) gets it created,
// changed or dropped; the diff of B against A finds it; the SQL that makes B like A, run on B (table
// rebuilds and all), leaves no difference and keeps B's rows. Every name is hostile.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SchemaModel } from '../../../../src-shared/model/schema';
import { allDifferences, diffSchemas } from '../../../../src-shared/schema/schemaDiff';
import type { Driver } from '../../../../src-main/drivers/driver';
import { engineFor } from '../../../../src-main/engines/engineFor';
import { sqliteTarget } from '../../../support/migrationTargets';
import { execSqlite, sqliteRows } from '../../../support/sqliteFile';
import { expectDestroyed, type SchemaSqlCase } from '../../../support/schemaSqlCase';
import { tempDir } from '../../../support/tempDir';

const sqlite = engineFor('sqlite');

// Hostile names, each a valid identifier only when quoted.
const T = '"Or""ders .T"';
const R = '"Cu stomers.R"';

/** What both sides start from, with rows that must survive a rebuild. */
const base = `
CREATE TABLE ${R} ("I d" INTEGER PRIMARY KEY AUTOINCREMENT, "Na""me" TEXT UNIQUE);
CREATE TABLE ${T} (
  "I d" INTEGER PRIMARY KEY,
  "Cu.st" INTEGER REFERENCES ${R} ("I d") ON DELETE CASCADE,
  "Tot al""." NUMERIC NOT NULL DEFAULT 0,
  "No te" TEXT,
  CONSTRAINT "Po""s .c" CHECK ("Tot al""." >= 0)
);
CREATE INDEX "By ""note"". i" ON ${T} ("No te");
CREATE VIEW "Bi""g .v" AS SELECT "I d", "Tot al""." FROM ${T} WHERE "Tot al""." > 100;
CREATE TRIGGER "To""uch .t" AFTER UPDATE ON ${T} BEGIN UPDATE ${T} SET "No te" = 'touched' WHERE "I d" = NEW."I d" AND "No te" IS NULL; END;
INSERT INTO ${R} ("Na""me") VALUES ('ann'), ('bob');
INSERT INTO ${T} ("Cu.st", "Tot al"".", "No te") VALUES (1, 150, 'big'), (2, 5, NULL);
`;

/** The orders table's lines in the base, for cases that change one of them. */
const orders = {
  id: `"I d" INTEGER PRIMARY KEY`,
  customer: `"Cu.st" INTEGER REFERENCES ${R} ("I d") ON DELETE CASCADE`,
  total: `"Tot al""." NUMERIC NOT NULL DEFAULT 0`,
  note: `"No te" TEXT`,
  check: `CONSTRAINT "Po""s .c" CHECK ("Tot al""." >= 0)`,
};

/** The orders table made again with some lines changed, as a migration that rebuilds it would. */
function recreateOrders(changes: Partial<typeof orders> & { extra?: string }): string {
  const lines = { ...orders, ...changes };
  const body = [lines.id, lines.customer, lines.total, lines.note, lines.extra, lines.check].filter((line) => line !== undefined && line !== '').join(', ');
  const kept = `"I d", "Cu.st", "Tot al"".", "No te"`;
  return `PRAGMA foreign_keys = OFF; DROP VIEW "Bi""g .v"; ALTER TABLE ${T} RENAME TO "x";
    CREATE TABLE ${T} (${body});
    INSERT INTO ${T} (${kept}) SELECT ${kept} FROM "x"; DROP TABLE "x";
    CREATE INDEX "By ""note"". i" ON ${T} ("No te");
    CREATE VIEW "Bi""g .v" AS SELECT "I d", "Tot al""." FROM ${T} WHERE "Tot al""." > 100;
    CREATE TRIGGER "To""uch .t" AFTER UPDATE ON ${T} BEGIN UPDATE ${T} SET "No te" = 'touched' WHERE "I d" = NEW."I d" AND "No te" IS NULL; END`;
}

const cases: SchemaSqlCase[] = [
  {
    title: 'a table created',
    a: `CREATE TABLE "Ne""w .t" ("I d" INTEGER PRIMARY KEY, "Or der" INTEGER REFERENCES ${T} ("I d"))`,
    finds: 'added table',
    destroys: null,
  },
  {
    title: 'a table made STRICT',
    a: `PRAGMA foreign_keys = OFF; CREATE TABLE "x" ("I d" INTEGER PRIMARY KEY AUTOINCREMENT, "Na""me" TEXT UNIQUE) STRICT; INSERT INTO "x" SELECT * FROM ${R}; DROP TABLE ${R}; ALTER TABLE "x" RENAME TO ${R}`,
    finds: 'changed table',
  },
  {
    title: 'a table dropped',
    a: '',
    b: `CREATE TABLE "Ne""w .t" ("I d" INTEGER)`,
    finds: 'removed table',
    destroys: /^table "main"\."Ne""w \.t" and its rows$/,
  },
  { title: 'a plain column added', a: `ALTER TABLE ${T} ADD COLUMN "Ra""te" REAL NOT NULL DEFAULT 1.5`, finds: 'added column', destroys: null },
  { title: 'a column added that ADD COLUMN refuses (a rebuild)', a: recreateOrders({ extra: `"A t" TEXT DEFAULT CURRENT_TIMESTAMP` }), finds: 'added column' },
  { title: "a column's type changed", a: recreateOrders({ total: `"Tot al""." REAL NOT NULL DEFAULT 0` }), finds: 'changed column' },
  { title: "a column's default and nullability changed", a: recreateOrders({ total: `"Tot al""." NUMERIC DEFAULT 7` }), finds: 'changed column' },
  {
    title: 'a column dropped',
    a: `DROP INDEX "By ""note"". i"; DROP TRIGGER "To""uch .t"; ALTER TABLE ${T} DROP COLUMN "No te"`,
    finds: 'removed column',
    destroys: /^columns "No te" of "main"\."Or""ders \.T" and their values$/,
  },
  { title: 'a unique constraint added', a: recreateOrders({ note: `"No te" TEXT UNIQUE` }), finds: 'added unique' },
  { title: 'a named check changed', a: recreateOrders({ check: `CONSTRAINT "Po""s .c" CHECK ("Tot al""." >= -1)` }), finds: 'changed check' },
  { title: 'a foreign key dropped', a: recreateOrders({ customer: `"Cu.st" INTEGER` }), finds: 'removed foreign key' },
  {
    title: 'a foreign key changed',
    a: recreateOrders({ customer: `"Cu.st" INTEGER REFERENCES ${R} ("I d") ON DELETE SET NULL` }),
    finds: 'changed foreign key',
  },
  { title: 'a primary key changed', a: recreateOrders({ id: `"I d" INTEGER NOT NULL`, extra: `PRIMARY KEY ("I d", "Cu.st")` }), finds: 'changed primary key' },
  { title: 'an index created', a: `CREATE UNIQUE INDEX "Lo""wer .i" ON ${R} (lower("Na""me")) WHERE "I d" > 0`, finds: 'added index', destroys: null },
  { title: 'an index changed', a: `DROP INDEX "By ""note"". i"; CREATE INDEX "By ""note"". i" ON ${T} ("No te" DESC)`, finds: 'changed index' },
  { title: 'an index dropped', a: `DROP INDEX "By ""note"". i"`, finds: 'removed index', destroys: /^index / },
  { title: 'a view created', a: `CREATE VIEW "Sm""all" AS SELECT "I d" FROM "Bi""g .v"`, finds: 'added view', destroys: null },
  { title: 'a view changed', a: `DROP VIEW "Bi""g .v"; CREATE VIEW "Bi""g .v" AS SELECT "I d" FROM ${T}`, finds: 'changed view' },
  { title: 'a view dropped', a: `DROP VIEW "Bi""g .v"`, finds: 'removed view' },
  { title: 'a trigger created', a: `CREATE TRIGGER "Ne""w .t" BEFORE INSERT ON ${R} BEGIN SELECT 1; END`, finds: 'added trigger', destroys: null },
  {
    title: 'a trigger changed',
    a: `DROP TRIGGER "To""uch .t"; CREATE TRIGGER "To""uch .t" AFTER DELETE ON ${T} BEGIN SELECT 2; END`,
    finds: 'changed trigger',
  },
  { title: 'a trigger dropped', a: `DROP TRIGGER "To""uch .t"`, finds: 'removed trigger' },
];

async function database(dir: string, name: string, script: string, from = base): Promise<{ driver: Driver; path: string }> {
  const path = join(dir, name);
  execSqlite(path, from + script);
  return { driver: await sqlite.connect(sqliteTarget(path, dir).connection), path };
}

const read = (driver: Driver): Promise<SchemaModel> => sqlite.schema.read(driver);

describe('the SQL that makes B like A, on SQLite', () => {
  it.each([
    { title: 'builds the whole schema in an empty file', a: base, b: '' },
    { title: 'drops the whole schema from a file', a: '', b: base },
  ])('$title', async ({ a, b }) => {
    const dir = tempDir();
    const wanted = await database(dir, 'a.sqlite', '', a);
    const current = await database(dir, 'b.sqlite', '', b);
    try {
      const A = await read(wanted.driver);
      const B = await read(current.driver);
      const sql = sqlite.schema.sqlToMatch(B, A, diffSchemas(B, A));
      await current.driver.close();
      execSqlite(current.path, sql.statements.map((s) => `${s.sql};`).join('\n'));
      const again = await sqlite.connect(sqliteTarget(current.path, dir).connection);
      try {
        expect(allDifferences(diffSchemas(await read(again), A)).map((d) => `${d.change} ${d.key}`)).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await wanted.driver.close();
      await current.driver.close();
    }
  });

  it('drops a table before the table its foreign key references, with rows in both and foreign keys on', async () => {
    const dir = tempDir();
    const current = await database(
      dir,
      'b.sqlite',
      '',
      'CREATE TABLE a (id integer PRIMARY KEY); CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id)); INSERT INTO a VALUES (1); INSERT INTO b VALUES (1, 1);',
    );
    const wanted = await database(dir, 'a.sqlite', '', '');
    try {
      const B = await read(current.driver);
      const A = await read(wanted.driver);
      const sql = sqlite.schema.sqlToMatch(B, A, diffSchemas(B, A));
      expect(sql.statements.map((s) => s.sql)).toEqual(['DROP TABLE "main"."b"', 'DROP TABLE "main"."a"']);
      await current.driver.close();
      execSqlite(current.path, `PRAGMA foreign_keys = ON; ${sql.statements.map((s) => `${s.sql};`).join('\n')}`);
      expect(sqliteRows(current.path, "SELECT name FROM sqlite_schema WHERE type = 'table'")).toEqual([]);
    } finally {
      await wanted.driver.close();
      await current.driver.close();
    }
  });

  it.each(cases)('$title: the diff finds it, and after the SQL runs on B nothing differs and the rows stay', async ({ a, b, finds, destroys }) => {
    const dir = tempDir();
    const wanted = await database(dir, 'a.sqlite', a);
    const current = await database(dir, 'b.sqlite', b ?? '');
    try {
      const A = await read(wanted.driver);
      const B = await read(current.driver);
      const diff = diffSchemas(B, A);
      expect(allDifferences(diff).map((d) => `${d.change} ${d.kind}`)).toContain(finds);

      const sql = sqlite.schema.sqlToMatch(B, A, diff);
      expect(sql.notCovered).toEqual([]);
      expectDestroyed(sql, destroys);
      await current.driver.close();
      execSqlite(current.path, sql.statements.map((s) => `${s.sql};`).join('\n'));

      const again = await sqlite.connect(sqliteTarget(current.path, dir).connection);
      try {
        const after = diffSchemas(await read(again), A);
        expect(allDifferences(after).map((d) => `${d.change} ${d.key} ${JSON.stringify(d.attributes)}`)).toEqual([]);
      } finally {
        await again.close();
      }
      expect(sqliteRows(current.path, `SELECT "I d" FROM ${T} ORDER BY 1`)).toEqual([{ 'I d': 1 }, { 'I d': 2 }]);
      expect(sqliteRows(current.path, 'PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      await wanted.driver.close();
      await current.driver.close();
    }
  });
});
