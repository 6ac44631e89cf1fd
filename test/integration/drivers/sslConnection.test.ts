// TLS against a real server that only accepts encrypted connections: what each SSL mode says.
import { execFileSync } from 'node:child_process';
import { chownSync, copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../src-main/drivers/connect';
import type { ConnectionTarget } from '../../../src-main/drivers/driver';
import { startPostgres, type PostgresServer } from '../../support/embeddedPostgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const certs = mkdtempSync(join(tmpdir(), 'switchyard-certs-'));

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: certs, stdio: 'pipe' });
}

/** A CA, a server certificate for 127.0.0.1 signed by it, and an unrelated second CA. */
function makeCertificates(): void {
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Switchyard Test CA', '-keyout', 'ca.key', '-out', 'ca.crt']);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Someone Else CA', '-keyout', 'other.key', '-out', 'other.crt']);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr']);
  writeFileSync(join(certs, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.crt',
  ]);
}

describe('test connection with TLS', () => {
  let server: PostgresServer;
  const target = (overrides: Partial<ConnectionTarget>): ConnectionTarget => ({
    engine: 'postgres',
    host: server.host,
    port: server.port,
    database: 'postgres',
    user: server.user,
    password: server.password,
    sslMode: 'disable',
    sslCaFile: '',
    sqlitePath: '',
    readOnly: false,
    ...overrides,
  });

  beforeAll(async () => {
    makeCertificates();
    server = await startPostgres({
      settings: { ssl: 'on', ssl_cert_file: 'server.crt', ssl_key_file: 'server.key' },
      configure: (data) => {
        for (const file of ['server.crt', 'server.key']) copyFileSync(join(certs, file), join(data, file));
        // The server refuses a key others can read, and must own it (it runs as its own user under root).
        const owner = statSync(join(data, 'PG_VERSION'));
        for (const file of ['server.crt', 'server.key']) chownSync(join(data, file), owner.uid, owner.gid);
        execFileSync('chmod', ['600', join(data, 'server.key')]);
        const hba = readFileSync(join(data, 'pg_hba.conf'), 'utf8').replace(/^host(\s)/gm, 'hostssl$1');
        writeFileSync(join(data, 'pg_hba.conf'), hba);
      },
    });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(certs, { recursive: true, force: true });
  });

  it('says SSL is required when the server only accepts encrypted connections', async () => {
    await expect(testConnection(target({ sslMode: 'disable' }))).rejects.toMatchObject({
      code: 'E_SSL_REQUIRED',
      message: expect.stringContaining('requires SSL'),
    });
  });

  it('connects with require, and with verify-full against the right CA', async () => {
    expect((await testConnection(target({ sslMode: 'require' }))).currentUser).toBe(server.user);
    expect((await testConnection(target({ sslMode: 'verify-full', sslCaFile: join(certs, 'ca.crt') }))).currentUser).toBe(server.user);
    expect((await testConnection(target({ sslMode: 'verify-ca', sslCaFile: join(certs, 'ca.crt') }))).currentUser).toBe(server.user);
  });

  it('refuses a certificate signed by another CA, and says when the CA file is missing', async () => {
    await expect(testConnection(target({ sslMode: 'verify-full', sslCaFile: join(certs, 'other.crt') }))).rejects.toMatchObject({ code: 'E_SSL_CERTIFICATE' });
    await expect(testConnection(target({ sslMode: 'verify-ca', sslCaFile: join(certs, 'missing.crt') }))).rejects.toMatchObject({
      code: 'E_FILE_NOT_FOUND',
      message: expect.stringContaining('missing.crt'),
    });
  });
});
