// The peer check: on two generated PostgreSQL schemas of 200 tables with 50 differences between them,
// every object @pgkit/migra (a schema-diff tool on npm) writes a statement for, Switchyard's diff
// reports too. Each of migra's statements is read back to the object it acts on; a statement of a
// form this test cannot read fails it, so nothing migra finds is skipped unseen.
import { createClient } from '@pgkit/client';
import { Migration } from '@pgkit/migra';
import { describe, expect, inject, it } from 'vitest';
import type { SchemaModel, SchemaObject } from '../../../src-shared/model/schema';
import { allDifferences, diffSchemas } from '../../../src-shared/schema/schemaDiff';
import { engineFor } from '../../../src-main/engines/engineFor';
import { postgresTarget } from '../../support/migrationTargets';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';

const server = inject('postgres');
const postgres = engineFor('postgres');

const tableCount = 200;
const name = (i: number) => `t${String(i).padStart(3, '0')}`;

/** Both sides: 200 tables, each with a serial key, a few columns, an index and a foreign key to the one before. */
function baseSchema(): string {
  const lines: string[] = [`CREATE TYPE public.mood AS ENUM ('sad', 'ok')`];
  for (let i = 1; i <= tableCount; i += 1) {
    const t = name(i);
    lines.push(
      `CREATE TABLE public.${t} (id serial PRIMARY KEY, label text, amount numeric(10,2) DEFAULT 0, created_at timestamptz DEFAULT now(), ` +
        `parent integer${i > 1 ? ` REFERENCES public.${name(i - 1)} (id)` : ''})`,
      `CREATE INDEX ${t}_label_idx ON public.${t} (label)`,
    );
  }
  lines.push(`CREATE VIEW public.v001 AS SELECT id, label FROM public.t001`);
  return lines.join(';\n');
}

/** Ten kinds of change, each applied to five tables of A: 50 differences. */
const changes: Array<(t: string, i: number) => string> = [
  (t) => `ALTER TABLE public.${t} ADD COLUMN note text`,
  (t) => `ALTER TABLE public.${t} DROP COLUMN created_at`,
  (t) => `ALTER TABLE public.${t} ALTER COLUMN amount TYPE numeric(14,4)`,
  (t) => `ALTER TABLE public.${t} ALTER COLUMN amount SET DEFAULT 1`,
  (t) => `ALTER TABLE public.${t} ALTER COLUMN label SET NOT NULL`,
  (t) => `CREATE INDEX ${t}_amount_idx ON public.${t} (amount) WHERE amount > 0`,
  (t) => `DROP INDEX public.${t}_label_idx`,
  (t) => `ALTER TABLE public.${t} ADD CONSTRAINT ${t}_positive CHECK (amount >= 0)`,
  (t) => `ALTER TABLE public.${t} DROP CONSTRAINT ${t}_parent_fkey`,
  (t, i) => `CREATE TABLE public.extra_${i} (id integer PRIMARY KEY, owner integer REFERENCES public.${t} (id))`,
];

function differences(): string {
  const lines: string[] = [];
  for (let n = 0; n < 50; n += 1) {
    const i = 2 + n * 4;
    lines.push((changes[n % changes.length] as (t: string, i: number) => string)(name(i), i));
  }
  return lines.join(';\n');
}

const q = `"((?:[^"]|"")+)"`;
const unquote = (s: string | undefined) => (s ?? '').replaceAll('""', '"');

/**
 * The object a migra statement acts on, as `table` or `table.member` (a column, constraint or index
 * of that table), in public; null for a statement of a form not known here.
 */
function objectOf(statement: string, indexTables: Map<string, string>): string | null {
  const s = statement.trim();
  let m = new RegExp(`^alter table "public"\\.${q} (?:add|drop|alter) column (?:if exists )?${q}`, 'i').exec(s);
  if (m) return `${unquote(m[1])}.${unquote(m[2])}`;
  m = new RegExp(`^alter table "public"\\.${q} (?:add|drop) constraint (?:if exists )?${q}`, 'i').exec(s);
  if (m) return `${unquote(m[1])}.${unquote(m[2])}`;
  m = new RegExp(`^alter table "public"\\.${q} validate constraint ${q}`, 'i').exec(s);
  if (m) return `${unquote(m[1])}.${unquote(m[2])}`;
  m = /^create (?:unique )?index (?:concurrently )?(?:"([^"]+)"|(\S+)) on (?:only )?(?:"?public"?)\.(?:"([^"]+)"|(\w+))/i.exec(s);
  if (m) return `${m[3] ?? m[4]}.${m[1] ?? m[2]}`;
  m = new RegExp(`^drop index (?:if exists )?"public"\\.${q}`, 'i').exec(s);
  if (m) return `${indexTables.get(unquote(m[1])) ?? '?'}.${unquote(m[1])}`;
  m = new RegExp(`^(?:create|drop) (?:table|view|sequence|type) (?:if exists )?"public"\\.${q}`, 'i').exec(s);
  if (m) return unquote(m[1]);
  m = new RegExp(`^alter sequence "public"\\.${q}`, 'i').exec(s);
  if (m) return unquote(m[1]);
  return null;
}

async function readSchema(database: string): Promise<SchemaModel> {
  const driver = await postgres.connect(postgresTarget(server, database, '').connection);
  try {
    return await postgres.schema.read(driver);
  } finally {
    await driver.close();
  }
}

/** The name of the table an object belongs to: the last part of its parent's key. */
function tableOf(object: SchemaObject): string {
  return unquote(/"((?:[^"]|"")+)"$/.exec(object.parent ?? '')?.[1]);
}

/** An object as objectOf spells it: `table`, or `table.member`. */
function spelled(object: SchemaObject): string {
  return object.parent === null ? object.name : `${tableOf(object)}.${object.name}`;
}

describe('the schema diff beside @pgkit/migra', () => {
  it('finds every difference migra finds between two schemas of 200 tables that differ in 50 places', async () => {
    const a = await scratchDatabase(server, 'peer_a');
    const b = await scratchDatabase(server, 'peer_b');
    await adminQuery(server, baseSchema(), a);
    await adminQuery(server, baseSchema(), b);
    await adminQuery(server, differences(), a);

    const url = (database: string) => `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`;
    const [fromPeer, toPeer] = [createClient(url(b)), createClient(url(a))];
    let statements: string[];
    try {
      const migration = await Migration.create(fromPeer, toPeer, {});
      migration.set_safety(false);
      migration.add_all_changes();
      statements = migration.sql
        .split(/;\s*\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    } finally {
      await fromPeer.end();
      await toPeer.end();
    }

    const B = await readSchema(b);
    const A = await readSchema(a);
    const found = new Set(allDifferences(diffSchemas(B, A)).map((d) => spelled((d.to ?? d.from) as SchemaObject)));
    // migra drops an index by name alone: the table is the one either side has it on.
    const indexTables = new Map([...A.objects, ...B.objects].filter((o) => o.kind === 'index').map((o) => [o.name, tableOf(o)]));

    const read = statements.map((s) => ({ statement: s, object: objectOf(s, indexTables) }));
    expect(read.filter((r) => r.object === null).map((r) => r.statement)).toEqual([]);
    expect(read.length).toBeGreaterThanOrEqual(50);
    expect(read.filter((r) => !found.has(r.object as string)).map((r) => `${r.object}: ${r.statement}`)).toEqual([]);
  });
});
