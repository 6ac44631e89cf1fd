import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logInternalError } from '../../../src-main/cli/cliLog';
import { tempDir } from '../../support/tempDir';

afterEach(() => vi.unstubAllEnvs());

describe('the CLI log', () => {
  it('never keeps the passphrase, PGPASSWORD or a password inside a connection URI', () => {
    vi.stubEnv('SWITCHYARD_PASSPHRASE', 'Store-Pass-7731');
    vi.stubEnv('PGPASSWORD', 'Pg-Pass-1186');
    const error = new Error('connect to postgres://app:Uri-Pass-9042@db.internal/orders failed (Store-Pass-7731, Pg-Pass-1186)');
    const log = logInternalError('upgrade', error, tempDir());
    const written = readFileSync(log ?? '', 'utf8');
    expect(written).toContain('switchyard upgrade: Error: connect to postgres://app:***@db.internal/orders failed (***, ***)');
    for (const secret of ['Store-Pass-7731', 'Pg-Pass-1186', 'Uri-Pass-9042']) expect(written).not.toContain(secret);
  });
});
