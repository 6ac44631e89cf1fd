// Opening the encrypted store and listing 1,000 profiles, beside the same listing on a plain SQLite file.
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';
import { openStore } from '../../src-main/store/openStore';
import { ProfileRepository } from '../../src-main/store/profileRepository';
import { storeMigrations } from '../../src-main/store/schema';
import { medianMs, withBaseline, type BenchmarkSuite } from './harness';

const profileCount = 1000;

function fill(profiles: ProfileRepository): void {
  for (let i = 0; i < profileCount; i += 1) {
    profiles.create({
      name: `db-${String(i).padStart(4, '0')}`,
      environment: (['dev', 'test', 'staging', 'prod'] as const)[i % 4] ?? 'dev',
      engine: 'postgres',
      host: `host-${i}.example.internal`,
      port: 5432,
      database: `app_${i}`,
      user: `user_${i}`,
      sslMode: 'require',
      sslCaFile: '',
      sqlitePath: '',
      readOnly: false,
      notes: '',
      projectDir: '',
      projectFormat: 'auto',
      alembicCommand: '',
      password: `secret-${i}`,
    });
  }
}

export const storeSuite: BenchmarkSuite = {
  name: 'encrypted store',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-store-'));
    const plainDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-plain-'));
    try {
      const keys = passphraseKeyProvider('bench passphrase');
      const seeded = await openStore(dir, keys);
      seeded.transaction(() => fill(new ProfileRepository(seeded)))();
      seeded.close();

      const plain = new Database(join(plainDir, 'plain.db'));
      plain.pragma('journal_mode = WAL');
      for (const migration of storeMigrations) plain.exec(migration.sql);
      plain.transaction(() => fill(new ProfileRepository(plain)))();

      const openAndList = await medianMs(async () => {
        const db = await openStore(dir, keys);
        new ProfileRepository(db).list();
        db.close();
      });
      const encrypted = await openStore(dir, keys);
      const encryptedList = await medianMs(() => new ProfileRepository(encrypted).list(), 21);
      const plainList = await medianMs(() => new ProfileRepository(plain).list(), 21);
      encrypted.close();
      plain.close();
      return [
        { name: 'store: unlock (scrypt) + open + list 1,000 profiles', value: openAndList, unit: 'ms', goal: '< 1000 ms: unlocking stays a blink' },
        withBaseline({
          name: 'store: list 1,000 profiles, encrypted vs plain SQLite',
          value: encryptedList,
          baseline: plainList,
          unit: 'ms',
          goal: 'ratio < 3: encryption costs little',
        }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(plainDir, { recursive: true, force: true });
    }
  },
};
