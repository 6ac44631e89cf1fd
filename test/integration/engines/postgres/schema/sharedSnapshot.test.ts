// A large PostgreSQL database's schema read shared out among three sessions on one exported snapshot:
// the same model as a read on one session, and where the server refuses to share (a role that may not
// export a snapshot, a connection limit) the read goes on alone and its notes say why.
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import type { SchemaModel } from '../../../../../src-shared/model/schema';
import { connect } from '../../../../../src-main/drivers/connect';
import type { ConnectionTarget } from '../../../../../src-main/drivers/driver';
import { quoteIdentifier as q } from '../../../../../src-main/drivers/identifier';
import { engineFor } from '../../../../../src-main/engines/engineFor';
import { adminQuery } from '../../../../support/scratchDatabase';

const server = inject('postgres');
const schema = 'Wide "Sch".ema';

function target(database: string, user = server.user, password = server.password): ConnectionTarget {
  return { engine: 'postgres', ...server, user, password, database, sslMode: 'disable', sslCaFile: '', sqlitePath: '', readOnly: false };
}

const S = q(schema);
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

// 250 tables (a read of 200 relations or more is shared), each with hostile names, an index, a foreign key and a comment; a view and a function on them.
const wideSchema = `
CREATE SCHEMA ${S};
DO $$ BEGIN
  FOR i IN 1..250 LOOP
    EXECUTE format('CREATE TABLE %I.%I ("I d" int PRIMARY KEY, "Pa""rent" int REFERENCES %I.%I ("I d"), "Na me" text COLLATE "C" NOT NULL DEFAULT ''x'')',
                   ${literal(schema)}, 'T "' || i || '".t', ${literal(schema)}, 'T "' || greatest(i - 1, 1) || '".t');
    EXECUTE format('CREATE INDEX %I ON %I.%I ("Na me" DESC, "Pa""rent")', 'Ix ' || i, ${literal(schema)}, 'T "' || i || '".t');
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', ${literal(schema)}, 'T "' || i || '".t', 'table ' || i);
  END LOOP;
END $$;
CREATE VIEW ${S}."Fir""st" AS SELECT "I d", "Na me" FROM ${S}.${q('T "1".t')};
CREATE FUNCTION ${S}."Co unt"() RETURNS bigint LANGUAGE sql STABLE AS $fn$ SELECT count(*) FROM ${S}.${q('T "2".t')} $fn$;
`;

/** A role of its own, dropped after the test (roles are the server's, not the database's). */
async function role(name: string, options: string): Promise<ConnectionTarget> {
  const role = `${name}_${process.pid}`;
  await adminQuery(server, `CREATE ROLE ${role} LOGIN ${options} PASSWORD 'shared-read-pw'`);
  onTestFinished(async () => {
    await adminQuery(server, `DROP OWNED BY ${role}`, database);
    await adminQuery(server, `DROP ROLE ${role}`);
  });
  return target(database, role, 'shared-read-pw');
}

async function read(where: ConnectionTarget): Promise<SchemaModel> {
  const driver = await connect(where);
  try {
    return await engineFor('postgres').schema.read(driver);
  } finally {
    await driver.close();
  }
}

const withoutNotes = ({ notes: _notes, ...model }: SchemaModel) => model;

// One database for the file: 250 tables take a while to make.
const database = `shared read ${process.pid}`;
beforeAll(async () => {
  await adminQuery(server, `CREATE DATABASE ${q(database)}`);
  await adminQuery(server, wideSchema, database);
}, 120_000);
afterAll(async () => {
  await adminQuery(server, `DROP DATABASE IF EXISTS ${q(database)} WITH (FORCE)`);
});

describe('a large PostgreSQL schema read shared among sessions', () => {
  it('reads the same model on three sessions as on one, and says when another session could not join', async () => {
    const shared = await read(target(database));
    expect(shared.notes).toBeUndefined();
    expect(shared.objects.filter((object) => object.kind === 'table')).toHaveLength(250);
    expect(shared.objects.filter((object) => object.kind === 'foreign key')).toHaveLength(250);
    expect(shared.objects.filter((object) => object.kind === 'comment')).toHaveLength(250);

    // One connection at a time for this role: the other two sessions are refused, the read goes on alone.
    const alone = await read(await role('shared_read_limited', 'CONNECTION LIMIT 1'));
    expect(alone.notes).toEqual([
      expect.stringMatching(/^Read on one connection instead of 3: 2 other sessions could not join it \(.*too many connections.*\)\.$/),
    ]);
    expect(JSON.stringify(withoutNotes(alone))).toBe(JSON.stringify(shared));
  });

  it('reads on one session, and says so, when the role may not export its snapshot', async () => {
    const shared = await read(target(database));
    await adminQuery(server, 'REVOKE EXECUTE ON FUNCTION pg_export_snapshot() FROM PUBLIC', database);
    onTestFinished(async () => {
      await adminQuery(server, 'GRANT EXECUTE ON FUNCTION pg_export_snapshot() TO PUBLIC', database);
    });
    const refused = await read(await role('shared_read_no_export', ''));
    expect(refused.notes).toEqual([
      expect.stringMatching(
        /^Read on one connection instead of 3: the server would not share this read's snapshot with another session \(.*pg_export_snapshot.*\)\.$/,
      ),
    ]);
    expect(JSON.stringify(withoutNotes(refused))).toBe(JSON.stringify(shared));
  });

  // Last: it drops the file's database.
  it('leaves no session of its own behind: the database drops at once, without forcing anyone out', async () => {
    expect((await read(target(database))).notes).toBeUndefined();
    // Without FORCE the server refuses while another session is on it (after waiting 5 s for one that is ending).
    await adminQuery(server, `DROP DATABASE ${q(database)}`);
  });
});
