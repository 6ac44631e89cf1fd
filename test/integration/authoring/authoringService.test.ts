// AuthoringService through the API as the app calls it: the seeds' database, whose alembic_version
// recorded the slip's shape, told what stamp it needs; only a shown preview is ever written.
import Database from 'better-sqlite3-multiple-ciphers';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { callAs } from '../../support/serviceCalls';
import { strayRoot, writeSeedTree } from '../../support/seedTree';
import { tempDir } from '../../support/tempDir';

let services: Services;
const actor = 'tester via desktop';

const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-authoring-'));

beforeAll(async () => {
  services = createServices({ dataDir, onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('authoring test passphrase', { N: 1024, r: 8, p: 1 }));
});
afterAll(() => {
  services.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('authoring through the API', () => {
  it('tells a database that recorded the slip’s shape which stamp it needs after the re-parent (offered, not run)', async () => {
    const dir = tempDir('switchyard-seed-api-');
    writeSeedTree(dir);
    // As `alembic upgrade` left the seed's database: the applied heads of the branches it ran.
    const path = join(dir, 'superinsight.db');
    const db = new Database(path);
    db.exec('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))');
    for (const head of ['sync_001', 'add_business_logic_001', '000_core_tables', strayRoot]) db.prepare('INSERT INTO alembic_version VALUES (?)').run(head);
    db.close();
    await callAs(services, actor, 'profiles.create', {
      profile: { name: 'superinsight', environment: 'dev', engine: 'sqlite', sqlitePath: path, projectDir: dir, projectFormat: 'alembic' },
    });

    const preview = await callAs(services, actor, 'authoring.preview', {
      request: { action: 'reparent', project: dir, revision: strayRoot, parent: 'add_business_logic_001' },
    });
    expect(preview.stamps?.checked).toBe(true);
    expect(preview.stamps?.needs).toEqual([
      expect.objectContaining({
        profile: 'superinsight',
        stampTo: [strayRoot, '000_core_tables', 'sync_001'].sort(),
      }),
    ]);
    // Nothing ran: the bookkeeping is as it was.
    expect((await callAs(services, actor, 'runner.status', { profileId: preview.stamps?.needs[0]?.profileId as string })).records).toHaveLength(4);
  });

  it('refuses a cycle and a merge of a revision that is not a head, writes only a preview it showed, once, and keeps the last write to undo', async () => {
    const dir = tempDir('switchyard-seed-api-');
    writeSeedTree(dir);
    await expect(callAs(services, actor, 'authoring.write', { previewId: '6f1c7f39-8d7e-4d3a-9a51-2b1d6f0e4c11' })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
    await expect(
      callAs(services, actor, 'authoring.preview', { request: { action: 'merge', project: dir, heads: ['one'], message: 'm' } }),
    ).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });

    await expect(
      callAs(services, actor, 'authoring.preview', { request: { action: 'reparent', project: dir, revision: 'd01fd5049733', parent: 'version_lineage_002' } }),
    ).rejects.toMatchObject({ code: 'E_CYCLE' });
    await expect(
      callAs(services, actor, 'authoring.preview', { request: { action: 'merge', project: dir, heads: ['sync_001', 'text_to_sql_001'], message: 'm' } }),
    ).rejects.toMatchObject({ code: 'E_INVALID_INPUT', message: expect.stringContaining('sync_001 is not a head') });
    const preview = await callAs(services, actor, 'authoring.preview', {
      request: { action: 'merge', project: dir, heads: 'all', message: 'merge all heads' },
    });
    const written = await callAs(services, actor, 'authoring.write', { previewId: preview.previewId });
    expect(written.written).toEqual([{ path: preview.revision.file, action: 'created' }]);
    await expect(callAs(services, actor, 'authoring.write', { previewId: preview.previewId })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(await callAs(services, actor, 'authoring.lastWrite', { project: dir })).toMatchObject({ written: written.written });

    await callAs(services, actor, 'authoring.undo', { project: dir });
    expect(await callAs(services, actor, 'authoring.lastWrite', { project: dir })).toBeNull();
    const audit = await callAs(services, actor, 'audit.list', {});
    expect(audit.slice(0, 2).map((e) => [e.action, e.target])).toEqual([
      ['revision.undo', `folder:${dir}`],
      ['revision.write', `folder:${dir}`],
    ]);
  });

  it('refuses a native project that is a numbered chain (its order is its file names) and a format whose tool writes its own files', async () => {
    const chain = tempDir('switchyard-chain-');
    writeFileSync(join(chain, '001_documents.sql'), 'CREATE TABLE documents (id integer);\n');
    writeFileSync(join(chain, '002_tasks.sql'), 'CREATE TABLE tasks (id integer);\n');
    await expect(
      callAs(services, actor, 'authoring.preview', { request: { action: 'new', project: chain, parent: 'head', message: 'm' } }),
    ).rejects.toMatchObject({
      code: 'E_INVALID_PROJECT',
      message: expect.stringContaining('numbered chain'),
    });
    const dbmate = tempDir('switchyard-dbmate-');
    writeFileSync(
      join(dbmate, '20260101000000_documents.sql'),
      '-- migrate:up\nCREATE TABLE documents (id integer);\n-- migrate:down\nDROP TABLE documents;\n',
    );
    await expect(
      callAs(services, actor, 'authoring.preview', { request: { action: 'new', project: dbmate, parent: 'head', message: 'm' } }),
    ).rejects.toMatchObject({ code: 'E_INVALID_PROJECT', message: expect.stringContaining('written by their own tool') });
  });

  it('says that alembic.ini’s post_write_hooks were not run on a new revision', async () => {
    const dir = tempDir('switchyard-seed-hooks-');
    writeSeedTree(dir);
    appendFileSync(join(dir, 'alembic.ini'), '\n[post_write_hooks]\nhooks = black\nblack.type = console_scripts\nblack.entrypoint = black\n');
    const preview = await callAs(services, actor, 'authoring.preview', { request: { action: 'new', project: dir, parent: 'text_to_sql_001', message: 'm' } });
    expect(preview.notes).toContain(
      'alembic.ini runs post_write_hooks (black) on new revisions; Switchyard does not run them, so run them on the new file yourself.',
    );
  });
});
