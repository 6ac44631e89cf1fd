// SSH tunnels against real OpenSSH servers (test/support/sshd.ts) in front of the test PostgreSQL:
// sign-in by key file (with its passphrase stored), by the agent and by password; a chain of two
// hosts; unknown, changed and known_hosts keys; forwarding denied; one tunnel shared by connections;
// and a whole `switchyard upgrade` of an Alembic project through the tunnel from the CLI.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ValidProfileInput } from '../../../../src-shared/model/profile';
import type { SshHopInput } from '../../../../src-shared/model/sshRoute';
import { SwitchyardError } from '../../../../src-shared/errors';
import { actorName, createServices, type Services } from '../../../../src-main/services';
import { passphraseKeyProvider } from '../../../../src-main/store/keyProvider';
import { connect } from '../../../../src-main/drivers/connect';
import { tunnels } from '../../../../src-main/drivers/ssh/tunnelPool';
import { callAs } from '../../../support/serviceCalls';
import { currentUser, keyPair, passwordUser, startSshAgent, startSshd, type KeyPair, type Sshd, type SshAgent } from '../../../support/sshd';
import { tempDir } from '../../../support/tempDir';
import { Cli, output } from '../../../support/cliProcess';
import { plainAlembicEnv, writeFiles } from '../../../support/alembicFolders';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { toConnectionTarget } from '../../../../src-main/profiles/connectionTarget';

const pg = inject('postgres');
const actor = actorName('browser');
const sshPassword = 'Ssh-Test-Password-5521';
const passphrase = 'Key-Passphrase-8812';

let dir: string;
let userKey: KeyPair;
let lockedKey: KeyPair;
let agentKey: KeyPair;
let strangerKey: KeyPair;
let bastion: Sshd;
let inner: Sshd;
let noForward: Sshd;
let agent: SshAgent;
let passwordAccount: string | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchyard-ssh-keys-'));
  [userKey, lockedKey, agentKey, strangerKey] = await Promise.all([
    keyPair(dir, 'user'),
    keyPair(dir, 'locked', passphrase),
    keyPair(dir, 'agent'),
    keyPair(dir, 'stranger'),
  ]);
  const authorizedKeys = [userKey.publicKey, lockedKey.publicKey, agentKey.publicKey];
  [bastion, inner, noForward, agent, passwordAccount] = await Promise.all([
    startSshd({ authorizedKeys, passwordAuthentication: true }),
    startSshd({ authorizedKeys }),
    startSshd({ authorizedKeys, allowTcpForwarding: false }),
    startSshAgent([agentKey.privateKey]),
    passwordUser('switchyard-ssh-test', sshPassword),
  ]);
});

