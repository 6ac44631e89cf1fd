// Import connections and Export connections from the window, on the real services: what the preview
// shows (duplicates, passwords, problems) and never carries (a password), what Import creates, and a
// bundle the Export dialog saved opening in a colleague's fresh store with its passwords working.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useConnections } from '../../../../src-renderer/features/connections/connectionsStore';
import { useExport } from '../../../../src-renderer/features/connections/exportStore';
import { fileRefusal, needsPassphrase, useImport } from '../../../../src-renderer/features/connections/importStore';
import { openServices } from '../support/servicesBridge';

const pgpass = readFileSync('test/fixtures/profileImport/pgpass', 'utf8');
const bundlePassphrase = 'a bundle passphrase for my colleague';

/** What the Export dialog handed to the download in each test: the file name and its text, read back from the Blob link. */
function catchDownloads(): { name: string; text: Promise<string> }[] {
  const saved: { name: string; text: Promise<string> }[] = [];
  beforeEach(() => {
    saved.length = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push({ name: '', text: (blob as Blob).text() });
      return 'blob:caught';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const last = saved.at(-1);
      if (last) last.name = this.download;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return saved;
}

describe('Import connections', () => {
  it('previews a .pgpass: each connection with its password said, duplicates of saved ones marked, unreadable lines listed, no password carried', async () => {
    const services = await openServices();
    await call('profiles.create', {
      profile: { name: 'orders', environment: 'dev', engine: 'postgres', host: 'db1.example.internal', port: 5433, database: 'orders', user: 'app' },
    });
    const dialog = useImport.getState();
    dialog.show();
    dialog.choose({ name: '.pgpass', text: pgpass });
    await useImport.getState().runPreview();

    const { preview, error } = useImport.getState();
    expect(error).toBeUndefined();
    expect(preview?.source).toBe('pgpass');
    expect(preview?.candidates.find((c) => c.fields.host === 'db1.example.internal')).toMatchObject({ hasPassword: true, duplicateOf: 'orders' });
    expect(preview?.problems.map((p) => p.where)).toEqual(expect.arrayContaining([expect.stringMatching(/^line \d+$/)]));
    expect(JSON.stringify(preview)).not.toContain('orders pw');

    await useImport.getState().runImport();
    const { result } = useImport.getState();
    expect(result?.skipped.map((c) => c.duplicateOf)).toEqual(['orders']);
    expect(result?.created.length).toBe(preview?.candidates.filter((c) => !c.duplicateOf).length);
    // The connection list shows them at once, and their passwords are in the store.
    expect(useConnections.getState().profiles.map((p) => p.name)).toEqual(expect.arrayContaining(result?.created.map((p) => p.name) ?? []));
    const reports = result?.created.find((p) => p.host === 'reports.example.internal');
    expect(reports && services.session.store.profiles.password(reports.id)).toBe('an:alyst\\pw');
  });

  it('imports duplicates when asked, asks a bundle for its passphrase, and sends the CLI a file too large for the app', async () => {
    await openServices();
    await call('profiles.create', {
      profile: { name: 'one', environment: 'dev', engine: 'postgres', host: 'a.internal', port: 5432, database: 'db', user: 'u' },
    });
    const dialog = useImport.getState();
    dialog.show();
    dialog.paste('postgres://u@a.internal:5432/db\npostgres://v@b.internal/other');
    await useImport.getState().runPreview();
    expect(useImport.getState().preview?.candidates.map((c) => Boolean(c.duplicateOf))).toEqual([true, false]);
    useImport.getState().setIncludeDuplicates(true);
    await useImport.getState().runImport();
    expect(useImport.getState().result?.created).toHaveLength(2);

    const bundle = JSON.stringify({ format: 'switchyard-profile-bundle', version: 1 });
    expect(needsPassphrase({ name: 'team.json', text: bundle }, 'detect')).toBe(true);
    expect(needsPassphrase({ name: 'servers.json', text: '{"Servers":{}}' }, 'detect')).toBe(false);
    expect(fileRefusal({ name: 'huge.json', text: 'x'.repeat(700_001) })).toContain('switchyard profiles import');
  });
});

describe('Export connections', () => {
  const downloads = catchDownloads();

  it('saves an encrypted bundle that a colleague’s Import opens with the passphrase, passwords and all; a wrong passphrase imports nothing', async () => {
    const mine = await openServices();
    await call('profiles.create', {
      profile: {
        name: 'billing',
        environment: 'staging',
        engine: 'postgres',
        host: 'billing.internal',
        port: 5432,
        database: 'billing',
        user: 'app',
        password: 'billing secret',
      },
    });
    await call('profiles.create', { profile: { name: 'scratch', environment: 'dev', engine: 'sqlite', sqlitePath: '/tmp/scratch.sqlite' } });
    await useConnections.getState().load();
    const all = useConnections.getState().profiles.map((p) => p.name);
    const exporting = useExport.getState();
    exporting.show();
    exporting.tick('scratch', false);
    exporting.setPassphrase('short');
    exporting.setRepeat('short');
    await useExport.getState().run(all);
    expect(useExport.getState().error?.code).toBe('E_WEAK_PASSPHRASE');
    useExport.getState().setPassphrase(bundlePassphrase);
    useExport.getState().setRepeat(bundlePassphrase);
    await useExport.getState().run(all);
    expect(useExport.getState().exported?.profiles).toEqual(['billing']);
    const [saved] = downloads;
    expect(saved?.name).toBe('connections.switchyard-bundle.json');
    const text = (await saved?.text) ?? '';
    expect(text).not.toContain('billing secret');
    expect(mine.session.store.audit.list(5).map((e) => e.action)).toContain('profile.export');

    const colleague = await openServices();
    const importing = useImport.getState();
    importing.show();
    importing.choose({ name: 'connections.switchyard-bundle.json', text });
    importing.setPassphrase('not the bundle passphrase');
    await useImport.getState().runPreview();
    expect(useImport.getState().error?.code).toBe('E_BUNDLE_PASSPHRASE');
    expect(colleague.profiles.list()).toEqual([]);

    useImport.getState().setPassphrase(bundlePassphrase);
    await useImport.getState().runPreview();
    expect(useImport.getState().preview?.candidates.map((c) => [c.name, c.hasPassword])).toEqual([['billing', true]]);
    await useImport.getState().runImport();
    const [billing] = colleague.profiles.list();
    expect(billing).toMatchObject({ name: 'billing', environment: 'staging', host: 'billing.internal' });
    expect(billing && colleague.session.store.profiles.password(billing.id)).toBe('billing secret');
  });

  it('saves pgAdmin servers.json without passwords, naming what it has no place for', async () => {
    await openServices();
    await call('profiles.create', {
      profile: {
        name: 'orders',
        environment: 'prod',
        engine: 'postgres',
        host: 'orders.internal',
        port: 5432,
        database: 'orders',
        user: 'app',
        password: 'orders secret',
      },
    });
    await call('profiles.create', { profile: { name: 'local file', environment: 'dev', engine: 'sqlite', sqlitePath: '/tmp/local.sqlite' } });
    await useConnections.getState().load();
    useExport.getState().show();
    useExport.getState().setFormat('pgadmin');
    await useExport.getState().run(useConnections.getState().profiles.map((p) => p.name));
    expect(useExport.getState().exported).toMatchObject({ profiles: ['orders'], leftOut: ['local file'], fileName: 'servers.json' });
    const text = (await downloads.at(-1)?.text) ?? '';
    expect(JSON.parse(text).Servers['1']).toMatchObject({ Name: 'orders', Host: 'orders.internal' });
    expect(text).not.toContain('orders secret');

    useExport.getState().show();
    for (const name of useConnections.getState().profiles.map((p) => p.name)) useExport.getState().tick(name, false);
    await useExport.getState().run(useConnections.getState().profiles.map((p) => p.name));
    expect(useExport.getState().error?.message).toBe('Tick at least one connection to export.');
  });
});
