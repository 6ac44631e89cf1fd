// The browser host serves files under the built renderer folder only, whatever the URL says.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../src-main/host/staticFiles';

const base = mkdtempSync(join(tmpdir(), 'switchyard-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Switchyard</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
writeFileSync(join(base, 'store.kdf.json'), '{"secret": true}');
symlinkSync(join(base, 'store.kdf.json'), join(root, 'assets', 'escape.json'));

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the static files of the browser host', () => {
  it('serves a file of the renderer with its content type', async () => {
    const file = await readStaticFile(root, '/assets/app.js');
    expect(file?.body.toString()).toBe('console.log("app")');
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('answers an app route with index.html', async () => {
    expect((await readStaticFile(root, '/connections/orders'))?.body.toString()).toContain('<title>Switchyard</title>');
  });

  it('serves nothing above the renderer folder through "..", however it is written', async () => {
    for (const path of [
      '/../store.kdf.json',
      '/assets/../../store.kdf.json',
      '/%2e%2e/store.kdf.json',
      '/%2E%2E%2Fstore.kdf.json',
      '/assets/..%2F..%2Fstore.kdf.json',
      '/..\\store.kdf.json',
    ]) {
      expect(await readStaticFile(root, path), path).toBeUndefined();
    }
  });

  it('treats an absolute path in the URL as a path inside the renderer folder', async () => {
    expect(await readStaticFile(root, `/${join(base, 'store.kdf.json')}`)).toBeUndefined();
    expect(await readStaticFile(root, `//${join(base, 'store.kdf.json')}`)).toBeUndefined();
  });

  it('refuses a malformed escape instead of failing', async () => {
    expect(await readStaticFile(root, '/assets/%E0%A4%A.js')).toBeUndefined();
  });

  it('serves nothing through a symbolic link that leads out of the renderer folder', async () => {
    expect(await readStaticFile(root, '/assets/escape.json')).toBeUndefined();
  });
});
