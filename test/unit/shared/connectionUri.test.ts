import { describe, expect, it } from 'vitest';
import { formatConnectionUri, parseConnectionUri } from '../../../src-shared/model/connectionUri';

describe('postgres:// URIs', () => {
  it('fills every field from a full URI, decoding percent-escapes', () => {
    expect(parseConnectionUri('postgresql://app%40corp:p%3Ass%2Fw0rd@db.example.com:6543/orders%20db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem')).toEqual(
      {
        host: 'db.example.com',
        port: 6543,
        database: 'orders db',
        user: 'app@corp',
        password: 'p:ss/w0rd',
        sslMode: 'verify-full',
        sslCaFile: '/etc/ca.pem',
      },
    );
  });

  it('defaults the port to 5432 and keeps an IPv6 host without brackets', () => {
    expect(parseConnectionUri('postgres://[::1]/app')).toMatchObject({ host: '::1', port: 5432, database: 'app', user: '' });
  });

  it('reads libpq prefer/allow as disable (we only keep modes we enforce)', () => {
    expect(parseConnectionUri('postgres://h/d?sslmode=prefer').sslMode).toBe('disable');
  });

  it('refuses what is not a postgres URI, without echoing it (it may hold a password)', () => {
    expect(() => parseConnectionUri('mysql://root:Secret1@h/d')).toThrow(expect.objectContaining({ code: 'E_INVALID_URI' }));
    try {
      parseConnectionUri('mysql://root:Secret1@h/d');
    } catch (error) {
      expect((error as Error).message).not.toContain('Secret1');
    }
    expect(() => parseConnectionUri('postgres://h:99999/d')).toThrow(/between 1 and 65535/);
    expect(() => parseConnectionUri('postgres://h/d?sslmode=sometimes')).toThrow(/Unsupported sslmode "sometimes"/);
    expect(() => parseConnectionUri('postgres://u:%ZZ@h/d')).toThrow(/password in the URI is not valid percent-encoding/);
  });

  it('copies a profile as a URI without its password, and the copy parses back to the same fields', () => {
    const profile = { host: 'db.internal', port: 5433, database: 'billing', user: 'ops team', sslMode: 'require' as const, sslCaFile: '' };
    const uri = formatConnectionUri(profile);
    expect(uri).toBe('postgres://ops%20team@db.internal:5433/billing?sslmode=require');
    expect(parseConnectionUri(uri)).toEqual(profile);
  });
});
