// Store step 10: each profile's SSH route, one row per host in chain order (outermost first), and the
// hosts' secrets (a key's passphrase or a password) in a table of their own, as the profiles' are.
export const sshRouteStep = {
  version: 10,
  description: "each profile's SSH route: its hosts in chain order with their pinned host keys, and their secrets apart",
  sql: `
    CREATE TABLE profile_ssh_hops (
      profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      host TEXT NOT NULL,
      port INTEGER NOT NULL DEFAULT 22,
      user TEXT NOT NULL,
      auth TEXT NOT NULL,
      key_file TEXT NOT NULL DEFAULT '',
      -- The accepted key's SHA256 fingerprint; '' until one is accepted.
      host_key TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (profile_id, position)
    );
    CREATE TABLE profile_ssh_secrets (
      profile_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      secret TEXT NOT NULL,
      PRIMARY KEY (profile_id, position),
      FOREIGN KEY (profile_id, position) REFERENCES profile_ssh_hops (profile_id, position) ON DELETE CASCADE
    );
  `,
};
