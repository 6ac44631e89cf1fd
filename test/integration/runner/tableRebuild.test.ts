// A table rebuilt inside one revision (made under a temporary name, the old one dropped, the new one
// renamed over it; or the old one moved aside first), as SQLite projects do for every column change
// they cannot make in place: found on ory/kratos's sqlite files, whose upgrade the preflight refused
// with "relation already exists" before a single statement ran.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../src-main/sqliteModule';
import { loadInventory } from '../../../src-main/inventory/loadInventory';
import { runTarget } from '../../../src-main/runner/runnerService';
import { sqliteTarget } from '../../support/migrationTargets';
import { tempDir } from '../../support/tempDir';

const project = resolve('test/fixtures/migrations/trial-table-rebuild');

function columns(path: string, table: string): string[] {
  const db = openSqlite(path, { readonly: true });
  try {
    return (db.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('a table rebuilt inside a revision', () => {
  it('upgrades through every rebuild, and the inventory expects the rebuilt table and no temporary one', async () => {
    const target = sqliteTarget(join(tempDir(), 'app.sqlite'), project, { projectFormat: 'dbmate' });
    const run = await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(run.steps.map((s) => s.revision)).toEqual(['20240101090000', '20240201090000', '20240301090000', '20240401090000']);
    expect(columns(target.connection.sqlitePath, 'sessions')).toEqual(['id', 'token', 'expires_at', 'device']);

    const inventory = await loadInventory(target);
    expect(inventory.tables.map((t) => [t.name, t.status]).sort()).toEqual([
      ['schema_migrations', 'bookkeeping'],
      ['sessions', 'ok'],
    ]);
  });
});