afterAll(async () => {
  await Promise.all([bastion?.stop(), inner?.stop(), noForward?.stop(), agent?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

let services: Services | undefined;
afterEach(() => {
  services?.close();
  services = undefined;
});

async function open(): Promise<Services> {
  services = createServices({ dataDir: tempDir() });
  await services.session.unlock(passphraseKeyProvider('ssh tunnels store', { N: 1024, r: 8, p: 1 }));
  return services;
}

const database: ValidProfileInput = {
  name: 'behind the bastion',
  environment: 'staging',
  engine: 'postgres',
  host: pg.host,
  port: pg.port,
  database: 'postgres',
  user: pg.user,
  password: pg.password,
  sslMode: 'disable',
  sslCaFile: '',
  sqlitePath: '',
  readOnly: false,
  notes: '',
  projectDir: '',
  projectFormat: 'auto',
  alembicCommand: '',
};

const hop = (sshd: Sshd, fields: Partial<SshHopInput> = {}): SshHopInput => ({
  host: '127.0.0.1',
  port: sshd.port,
  user: currentUser,
  auth: 'key',
  keyFile: userKey.privateKey,
  ...fields,
});

async function saved(s: Services, ssh: SshHopInput[], fields: Partial<ValidProfileInput> = {}) {
  return callAs(s, actor, 'profiles.create', { profile: { ...database, ...fields, ssh } });
}

async function refusal(promise: Promise<unknown>): Promise<SwitchyardError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SwitchyardError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('an SSH tunnel in front of PostgreSQL', () => {
  it('shows an unknown host key as ssh prints it, accepts nothing until it is accepted, then reports each hop', async () => {
    const s = await open();
    const profile = await saved(s, [hop(bastion)]);
    const unknown = await refusal(callAs(s, actor, 'profiles.test', { id: profile.id }));
    expect(unknown.code).toBe('E_SSH_HOST_UNKNOWN');
    expect(unknown.message).toContain(bastion.hostKey);
    expect(unknown.detail).toMatchObject({ fingerprint: bastion.hostKey, position: 0, port: bastion.port });

    const trusted = await callAs(s, actor, 'profiles.trustHost', { id: profile.id, position: 0, fingerprint: bastion.hostKey });
    expect(trusted.ssh[0]?.hostKey).toBe(bastion.hostKey);
    const result = await callAs(s, actor, 'profiles.test', { id: profile.id });
    expect(result.serverVersion).toMatch(/^PostgreSQL/);
    expect(result.tunnel?.map((step) => step.step)).toEqual(['reached', 'authenticated', 'forwarded']);
    expect(result.tunnel?.[0]?.detail).toContain(bastion.hostKey);
    expect(result.tunnel?.[2]?.where).toBe(`${pg.host}:${pg.port}`);
    const audit = await callAs(s, actor, 'audit.list', { profileId: profile.id });
    expect(JSON.stringify(audit)).toContain('profile.trustHost');
  });

  it('signs in with a key file whose passphrase is stored, and says which key was refused', async () => {
    const s = await open();
    const pinned = { hostKey: bastion.hostKey };
    const locked = await saved(s, [hop(bastion, { ...pinned, keyFile: lockedKey.privateKey, secret: passphrase })], { name: 'locked key' });
    expect(locked.ssh[0]).toMatchObject({ auth: 'key', keyFile: lockedKey.privateKey, hasSecret: true });
    expect(JSON.stringify(locked)).not.toContain(passphrase);
    expect((await callAs(s, actor, 'profiles.test', { id: locked.id })).tunnel?.[1]).toMatchObject({
      step: 'authenticated',
      detail: `key ${lockedKey.privateKey}`,
    });

    const noPassphrase = await saved(s, [hop(bastion, { ...pinned, keyFile: lockedKey.privateKey })], { name: 'no passphrase' });
    const needsPassphrase = await refusal(callAs(s, actor, 'profiles.test', { id: noPassphrase.id }));
    expect(needsPassphrase.code).toBe('E_SSH_AUTH_FAILED');
    expect(needsPassphrase.message).toContain('passphrase');

    const stranger = await saved(s, [hop(bastion, { ...pinned, keyFile: strangerKey.privateKey })], { name: 'stranger' });
    const refused = await refusal(callAs(s, actor, 'profiles.test', { id: stranger.id }));
    expect(refused.code).toBe('E_SSH_AUTH_FAILED');
    expect(refused.message).toContain(`refused the key ${strangerKey.privateKey}`);
    expect((refused.detail as { tunnel: { step: string }[] }).tunnel.map((step) => step.step)).toEqual(['reached']);
  });

  it('signs in with the SSH agent, and says so when no agent is running', async () => {
    const s = await open();
    const profile = await saved(s, [hop(bastion, { auth: 'agent', keyFile: '', hostKey: bastion.hostKey })]);
    const before = process.env.SSH_AUTH_SOCK;
    try {
      delete process.env.SSH_AUTH_SOCK;
      const noAgent = await refusal(callAs(s, actor, 'profiles.test', { id: profile.id }));
      expect(noAgent.code).toBe('E_SSH_AUTH_FAILED');
      expect(noAgent.message).toContain('SSH_AUTH_SOCK');
      process.env.SSH_AUTH_SOCK = agent.socket;
      const result = await callAs(s, actor, 'profiles.test', { id: profile.id });
      expect(result.tunnel?.[1]).toMatchObject({ step: 'authenticated', detail: 'SSH agent' });
    } finally {
      if (before === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = before;
    }
  });

  it('signs in with a stored password, refuses a wrong one, and refuses to save a password host without one', async () => {
    expect(passwordAccount, 'password sign-in needs a system user, which only root can create').toBeDefined();
    const s = await open();
    const account = { auth: 'password' as const, keyFile: '', user: passwordAccount ?? '', hostKey: bastion.hostKey };
    const profile = await saved(s, [hop(bastion, { ...account, secret: sshPassword })]);
    expect((await callAs(s, actor, 'profiles.test', { id: profile.id })).tunnel?.[1]).toMatchObject({ step: 'authenticated', detail: 'password' });
    const wrong = await saved(s, [hop(bastion, { ...account, secret: 'not-the-password' })], { name: 'wrong password' });
    const refused = await refusal(callAs(s, actor, 'profiles.test', { id: wrong.id }));
    expect(refused.code).toBe('E_SSH_AUTH_FAILED');
    expect(refused.message).toContain('refused the password');
    expect(refused.message).not.toContain('not-the-password');
    const missing = await refusal(saved(s, [hop(bastion, account)], { name: 'no password' }));
    expect(missing.code).toBe('E_PASSWORD_REQUIRED');
    expect((await callAs(s, actor, 'profiles.list', {})).map((p) => p.name)).not.toContain('no password');
  });

  it('goes through a chain of two SSH hosts, each key pinned, and reports every hop', async () => {
    const s = await open();
    const profile = await saved(s, [hop(bastion, { hostKey: bastion.hostKey }), hop(inner, { hostKey: inner.hostKey })]);
    const result = await callAs(s, actor, 'profiles.test', { id: profile.id });
    expect(result.tunnel?.map((step) => `${step.step} ${step.where}`)).toEqual([
      `reached ${currentUser}@127.0.0.1:${bastion.port}`,
      `authenticated ${currentUser}@127.0.0.1:${bastion.port}`,
      `reached ${currentUser}@127.0.0.1:${inner.port}`,
      `authenticated ${currentUser}@127.0.0.1:${inner.port}`,
      `forwarded ${pg.host}:${pg.port}`,
    ]);
    // The inner host's key is checked too: unknown there is refused, naming it.
    const innerUnknown = await saved(s, [hop(bastion, { hostKey: bastion.hostKey }), hop(inner)], { name: 'inner unknown' });
    const refused = await refusal(callAs(s, actor, 'profiles.test', { id: innerUnknown.id }));
    expect(refused.code).toBe('E_SSH_HOST_UNKNOWN');
    expect(refused.detail).toMatchObject({ position: 1, port: inner.port, fingerprint: inner.hostKey });
  });

  it('shares one tunnel among the connections of a route and closes it when the services close', async () => {
    const s = await open();
    const profile = await saved(s, [hop(bastion, { hostKey: bastion.hostKey })]);
    const target = toConnectionTarget(profile, pg.password);
    const [first, second] = await Promise.all([connect(target), connect(target)]);
    expect(await tunnels.openCount()).toBe(1);
    const rows = await Promise.all([first, second].map((driver) => driver?.query<{ n: number }>('SELECT 1 AS n')));
    expect(rows.map((r) => r?.[0]?.n)).toEqual([1, 1]);
    await Promise.all([first?.close(), second?.close()]);
    s.close();
    services = undefined;
    expect(await tunnels.openCount()).toBe(0);
  });

  it('says the SSH host refused to forward, and the database refused through the tunnel, each with its code', async () => {
    const s = await open();
    const denied = await saved(s, [hop(noForward, { hostKey: noForward.hostKey })], { name: 'no forwarding' });
    const forward = await refusal(callAs(s, actor, 'profiles.test', { id: denied.id }));
    expect(forward.code).toBe('E_SSH_FORWARD_DENIED');
    expect((forward.detail as { tunnel: { step: string }[] }).tunnel.map((step) => step.step)).toEqual(['reached', 'authenticated']);

    const closedPort = bastion.port === 1 ? 2 : 1;
    const nobody = await saved(s, [hop(bastion, { hostKey: bastion.hostKey })], { name: 'nobody listening', port: closedPort });
    const database = await refusal(callAs(s, actor, 'profiles.test', { id: nobody.id }));
    expect(database.code).toBe('E_CONNECTION_REFUSED');
    expect(database.message).toContain(`${pg.host}:${closedPort} refused the connection from the SSH host`);
  });

  it('honours ~/.ssh/known_hosts (hashed entries too), and refuses a key it knows another of', async () => {
    const s = await open();
    const home = tempDir();
    mkdirSync(join(home, '.ssh'));
    const name = `[127.0.0.1]:${bastion.port}`;
    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
    const profile = await saved(s, [hop(bastion)]);
    const before = process.env.HOME;
    try {
      process.env.HOME = home;
      writeFileSync(
        join(home, '.ssh', 'known_hosts'),
        `# a comment
other.example.com ${inner.hostPublicKey}
${hashed} ${bastion.hostPublicKey}
`,
      );
      expect((await callAs(s, actor, 'profiles.test', { id: profile.id })).tunnel?.[0]?.detail).toContain('in known_hosts');
      s.close();
      const again = await open();
      writeFileSync(
        join(home, '.ssh', 'known_hosts'),
        `${name} ${inner.hostPublicKey}
`,
      );
      const changed = await refusal(callAs(again, actor, 'profiles.test', { id: (await saved(again, [hop(bastion)])).id }));
      expect(changed.code).toBe('E_SSH_HOST_KEY_CHANGED');
      expect(changed.message).toContain(`expected ${inner.hostKey} (the key ~/.ssh/known_hosts holds), offered ${bastion.hostKey}`);
    } finally {
      process.env.HOME = before;
    }
  });

  it('keeps the stored database password to its SSH route: a new route needs it typed again', async () => {
    const s = await open();
    const direct = await callAs(s, actor, 'profiles.create', { profile: { ...database, name: 'direct first' } });
    const { id, hasPassword: _has, createdAt: _c, updatedAt: _u, ...fields } = direct;
    const rerouted = await refusal(callAs(s, actor, 'profiles.update', { id, profile: { ...fields, ssh: [hop(bastion)] } }));
    expect(rerouted.code).toBe('E_PASSWORD_REQUIRED');
    expect(rerouted.message).toContain(`via ${currentUser}@127.0.0.1:${bastion.port}`);
    const retyped = await callAs(s, actor, 'profiles.update', { id, profile: { ...fields, ssh: [hop(bastion)], password: pg.password } });
    expect(retyped.ssh).toHaveLength(1);
  });

  it('refuses a host whose pinned key changed, showing both fingerprints', async () => {
    const s = await open();
    const oldKey = noForward.hostKey;
    const profile = await saved(s, [hop(noForward, { hostKey: oldKey })]);
    const newKey = await noForward.replaceHostKey();
    const changed = await refusal(callAs(s, actor, 'profiles.test', { id: profile.id }));
    expect(changed.code).toBe('E_SSH_HOST_KEY_CHANGED');
    expect(changed.detail).toMatchObject({ expected: oldKey, fingerprint: newKey });
    expect(changed.message).toContain(oldKey);
    expect(changed.message).toContain(newKey);
  });
});

describe('switchyard through an SSH tunnel', () => {
  it('prints an unknown host key and fails, accepts it with trust-host, and upgrades an Alembic project through the tunnel', async () => {
    const name = await scratchDatabase(pg, 'ssh_upgrade');
    const project = tempDir();
    const revision = (id: string, parent: string | null, table: string) =>
      `revision = "${id}"\ndown_revision = ${parent ? `"${parent}"` : 'None'}\nbranch_labels = None\ndepends_on = None\nfrom alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n    op.create_table("${table}", sa.Column("id", sa.Integer, primary_key=True))\n\n\ndef downgrade():\n    op.drop_table("${table}")\n`;
    writeFiles(project, {
      'alembic.ini': '[alembic]\nscript_location = %(here)s\n',
      'env.py': plainAlembicEnv.replace('fileConfig(config.config_file_name)\n', ''),
      'script.py.mako': '',
      'versions/a1_orders.py': revision('a1', null, 'orders'),
      'versions/b2_invoices.py': revision('b2', 'a1', 'invoices'),
    });
    // The store is made here at a low scrypt cost, which the CLI then reads from store.kdf.json: four runs unlock fast.
    const home = tempDir();
    const made = createServices({ dataDir: home });
    await made.session.unlock(passphraseKeyProvider('ssh tunnel cli store', { N: 1024, r: 8, p: 1 }));
    made.close();
    const cli = new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'ssh tunnel cli store', HOME: tempDir() });
    const added = await cli.run([
      'profiles',
      'add',
      `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/${name}`,
      '--name',
      'bastioned',
      '--ssh',
      `${currentUser}@127.0.0.1:${bastion.port}`,
      '--ssh-key',
      userKey.privateKey,
      '--project',
      project,
    ]);
    expect(added.code, output(added)).toBe(0);
    expect(added.stdout).toContain(`via ${currentUser}@127.0.0.1:${bastion.port}`);

    const unknown = await cli.run(['profiles', 'test', 'bastioned']);
    expect(unknown.code, output(unknown)).toBe(1);
    expect(unknown.stderr).toContain(bastion.hostKey);
    expect(unknown.stderr).toContain('E_SSH_HOST_UNKNOWN');

    const wrongKey = await cli.run(['profiles', 'test', 'bastioned', '--accept-host-key', inner.hostKey]);
    expect(wrongKey.code, output(wrongKey)).toBe(1);
    expect(wrongKey.stderr).toContain('E_SSH_HOST_KEY_CHANGED');
    expect(wrongKey.stderr).toContain(`expected ${inner.hostKey} (the key accepted for this connection), offered ${bastion.hostKey}`);

    const trusted = await cli.run(['profiles', 'trust-host', 'bastioned']);
    expect(trusted.code, output(trusted)).toBe(0);
    expect(trusted.stdout).toContain(`127.0.0.1:${bastion.port} offers the host key ${bastion.hostKey}: accepted for bastioned.`);
    expect(trusted.stdout).toMatch(/forwarded +127\.0\.0\.1:\d+ — through/);

    const upgraded = await cli.run(['upgrade', '--profile', 'bastioned']);
    expect(upgraded.code, output(upgraded)).toBe(0);
    const versions = await adminQuery(pg, 'SELECT version_num FROM alembic_version', name);
    expect(versions.rows).toEqual([{ version_num: 'b2' }]);

    // Every way of signing in, set from the CLI; the secrets on stdin.
    const tested = async (runner: Cli, detail: string) => {
      const run = await runner.run(['profiles', 'test', 'bastioned']);
      expect(run.code, output(run)).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`authenticated +${currentUser.replace(/[.]/g, '\\.')}@127\\.0\\.0\\.1:${bastion.port} — ${detail}`));
    };
    const withAgent = new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'ssh tunnel cli store', HOME: tempDir(), SSH_AUTH_SOCK: agent.socket });
    expect((await withAgent.run(['profiles', 'edit', 'bastioned', '--ssh-agent'])).code).toBe(0);
    await tested(withAgent, 'SSH agent');
    const locked = await cli.run(['profiles', 'edit', 'bastioned', '--ssh-key', lockedKey.privateKey, '--ssh-passphrase-stdin'], `${passphrase}\n`);
    expect(locked.code, output(locked)).toBe(0);
    await tested(cli, `key ${lockedKey.privateKey}`);
    const byPassword = await cli.run(
      ['profiles', 'edit', 'bastioned', '--ssh', `${passwordAccount}@127.0.0.1:${bastion.port}`, '--ssh-password-stdin'],
      `${sshPassword}\n`,
    );
    expect(byPassword.code, output(byPassword)).toBe(0);
    const password = await cli.run(['profiles', 'test', 'bastioned']);
    expect(password.code, output(password)).toBe(0);
    expect(password.stdout).toContain(`authenticated ${passwordAccount}@127.0.0.1:${bastion.port} — password`);
    const direct = await cli.run(['profiles', 'edit', 'bastioned', '--no-ssh', '--password-stdin'], `${pg.password}\n`);
    expect(direct.code, output(direct)).toBe(0);
    expect((await cli.run(['profiles', 'list'])).stdout).not.toContain(' via ');
  });
});
