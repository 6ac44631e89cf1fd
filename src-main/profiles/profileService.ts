// Connection profiles as users manage them: every change audited (never the secret), and tests run
// against the real server.
import { profileFieldNames, type Profile, type ValidProfileInput } from '../../src-shared/model/profile';
import { sshHopName, type SshHop } from '../../src-shared/model/sshRoute';
import type { ConnectionTestResult } from '../../src-shared/model/connectionTest';
import type { OperationStarted } from '../../src-shared/model/operation';
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import { testConnection } from '../drivers/connect';
import type { Operations } from '../operations/operations';
import type { StoreSession } from '../session/storeSession';
import { toConnectionTarget } from './connectionTarget';
import { destinationName, sameDestination } from './passwordBinding';

/** A route in the audit log: each host and its pinned key, never a secret. */
function routeWords(hops: readonly SshHop[]): string[] {
  return hops.map((hop) => `${sshHopName(hop)} (${hop.auth}${hop.hostKey ? `, ${hop.hostKey}` : ''})`);
}

function publicFields(profile: Profile): Record<string, unknown> {
  return { ...Object.fromEntries(profileFieldNames.map((field) => [field, profile[field]])), ...(profile.ssh.length ? { ssh: routeWords(profile.ssh) } : {}) };
}

/** The stored SSH secrets that still belong to the hosts asked for: the same host, port, user and way in, at the same place. */
function routeSecrets(stored: Profile, secrets: readonly (string | undefined)[], asked: ValidProfileInput | Profile): (string | undefined)[] {
  return (asked.ssh ?? stored.ssh).map((hop, position) => {
    const saved = stored.ssh[position];
    const same = saved && saved.host.toLowerCase() === hop.host.toLowerCase() && saved.port === hop.port && saved.user === hop.user && saved.auth === hop.auth;
    return same ? secrets[position] : undefined;
  });
}

/** A test that failed for want of a password says the saved one was withheld on purpose, and why. */
function withheldPassword(error: unknown, saved: Profile, asked: ValidProfileInput): unknown {
  const wire = toWireError(error);
  const forWantOfPassword = wire.code === 'E_AUTH_FAILED' || (wire.code === 'E_CONNECTION_FAILED' && /password/i.test(wire.message));
  if (!forWantOfPassword) return error;
  return new SwitchyardError(
    'E_AUTH_FAILED',
    `${wire.message} The saved password was not sent: it is only sent to ${destinationName(saved)}, ` +
      `and this test goes to ${destinationName(asked)}. Type the password to test with it.`,
  );
}

export class ProfileService {
  constructor(
    private readonly session: StoreSession,
    private readonly operations: Operations,
  ) {}

  list(): Profile[] {
    return this.session.store.profiles.list();
  }

  get(id: string): Profile {
    return this.session.store.profiles.get(id);
  }

  /** The profile a person names (the CLI's NAME): by its name, else by its id; E_NOT_FOUND when neither. */
  named(nameOrId: string): Profile {
    const profile = this.session.store.profiles.findByName(nameOrId) ?? this.list().find((p) => p.id === nameOrId);
    if (!profile) throw new SwitchyardError('E_NOT_FOUND', `No connection profile named "${nameOrId}".`);
    return profile;
  }

  create(input: ValidProfileInput, actor: string): Profile {
    const { profiles, audit } = this.session.store;
    const profile = profiles.create(input);
    audit.append({
      actor,
      action: 'profile.create',
      target: profile.name,
      profileId: profile.id,
      detail: { id: profile.id, ...publicFields(profile), password: profile.hasPassword ? 'set' : 'none' },
    });
    return profile;
  }

  update(id: string, input: ValidProfileInput, actor: string): Profile {
    const { profiles, audit } = this.session.store;
    const before = profiles.get(id);
    // Kept across a new destination, the saved password would follow the connection anywhere it is pointed.
    if (input.password === undefined && before.hasPassword && !sameDestination(before, input)) {
      throw new SwitchyardError(
        'E_PASSWORD_REQUIRED',
        `The saved password of "${before.name}" is only ever sent to ${destinationName(before)}. To point the connection at ` +
          `${destinationName(input)}, give its password again, or forget the stored one. Nothing was changed.`,
      );
    }
    const after = profiles.update(id, input);
    const changed: Record<string, unknown> = {};
    for (const field of profileFieldNames) {
      if (before[field] !== after[field]) changed[field] = after[field];
    }
    if (JSON.stringify(routeWords(before.ssh)) !== JSON.stringify(routeWords(after.ssh))) changed.ssh = routeWords(after.ssh);
    if (input.password === null || input.password === '') {
      if (before.hasPassword) changed.password = 'cleared';
    } else if (input.password !== undefined) {
      changed.password = 'changed';
    }
    audit.append({ actor, action: 'profile.update', target: after.name, profileId: id, detail: { id, changed } });
    return after;
  }

