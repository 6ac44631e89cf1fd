// Profiles' SSH routes in the store: hosts in chain order, their pinned keys, and their secrets, which
// leave only through `secrets` (every other read says `hasSecret`).
import type { SshHop, ValidSshHopInput } from '../../src-shared/model/sshRoute';
import type { StoreDatabase } from './openStore';

interface HopRow {
  profile_id: string;
  position: number;
  host: string;
  port: number;
  user: string;
  auth: SshHop['auth'];
  key_file: string;
  host_key: string;
  has_secret: number;
}

const selectHops = `
  SELECT h.*, (s.secret IS NOT NULL) AS has_secret
  FROM profile_ssh_hops h LEFT JOIN profile_ssh_secrets s ON s.profile_id = h.profile_id AND s.position = h.position`;

function toHop(row: HopRow): SshHop {
  return { host: row.host, port: row.port, user: row.user, auth: row.auth, keyFile: row.key_file, hostKey: row.host_key, hasSecret: row.has_secret === 1 };
}

/** A stored secret follows its host only: the same address, user and way of signing in. */
function sameHost(a: Pick<SshHop, 'host' | 'port' | 'user' | 'auth'>, b: Pick<SshHop, 'host' | 'port' | 'user' | 'auth'>): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.user === b.user && a.auth === b.auth;
}

export class SshRouteRepository {
  constructor(private readonly db: StoreDatabase) {}

  /** Every profile's route (profiles without one are absent). */
  all(): Map<string, SshHop[]> {
    const routes = new Map<string, SshHop[]>();
    for (const row of this.db.prepare(`${selectHops} ORDER BY h.profile_id, h.position`).all() as HopRow[]) {
      const route = routes.get(row.profile_id) ?? [];
      route.push(toHop(row));
      routes.set(row.profile_id, route);
    }
    return routes;
  }

  of(profileId: string): SshHop[] {
    return (this.db.prepare(`${selectHops} WHERE h.profile_id = ? ORDER BY h.position`).all(profileId) as HopRow[]).map(toHop);
  }

  /** Each host's passphrase or password, in chain order (undefined: none stored). */
  secrets(profileId: string): (string | undefined)[] {
    const rows = this.db.prepare('SELECT position, secret FROM profile_ssh_secrets WHERE profile_id = ?').all(profileId) as {
      position: number;
      secret: string;
    }[];
    const secrets: (string | undefined)[] = this.of(profileId).map(() => undefined);
    for (const row of rows) secrets[row.position] = row.secret;
    return secrets;
  }

  /**
   * Replaces the route (call inside the profile's transaction). A host given without its secret keeps
   * the one stored for the same host at the same place in the chain; anywhere else it has none.
   */
  replace(profileId: string, hops: readonly ValidSshHopInput[]): void {
    const before = this.of(profileId);
    const storedSecrets = this.secrets(profileId);
    this.db.prepare('DELETE FROM profile_ssh_hops WHERE profile_id = ?').run(profileId);
    const insertHop = this.db.prepare(
      'INSERT INTO profile_ssh_hops (profile_id, position, host, port, user, auth, key_file, host_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertSecret = this.db.prepare('INSERT INTO profile_ssh_secrets (profile_id, position, secret) VALUES (?, ?, ?)');
    hops.forEach((hop, position) => {
      insertHop.run(profileId, position, hop.host, hop.port, hop.user, hop.auth, hop.auth === 'key' ? hop.keyFile : '', hop.hostKey);
      const previous = before[position];
      const kept = hop.secret === undefined && previous && sameHost(previous, hop) ? storedSecrets[position] : undefined;
      const secret = hop.auth === 'agent' ? undefined : hop.secret || kept;
      if (secret) insertSecret.run(profileId, position, secret);
    });
  }

  /** Pins the key of the host at `position`; false when the route has no such host. */
  pin(profileId: string, position: number, fingerprint: string): boolean {
    return (
      this.db.prepare('UPDATE profile_ssh_hops SET host_key = ? WHERE profile_id = ? AND position = ?').run(fingerprint, profileId, position).changes === 1
    );
  }
}
