// A real OpenSSH server for tests (Debian's openssh-server, /usr/sbin/sshd), on a free loopback port,
// run in the foreground with its own host key, config and authorized keys in a temp folder (sshd(8):
// -D -e -f; sshd_config(5)). Run as root it needs the privilege-separation folder /run/sshd and
// StrictModes off (the temp folder is not root's home). Also: key pairs by ssh-keygen(1), an ssh-agent(1)
// holding a key, and a system user with a password for password sign-in (created once, only as root).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sshdPath = '/usr/sbin/sshd';

export interface KeyPair {
  privateKey: string;
  publicKey: string;
  /** As ssh-keygen -l prints it: SHA256:… */
  fingerprint: string;
}

export async function keyPair(dir: string, name: string, passphrase = ''): Promise<KeyPair> {
  const privateKey = join(dir, name);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', name, '-f', privateKey]);
  const { stdout } = await run('ssh-keygen', ['-l', '-f', `${privateKey}.pub`]);
  return { privateKey, publicKey: readFileSync(`${privateKey}.pub`, 'utf8').trim(), fingerprint: stdout.split(/\s+/)[1] ?? '' };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface SshdOptions {
  /** Public keys any user may sign in with. */
  authorizedKeys: string[];
  passwordAuthentication?: boolean;
  allowTcpForwarding?: boolean;
}

export interface Sshd {
  port: number;
  /** The host key's fingerprint, as ssh-keygen prints it. */
  hostKey: string;
  /** The host key's public line (type and base64), for a known_hosts file. */
  hostPublicKey: string;
  /** A new host key, and sshd restarted with it on the same port: the fingerprint of the new one. */
  replaceHostKey(): Promise<string>;
  stop(): Promise<void>;
}

function waitListening(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (/Server listening on/.test(log())) {
        child.stderr?.off('data', onData);
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sshd exited with ${code} before listening:\n${log()}`)));
  });
}

export async function startSshd(options: SshdOptions): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-sshd-'));
  // Privilege separation: sshd run as root chroots its pre-auth child into this empty folder.
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const hostKeyFile = join(dir, 'ssh_host_ed25519_key');
  writeFileSync(join(dir, 'authorized_keys'), `${options.authorizedKeys.join('\n')}\n`, { mode: 0o600 });
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKeyFile}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PubkeyAuthentication yes',
      `PasswordAuthentication ${options.passwordAuthentication ? 'yes' : 'no'}`,
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      `AllowTcpForwarding ${options.allowTcpForwarding === false ? 'no' : 'yes'}`,
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    log = '';
    child = spawn(sshdPath, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitListening(child, () => log);
  };
  const stopChild = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  const newHostKey = async () => {
    rmSync(hostKeyFile, { force: true });
    rmSync(`${hostKeyFile}.pub`, { force: true });
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKeyFile]);
    const { stdout } = await run('ssh-keygen', ['-l', '-f', `${hostKeyFile}.pub`]);
    return { fingerprint: stdout.split(/\s+/)[1] ?? '', publicLine: readFileSync(`${hostKeyFile}.pub`, 'utf8').split(/\s+/).slice(0, 2).join(' ') };
  };
  let key = await newHostKey();
  await start();
  const sshd: Sshd = {
    port,
    hostKey: key.fingerprint,
    hostPublicKey: key.publicLine,
    async replaceHostKey() {
      await stopChild();
      key = await newHostKey();
      sshd.hostKey = key.fingerprint;
      sshd.hostPublicKey = key.publicLine;
      await start();
      return key.fingerprint;
    },
    async stop() {
      await stopChild();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return sshd;
}

export interface SshAgent {
  socket: string;
  stop(): Promise<void>;
}

/** An ssh-agent in the foreground on its own socket, holding the given (unencrypted) private keys. */
export async function startSshAgent(privateKeys: string[]): Promise<SshAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-agent-'));
  const socket = join(dir, 'agent.sock');
  const child = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  for (let tries = 0; ; tries += 1) {
    try {
      await run('ssh-add', privateKeys, { env: { ...process.env, SSH_AUTH_SOCK: socket } });
      break;
    } catch (error) {
      // The agent's socket appears a moment after it starts.
      if (tries > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return {
    socket,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A system user that signs in with `password` (password sign-in needs a real account). Created when
 * missing, which needs root: elsewhere, undefined, and the caller says what it could not test.
 */
export async function passwordUser(name: string, password: string): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    await run('id', [name]);
  } catch {
    await run('useradd', ['--no-create-home', '--shell', '/bin/sh', name]);
  }
  const chpasswd = spawn('chpasswd', [], { stdio: ['pipe', 'ignore', 'pipe'] });
  chpasswd.stdin.end(`${name}:${password}\n`);
  const code = await new Promise<number | null>((resolve) => chpasswd.once('exit', resolve));
  if (code !== 0) throw new Error(`chpasswd exited with ${code}`);
  return name;
}

/** The user this process runs as: key and agent sign-ins go in as it. */
export const currentUser = userInfo().username;