  duplicate(id: string, actor: string): Profile {
    const { profiles, audit } = this.session.store;
    const source = profiles.get(id);
    const name = this.freeName(`${source.name} (copy)`);
    const secrets = profiles.sshSecrets(id);
    const ssh = source.ssh.map((hop, position) => ({ ...hop, secret: secrets[position] ?? null }));
    const copy = profiles.create({ ...source, name, password: profiles.password(id) ?? null, ssh });
    audit.append({ actor, action: 'profile.duplicate', target: copy.name, profileId: copy.id, detail: { id: copy.id, from: source.id } });
    return copy;
  }

  remove(id: string, actor: string): void {
    const { profiles, audit } = this.session.store;
    const profile = profiles.get(id);
    profiles.remove(id);
    audit.append({ actor, action: 'profile.remove', target: profile.name, profileId: id, detail: { id } });
  }

  /**
   * Tests a saved profile, or unsaved form values. The saved password stands in for an untyped one
   * only when the values still point where it was saved for; elsewhere the test goes without it.
   */
  async test(request: { id?: string; profile?: ValidProfileInput }): Promise<ConnectionTestResult> {
    const { profiles } = this.session.store;
    const stored = request.id === undefined ? undefined : profiles.get(request.id);
    const fields = request.profile ?? stored;
    if (!fields) throw new SwitchyardError('E_INVALID_INPUT', 'Give a profile id or profile fields to test.');
    const typed = request.profile?.password;
    const sshSecrets = stored ? routeSecrets(stored, profiles.sshSecrets(stored.id), fields) : [];
    const target = (password: string | undefined) => toConnectionTarget(fields, password, undefined, sshSecrets);
    if (typed) return testConnection(target(typed));
    if (!stored?.hasPassword || typed === null) return testConnection(target(undefined));
    if (sameDestination(stored, fields)) return testConnection(target(profiles.password(stored.id)));
    try {
      return await testConnection(target(undefined));
    } catch (error) {
      throw withheldPassword(error, stored, fields);
    }
  }

  /**
   * Accepts the host key a test showed for the SSH host at `position` (0: the outermost): pinned from
   * now on. The key a host offers later must be this one, or the connection is refused.
   */
  trustHost(id: string, position: number, fingerprint: string, actor: string): Profile {
    const { profiles, audit } = this.session.store;
    const before = profiles.get(id);
    const hop = before.ssh[position];
    if (!hop) throw new SwitchyardError('E_NOT_FOUND', `"${before.name}" has no SSH host number ${position + 1}.`);
    const after = profiles.pinHostKey(id, position, fingerprint);
    audit.append({
      actor,
      action: 'profile.trustHost',
      target: after.name,
      profileId: id,
      detail: { id, host: sshHopName(hop), fingerprint, replaced: hop.hostKey || null },
    });
    return after;
  }

  testAll(): OperationStarted {
    const snapshot = this.list();
    return this.operations.start('profiles.testAll', async (op) => {
      const results: { id: string; name: string; ok: boolean; code?: string; message: string }[] = [];
      op.progress(0, snapshot.length, `Testing ${snapshot.length} connections`);
      for (const [index, profile] of snapshot.entries()) {
        op.checkpoint();
        try {
          const result = await this.test({ id: profile.id });
          results.push({ id: profile.id, name: profile.name, ok: true, message: `${result.serverVersion}, ${result.latencyMs} ms` });
          op.log('info', `${profile.name}: ok (${result.serverVersion})`);
        } catch (error) {
          const wire = toWireError(error);
          results.push({ id: profile.id, name: profile.name, ok: false, code: wire.code, message: wire.message });
          op.log('error', `${profile.name}: ${wire.message}`);
        }
        op.progress(index + 1, snapshot.length, profile.name);
      }
      return results;
    });
  }

  /** The wanted name, or the first of "wanted 2", "wanted 3"… that no profile has. */
  freeName(wanted: string): string {
    const { profiles } = this.session.store;
    let name = wanted;
    for (let n = 2; profiles.findByName(name); n += 1) name = `${wanted} ${n}`;
    return name;
  }
}
