// Store step 6 on a store written by the previous version (schema 5): its profiles keep working and
// start with no exclusion rules; rules set are read back, and go with their profile.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noExclusions } from '../../../src-shared/model/drift';
import { openSqlite } from '../../../src-main/sqliteModule';
import { ExclusionRepository } from '../../../src-main/store/exclusionRepository';
import { storeMigrations } from '../../../src-main/store/schema';
import { tempDir } from '../../support/tempDir';

describe('store step 6: exclusion rules beside the project binding', () => {
  it('gives a schema 5 store no rules, keeps the rules set, and drops them with their profile', () => {
    const db = openSqlite(join(tempDir(), 'store.db'));
    db.exec('PRAGMA foreign_keys = ON');
    for (const migration of storeMigrations.filter((m) => m.version <= 5)) db.exec(migration.sql);
    db.exec(
      `INSERT INTO profiles (id, name, environment, engine, created_at, updated_at, project_dir) VALUES ('p-shop', 'Shop', 'dev', 'sqlite', 'x', 'x', '/m')`,
    );

    db.exec(storeMigrations.find((m) => m.version === 6)?.sql ?? '');
    const exclusions = new ExclusionRepository(db);
    expect(exclusions.get('p-shop')).toEqual(noExclusions);
    const rules = { schemas: ['blog'], namePatterns: ['wp_*'], notFromMigrations: true };
    exclusions.set('p-shop', rules);
    exclusions.set('p-shop', { ...rules, schemas: [] });
    expect(exclusions.get('p-shop')).toEqual({ ...rules, schemas: [] });

    db.exec(`DELETE FROM profiles WHERE id = 'p-shop'`);
    expect(db.prepare('SELECT count(*) AS n FROM project_exclusions').get()).toEqual({ n: 0 });
    db.close();
  });
});
