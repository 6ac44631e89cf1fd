import { describe, expect, it } from 'vitest';
import { parsePopFileName } from '../../../../src-main/formats/pop/popFileName';

describe('pop migration file names', () => {
  it('reads version, name, dialect (by its canonical name), .autocommit and direction', () => {
    expect(parsePopFileName('20240101000001_users.up.sql')).toEqual({
      version: '20240101000001',
      name: 'users',
      dialect: null,
      autocommit: false,
      direction: 'up',
      kind: 'sql',
    });
    expect(parsePopFileName('7_events.postgresql.down.sql')).toMatchObject({ version: '7', dialect: 'postgres', direction: 'down' });
    expect(parsePopFileName('7_events.sqlite.up.sql')).toMatchObject({ dialect: 'sqlite3' });
    expect(parsePopFileName('7_events.crdb.up.sql')).toMatchObject({ dialect: 'cockroach' });
    expect(parsePopFileName('7_idx.postgres.autocommit.up.sql')).toMatchObject({ dialect: 'postgres', autocommit: true });
  });

  it('takes a lone .autocommit as "every dialect, outside a transaction", as popx does', () => {
    expect(parsePopFileName('7_idx.autocommit.up.sql')).toMatchObject({ dialect: null, autocommit: true });
  });

  it('recognises fizz files, and refuses names pop does not match (a dot in the name, upper case, no direction)', () => {
    expect(parsePopFileName('7_widgets.up.fizz')).toMatchObject({ kind: 'fizz' });
    expect(parsePopFileName('7_widgets.v2.sql')).toBeNull();
    expect(parsePopFileName('7_events.Postgres.up.sql')).toBeNull();
    expect(parsePopFileName('V7__events.sql')).toBeNull();
    expect(parsePopFileName('notes.sql')).toBeNull();
  });
});
