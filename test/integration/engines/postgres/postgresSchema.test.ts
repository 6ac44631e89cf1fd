// The schema model of a real PostgreSQL database: every kind of object created with hostile names
// (quotes, spaces, mixed case, dots) and read back with its attributes, its dependencies and its
// server-printed definition; what the model does not hold is reported; extensions' own objects are
// left to the extension; and the number of statements does not grow with the number of tables.
import { describe, expect, inject, it } from 'vitest';
import { schemaObjectKey, type SchemaModel, type SchemaObject, type SchemaObjectKind, type SchemaObjectOf } from '../../../../src-shared/model/schema';
import { connect } from '../../../../src-main/drivers/connect';
import type { ConnectionTarget, Driver } from '../../../../src-main/drivers/driver';
import { quoteIdentifier as q } from '../../../../src-main/drivers/identifier';
import { engineFor } from '../../../../src-main/engines/engineFor';
import { scratchDatabase } from '../../../support/scratchDatabase';

const server = inject('postgres');
const schema = 'Sales & "Ops".v2';
const S = q(schema);
const customer = 'Customer "A".b';
const lines = 'Order Lines';

function target(database: string): ConnectionTarget {
  return { engine: 'postgres', ...server, database, sslMode: 'disable', sslCaFile: '', sqlitePath: '', readOnly: false };
}

const everyKind = `
CREATE SCHEMA ${S};
CREATE EXTENSION citext WITH SCHEMA ${S};
CREATE TYPE ${S}."Mood ""x"".e" AS ENUM ('sad', 'it''s ok', 'happy');
CREATE DOMAIN ${S}."Positive.Amount" AS numeric(10,2) DEFAULT 0 NOT NULL CHECK (VALUE >= 0);
CREATE SEQUENCE ${S}."Ticket Seq" AS integer START 100 INCREMENT 5 CACHE 2 CYCLE;
CREATE TABLE ${S}.${q(customer)} (
  "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "E Mail" text COLLATE "C" NOT NULL UNIQUE,
  mood ${S}."Mood ""x"".e" DEFAULT 'happy',
  moods ${S}."Mood ""x"".e"[],
  nick ${S}.citext
);
CREATE TABLE ${S}.${q(lines)} (
  id serial PRIMARY KEY,
  "Customer Id" bigint NOT NULL REFERENCES ${S}.${q(customer)} ("Id") ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  amount ${S}."Positive.Amount",
  qty int CONSTRAINT "qty > 0" CHECK (qty > 0),
  total int GENERATED ALWAYS AS (qty * 2) STORED,
  during tsrange,
  ticket int DEFAULT nextval('${S.replaceAll("'", "''")}."Ticket Seq"'),
  CONSTRAINT "no ""overlap""" EXCLUDE USING gist (during WITH &&)
);
CREATE INDEX "Lines by qty" ON ${S}.${q(lines)} (qty DESC NULLS LAST) INCLUDE (amount) WHERE qty > 1;
CREATE INDEX ON ${S}.${q(lines)} (qty, "Customer Id");
CREATE UNIQUE INDEX "Upper.Email" ON ${S}.${q(customer)} (upper("E Mail"));
CREATE VIEW ${S}."Big ""Orders"".v" AS
  SELECT l.id, l.qty, c."E Mail"
    FROM ${S}.${q(lines)} l JOIN ${S}.${q(customer)} c ON c."Id" = l."Customer Id" WHERE l.qty > 10;
CREATE MATERIALIZED VIEW ${S}."Totals.mv" AS SELECT "Customer Id", sum(qty) AS qty FROM ${S}.${q(lines)} GROUP BY 1;
CREATE INDEX "Totals by customer" ON ${S}."Totals.mv" ("Customer Id");
CREATE FUNCTION ${S}."Touch ""It"""(p_id integer, "p Note" text DEFAULT 'x') RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT p_id + 1 $$;
CREATE FUNCTION ${S}."Audit.fn"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE PROCEDURE ${S}."Archive Proc"(n int) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TRIGGER "Audit ""Trg""" BEFORE INSERT OR UPDATE OF qty ON ${S}.${q(lines)}
  FOR EACH ROW WHEN (NEW.qty > 0) EXECUTE FUNCTION ${S}."Audit.fn"();
ALTER TABLE ${S}.${q(lines)} ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Own ""Lines""" ON ${S}.${q(lines)} AS RESTRICTIVE FOR SELECT TO PUBLIC USING (qty > 0);
COMMENT ON TABLE ${S}.${q(lines)} IS 'Lines of ''orders''';
COMMENT ON COLUMN ${S}.${q(lines)}.qty IS 'how many';
CREATE TABLE ${S}."Events" (id int, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE ${S}."Events 2026" PARTITION OF ${S}."Events" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE ${S}."Base" (note text);
CREATE TABLE ${S}."Child" (extra int) INHERITS (${S}."Base");
CREATE UNLOGGED TABLE ${S}."Scratch" (x int);
CREATE TYPE ${S}."Pair" AS (a int, b int);
CREATE RULE "No Delete" AS ON DELETE TO ${S}."Scratch" DO INSTEAD NOTHING;
CREATE AGGREGATE ${S}."My Sum"(int) (sfunc = int4pl, stype = int);
`;

