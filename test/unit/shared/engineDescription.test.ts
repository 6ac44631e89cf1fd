import { describe, expect, it } from 'vitest';
import { databaseNameOf, databasePlaceOf, engineDescriptions } from '../../../src-shared/model/engineDescription';
import { engineUses, engines, profileFieldNames } from '../../../src-shared/model/profile';

const server = { engine: 'postgres', host: 'db.internal', port: 5433, database: 'orders', sqlitePath: '' } as const;
const file = { engine: 'sqlite', host: '', port: 5432, database: '', sqlitePath: '/home/ana/work/demo.sqlite' } as const;

describe('what the app shows of each engine', () => {
  it('names the database as a user knows it: the server database, or the file name', () => {
    expect(databaseNameOf(server)).toBe('orders');
    expect(databaseNameOf(file)).toBe('demo.sqlite');
    expect(databaseNameOf({ ...file, sqlitePath: 'C:\\data\\shop.db' })).toBe('shop.db');
  });

  it('places a connection in the list by host, port and database, or by engine and file', () => {
    expect(databasePlaceOf(server)).toBe('db.internal:5433/orders');
    expect(databasePlaceOf(file)).toBe('SQLite · demo.sqlite');
  });

  it("gives a file engine's form no host, port, user or SSL fields, and a server engine's no file", () => {
    const fieldsOf = (engine: (typeof engines)[number]) => profileFieldNames.filter((name) => engineUses(engine, name));
    expect(fieldsOf('sqlite')).toContain('sqlitePath');
    for (const field of ['host', 'port', 'user', 'sslMode', 'sslCaFile'] as const) expect(engineUses('sqlite', field)).toBe(false);
    expect(engineUses('postgres', 'sqlitePath')).toBe(false);
    for (const engine of engines) for (const field of ['name', 'environment', 'projectDir', 'readOnly'] as const) expect(engineUses(engine, field)).toBe(true);
  });

  it('says which engines copy only an idle database (the dialogs list whom a copy disconnects)', () => {
    expect(engines.filter((engine) => engineDescriptions[engine].copyEndsSessions)).toEqual(['postgres']);
    expect(engines.filter((engine) => engineDescriptions[engine].uri)).toEqual(['postgres']);
  });
});