async function withDatabase<T>(sql: string, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = await connect(target(await scratchDatabase(server, 'schema model')));
  try {
    await driver.execScript(sql);
    return await work(driver);
  } finally {
    await driver.close();
  }
}

function find<K extends SchemaObjectKind>(model: SchemaModel, kind: K, path: string[], signature?: string): SchemaObjectOf<K> {
  const key = schemaObjectKey(kind, path, signature);
  const object = model.objects.find((candidate) => candidate.key === key);
  if (!object) throw new Error(`${key} is not in the model: ${model.objects.map((o) => o.key).join('\n')}`);
  return object as SchemaObjectOf<K>;
}

const has = (model: SchemaModel, key: string) => model.objects.some((object) => object.key === key);
const key = (kind: SchemaObjectKind, ...path: string[]) => schemaObjectKey(kind, [schema, ...path]);

describe('the PostgreSQL schema model', () => {
  it('reads every kind of object, hostile names and all, with the attributes a diff compares', async () => {
    await withDatabase(everyKind, async (driver) => {
      const model = await engineFor('postgres').schema.read(driver);
      expect(model.engine).toBe('postgres');
      expect(model.serverVersion).toMatch(/^\d+/);

      expect(find(model, 'schema', [schema]).definition).toBe(`CREATE SCHEMA ${S}`);
      expect(find(model, 'extension', ['citext']).attributes).toMatchObject({ schema });
      expect(find(model, 'enum', [schema, 'Mood "x".e'])).toMatchObject({
        attributes: { labels: ['sad', "it's ok", 'happy'] },
        definition: `CREATE TYPE ${S}."Mood ""x"".e" AS ENUM ('sad', 'it''s ok', 'happy')`,
      });
      expect(find(model, 'domain', [schema, 'Positive.Amount']).attributes).toEqual({
        type: 'numeric(10,2)',
        nullable: false,
        default: '0',
        collation: null,
        checks: ['CHECK ((VALUE >= (0)::numeric))'],
      });
      expect(find(model, 'sequence', [schema, 'Ticket Seq']).attributes).toEqual({
        type: 'integer',
        start: '100',
        increment: '5',
        min: '1',
        max: '2147483647',
        cache: '2',
        cycle: true,
        ownedBy: null,
      });

      // Columns: identity, collation, enum default, generated, domain; the table needs its enum first.
      expect(find(model, 'column', [schema, customer, 'Id']).attributes).toMatchObject({ type: 'bigint', nullable: false, identity: 'always', position: 1 });
      expect(find(model, 'column', [schema, customer, 'E Mail'])).toMatchObject({
        attributes: { collation: '"C"', nullable: false },
        definition: '"E Mail" text COLLATE "C" NOT NULL',
      });
      expect(find(model, 'column', [schema, customer, 'mood']).attributes.default).toContain("'happy'");
      expect(find(model, 'column', [schema, customer, 'moods']).dependsOn).toContain(key('enum', 'Mood "x".e'));
      expect(find(model, 'column', [schema, customer, 'nick']).dependsOn).toContain(schemaObjectKey('extension', ['citext']));
      expect(find(model, 'table', [schema, customer]).dependsOn).toEqual(
        expect.arrayContaining([key('enum', 'Mood "x".e'), schemaObjectKey('schema', [schema])]),
      );
      expect(find(model, 'column', [schema, lines, 'total']).attributes).toMatchObject({ generated: '(qty * 2)', generatedKind: 'stored', default: null });
      expect(find(model, 'column', [schema, lines, 'amount']).dependsOn).toContain(key('domain', 'Positive.Amount'));
      expect(find(model, 'column', [schema, lines, 'ticket']).dependsOn).toContain(key('sequence', 'Ticket Seq'));

      // The serial's sequence is made up and owned; the identity's is the column's own.
      expect(find(model, 'sequence', [schema, 'Order Lines_id_seq'])).toMatchObject({
        generatedName: true,
        attributes: { ownedBy: key('column', lines, 'id') },
      });
      expect(model.objects.filter((object) => object.kind === 'sequence').map((object) => object.name)).toEqual(['Order Lines_id_seq', 'Ticket Seq']);

      // Constraints, with the names the server made up marked and matched without them.
      const primary = find(model, 'primary key', [schema, customer, 'Customer "A".b_pkey']);
      expect(primary).toMatchObject({ generatedName: true, parent: key('table', customer), attributes: { columns: ['Id'] } });
      expect(primary.matchKey).not.toBe(primary.key);
      expect(find(model, 'unique', [schema, customer, 'Customer "A".b_E Mail_key'])).toMatchObject({ generatedName: true, definition: 'UNIQUE ("E Mail")' });
      const foreign = find(model, 'foreign key', [schema, lines, 'Order Lines_Customer Id_fkey']);
      expect(foreign).toMatchObject({
        generatedName: true,
        attributes: {
          columns: ['Customer Id'],
          referencedTable: key('table', customer),
          referencedColumns: ['Id'],
          onDelete: 'CASCADE',
          onUpdate: 'SET NULL',
          match: 'SIMPLE',
          deferrable: true,
          initiallyDeferred: true,
          validated: true,
        },
      });
      expect(foreign.definition).toContain(`REFERENCES ${S}.${q(customer)}("Id")`);
      expect(foreign.dependsOn).toEqual(expect.arrayContaining([key('table', customer), primary.key, key('column', lines, 'Customer Id')]));
      expect(find(model, 'check', [schema, lines, 'qty > 0'])).toMatchObject({ generatedName: false, attributes: { expression: '(qty > 0)' } });
      expect(find(model, 'exclusion', [schema, lines, 'no "overlap"']).attributes).toMatchObject({ method: 'gist', elements: ['during'], operators: ['&&'] });

      // Indexes: the constraints' own indexes are not indexes of their own.
      expect(find(model, 'index', [schema, 'Lines by qty'])).toMatchObject({
        parent: key('table', lines),
        attributes: { columns: ['qty DESC NULLS LAST'], include: ['amount'], predicate: '(qty > 1)', unique: false, method: 'btree' },
      });
      expect(find(model, 'index', [schema, 'Lines by qty']).definition).toContain(`ON ${S}.${q(lines)} USING btree`);
      expect(find(model, 'index', [schema, 'Order Lines_qty_Customer Id_idx']).generatedName).toBe(true);
      expect(find(model, 'index', [schema, 'Upper.Email']).attributes).toMatchObject({ unique: true, columns: ['upper("E Mail")'] });
      expect(has(model, key('index', 'Order Lines_pkey'))).toBe(false);
      expect(has(model, key('index', 'no "overlap"'))).toBe(false);
      expect(find(model, 'index', [schema, 'Totals by customer']).parent).toBe(key('materialized view', 'Totals.mv'));

      // Views: the query schema-qualified and on one line; what it reads comes first.
      const view = find(model, 'view', [schema, 'Big "Orders".v']);
      expect(view.attributes.query).toContain(`FROM (${S}.${q(lines)} l`);
      expect(view.attributes.query).not.toMatch(/\n| {2}/);
      expect(view.dependsOn).toEqual(
        expect.arrayContaining([key('table', lines), key('table', customer), key('column', lines, 'qty'), key('column', customer, 'E Mail')]),
      );
      expect(find(model, 'materialized view', [schema, 'Totals.mv']).dependsOn).toContain(key('column', lines, 'qty'));

      // Routines.
      const touch = find(model, 'function', [schema, 'Touch "It"'], 'p_id integer, "p Note" text');
      expect(touch.attributes).toMatchObject({ returns: 'integer', language: 'sql', volatility: 'immutable', strict: true, securityDefiner: false });
      expect(touch.attributes.arguments).toBe(`p_id integer, "p Note" text DEFAULT 'x'::text`);
      expect(touch.attributes.bodyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(touch.definition).toMatch(new RegExp(`^CREATE OR REPLACE FUNCTION ${escape(S)}\\."Touch ""It"""\\(`));
      expect(find(model, 'procedure', [schema, 'Archive Proc'], 'IN n integer').attributes.returns).toBeNull();

      // Trigger, policy, row security, comments.
      const trigger = find(model, 'trigger', [schema, lines, 'Audit "Trg"']);
      expect(trigger.attributes).toMatchObject({ timing: 'BEFORE', events: ['INSERT', 'UPDATE OF qty'], level: 'ROW', when: '(new.qty > 0)', enabled: 'O' });
      expect(trigger.dependsOn).toContain(schemaObjectKey('function', [schema, 'Audit.fn'], ''));
      expect(find(model, 'policy', [schema, lines, 'Own "Lines"']).attributes).toEqual({
        command: 'SELECT',
        permissive: false,
        roles: ['PUBLIC'],
        using: '(qty > 0)',
        withCheck: null,
      });
      expect(find(model, 'table', [schema, lines]).attributes.rowSecurity).toBe(true);
      const comment = model.objects.find((object) => object.key === `comment:${key('table', lines)}`);
      expect(comment).toMatchObject({ attributes: { text: "Lines of 'orders'" }, definition: `COMMENT ON TABLE ${S}.${q(lines)} IS 'Lines of ''orders'''` });
      expect(has(model, `comment:${key('column', lines, 'qty')}`)).toBe(true);

      // Partitions and inheritance: inherited columns are the parent's.
      expect(find(model, 'table', [schema, 'Events']).attributes.partitionBy).toBe('RANGE (at)');
      expect(find(model, 'partition', [schema, 'Events 2026'])).toMatchObject({
        parent: key('table', 'Events'),
        attributes: { bound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')" },
      });
      expect(model.objects.filter((object) => object.parent === key('partition', 'Events 2026'))).toEqual([]);
      expect(find(model, 'table', [schema, 'Child']).attributes.inherits).toEqual([key('table', 'Base')]);
      expect(model.objects.filter((object) => object.parent === key('table', 'Child')).map((object) => object.name)).toEqual(['extra']);
      expect(find(model, 'table', [schema, 'Scratch']).attributes.persistence).toBe('unlogged');

      // What the model does not hold is said; citext's own functions and types are the extension's.
      expect(model.unread.map((entry) => entry.object)).toEqual(
        expect.arrayContaining([`composite type ${S}."Pair"`, `rule No Delete on table ${S}."Scratch"`, `aggregate ${S}."My Sum"(integer)`]),
      );
      expect(model.unread.some((entry) => entry.object.includes('citext'))).toBe(false);
      expect(model.objects.some((object) => object.kind !== 'extension' && object.name.includes('citext'))).toBe(false);

      // The contract: sorted, unique keys, dependencies inside the model.
      const keys = model.objects.map((object) => object.key);
      expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(new Set(keys).size).toBe(keys.length);
      const known = new Set(keys);
      expect(model.objects.flatMap((object: SchemaObject) => object.dependsOn.filter((dependency) => !known.has(dependency)))).toEqual([]);
      // Read twice, the same model.
      expect(await engineFor('postgres').schema.read(driver)).toEqual(model);
    });
  });

  it('reads the schemas asked for, and says which of them does not exist', async () => {
    await withDatabase(`CREATE SCHEMA ${S}; CREATE TABLE ${S}.t (id int); CREATE TABLE public.p (id int);`, async (driver) => {
      const model = await engineFor('postgres').schema.read(driver, { schemas: ['public', 'missing one'] });
      // plpgsql lives in pg_catalog, in every database: it is read whatever the schemas asked for.
      expect(model.objects.map((object) => object.key)).toEqual([
        schemaObjectKey('column', ['public', 'p', 'id']),
        'extension:"plpgsql"',
        'schema:"public"',
        'table:"public"."p"',
      ]);
      expect(model.unread).toEqual([{ object: 'schema "missing one"', reason: expect.stringContaining('does not exist') }]);
    });
  });

  it("spells every index as the server's pg_get_indexdef prints it, whatever its shape", async () => {
    const I = `${S}."In dex"`;
    const shapes = `
      CREATE EXTENSION btree_gist WITH SCHEMA ${S};
      CREATE TABLE ${I} ("I d" int, "select" text, "Na Me" text COLLATE "C", v varchar(10), n numeric, at timestamptz, tags text[], r int4range, u uuid, p point);
      CREATE INDEX ON ${I} ("I d"); CREATE INDEX ON ${I} ("select" DESC); CREATE INDEX ON ${I} ("select" NULLS FIRST);
      CREATE INDEX ON ${I} ("select" DESC NULLS LAST); CREATE INDEX ON ${I} ("select" ASC NULLS LAST); CREATE INDEX ON ${I} ("Na Me", v, n);
      CREATE INDEX ON ${I} ("select" COLLATE "C"); CREATE INDEX ON ${I} ("Na Me" COLLATE "default"); CREATE INDEX ON ${I} ("select" text_pattern_ops);
      CREATE INDEX ON ${I} (v varchar_pattern_ops); CREATE INDEX ON ${I} (v text_ops); CREATE INDEX ON ${I} (lower("select"));
      CREATE INDEX ON ${I} ("I d") WHERE "select" IS NOT NULL; CREATE INDEX ON ${I} ("I d") INCLUDE ("select", v);
      CREATE UNIQUE INDEX ON ${I} (u) NULLS NOT DISTINCT; CREATE INDEX ON ${I} USING hash ("select"); CREATE INDEX ON ${I} USING gin (tags);
      CREATE INDEX ON ${I} USING gist (r); CREATE INDEX ON ${I} USING gist (p); CREATE INDEX ON ${I} USING brin (at);
      CREATE INDEX ON ${I} USING brin (at) WITH (pages_per_range = 16); CREATE INDEX ON ${I} USING gist ("I d", r); CREATE INDEX ON ${I} (n) WITH (fillfactor = 70);
      CREATE TABLE ${S}."Pa rt" (k int, at date) PARTITION BY RANGE (at);
      CREATE TABLE ${S}."Pa rt 1" PARTITION OF ${S}."Pa rt" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE INDEX ON ${S}."Pa rt" (k); CREATE INDEX ON ONLY ${S}."Pa rt" (at DESC);`;
    await withDatabase(everyKind + shapes, async (driver) => {
      const model = await engineFor('postgres').schema.read(driver);
      const server = await driver.query<{ schema: string; name: string; definition: string }>(
        `SELECT n.nspname AS schema, c.relname AS name, pg_get_indexdef(c.oid) AS definition FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND NOT c.relispartition AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)`,
        [schema],
      );
      const printed = server.map((row) => [schemaObjectKey('index', [row.schema, row.name]), row.definition]);
      const read = model.objects.filter((object) => object.kind === 'index').map((object) => [object.key, object.definition]);
      expect(printed.length).toBeGreaterThan(25);
      expect(read.sort()).toEqual(printed.sort());
    });
  });

  it("spells every constraint as the server's pg_get_constraintdef prints it, whatever its shape", async () => {
    const P = `${S}."Pa ""rent"`;
    const C = `${S}."Ch.ild"`;
    const O = `"Other ""Sch".x`;
    const shapes = `
      CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA ${S};
      CREATE SCHEMA "Other ""Sch"; CREATE TABLE ${O} (id int PRIMARY KEY);
      CREATE TABLE ${P} ("I d" int, "select" text, "Na Me" text, k int, during tsrange,
        PRIMARY KEY ("I d", "select"), UNIQUE ("Na Me"), UNIQUE NULLS NOT DISTINCT (k), CONSTRAINT "Def ""u""" UNIQUE (k, "Na Me") DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT "u inc" UNIQUE ("select") INCLUDE (k), CONSTRAINT "u def" UNIQUE ("I d") DEFERRABLE,
        CONSTRAINT "no overlap" EXCLUDE USING gist (k WITH =, during WITH &&), CHECK (k > 0));
      CREATE TABLE ${C} (id int, x int, "p I d" int, "p select" text, na text, o int, kk int, PRIMARY KEY (id) INCLUDE (x),
        FOREIGN KEY ("p I d", "p select") REFERENCES ${P} ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT "full" FOREIGN KEY ("p I d", "p select") REFERENCES ${P} ("I d", "select") MATCH FULL ON DELETE SET DEFAULT ON UPDATE SET NULL,
        CONSTRAINT "to unique" FOREIGN KEY (na) REFERENCES ${P} ("Na Me") DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT "set cols" FOREIGN KEY ("p I d", "p select") REFERENCES ${P} ON DELETE SET NULL ("p select"),
        CONSTRAINT "elsewhere" FOREIGN KEY (o) REFERENCES ${O} (id) ON UPDATE CASCADE,
        CONSTRAINT "self" FOREIGN KEY (x) REFERENCES ${C} (id) DEFERRABLE);
      -- NOT VALID holds only when added to a table: CREATE TABLE validates at once.
      ALTER TABLE ${C} ADD CONSTRAINT "not valid" FOREIGN KEY (kk) REFERENCES ${P} (k) NOT VALID;
      ALTER TABLE ${C} ADD CONSTRAINT "not enforced" FOREIGN KEY (kk) REFERENCES ${P} (k) NOT ENFORCED;
      CREATE TABLE ${S}."Range ""Pa""rt" (k int, at date, PRIMARY KEY (k, at)) PARTITION BY RANGE (at);
      CREATE TABLE ${S}."Range 1" PARTITION OF ${S}."Range ""Pa""rt" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      CREATE TABLE ${S}."To Part" (k int, at date, FOREIGN KEY (k, at) REFERENCES ${S}."Range ""Pa""rt");
      CREATE TABLE ${S}."Temporal" (id int, valid tsrange, PRIMARY KEY (id, valid WITHOUT OVERLAPS));
      CREATE TABLE ${S}."Temporal Ref" (id int, valid tsrange, FOREIGN KEY (id, PERIOD valid) REFERENCES ${S}."Temporal" (id, PERIOD valid));`;
    await withDatabase(everyKind + shapes, async (driver) => {
      const model = await engineFor('postgres').schema.read(driver, { schemas: [schema] });
      const server = await driver.query<{ schema: string; table: string; name: string; contype: string; definition: string }>(
        `SELECT n.nspname AS schema, c.relname AS table, k.conname AS name, k.contype, pg_get_constraintdef(k.oid) AS definition
           FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conislocal AND k.conparentid = 0`,
        [schema],
      );
      const kinds: Record<string, SchemaObjectKind> = { p: 'primary key', u: 'unique', f: 'foreign key', c: 'check', x: 'exclusion' };
      const printed = server.map((row) => [schemaObjectKey(kinds[row.contype] ?? 'check', [row.schema, row.table, row.name]), row.definition]);
      const read = model.objects.filter((object) => Object.values(kinds).includes(object.kind)).map((object) => [object.key, object.definition]);
      expect(printed.length).toBeGreaterThan(25);
      expect(read.sort()).toEqual(printed.sort());
      // Each shape the server prints was made: a list of what a spelling here must get right.
      for (const part of [
        'NULLS NOT DISTINCT',
        'INCLUDE',
        'DEFERRABLE INITIALLY DEFERRED',
        'MATCH FULL',
        'ON DELETE SET NULL (',
        'NOT VALID',
        'NOT ENFORCED',
        'WITHOUT OVERLAPS',
        'PERIOD',
        '"Other ""Sch".x',
      ])
        expect(
          printed.some(([, definition]) => definition?.includes(part)),
          part,
        ).toBe(true);
    });
  });

  it('runs the same number of statements for 1 table as for 40', async () => {
    const tables = (count: number) =>
      Array.from(
        { length: count },
        (_, i) =>
          `CREATE TABLE t${i} (id int PRIMARY KEY, parent int REFERENCES t${i} (id), body text CHECK (body <> ''));
           CREATE INDEX ON t${i} (body); CREATE VIEW v${i} AS SELECT * FROM t${i};
           CREATE TRIGGER g${i} BEFORE INSERT ON t${i} FOR EACH ROW EXECUTE FUNCTION f();
           COMMENT ON TABLE t${i} IS 'x';`,
      ).join('\n');
    const statements = async (count: number) =>
      withDatabase(`CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n${tables(count)}`, async (driver) => {
        let sent = 0;
        const counting: Driver = {
          ...driver,
          query: (sql, params) => {
            sent += 1;
            return driver.query(sql, params);
          },
          execScript: (sql) => {
            sent += 1;
            return driver.execScript(sql);
          },
        };
        const model = await engineFor('postgres').schema.read(counting);
        expect(model.objects.filter((object) => object.kind === 'table')).toHaveLength(count);
        return sent;
      });
    const one = await statements(1);
    expect(await statements(40)).toBe(one);
    expect(one).toBeLessThanOrEqual(20);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
