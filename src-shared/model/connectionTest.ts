// The outcome of "Test connection", shown in place in the form and printed by the CLI.

export interface ConnectionTestResult {
  serverVersion: string;
  latencyMs: number;
  currentUser: string;
  canCreateDatabase: boolean;
  readOnly: boolean;
  /** Through an SSH route: each host reached, authenticated, and the last one's forward, in order. */
  tunnel?: TunnelStep[];
}

/** One hop of the way to the database: "reached deploy@bastion (ED25519 key SHA256:…)", "forwarded to db:5432". */
export interface TunnelStep {
  step: 'reached' | 'authenticated' | 'forwarded';
  /** The SSH host (user@host:port), or for `forwarded` the database's host:port as the last SSH host sees it. */
  where: string;
  /** reached: the host key's fingerprint; authenticated: the method. */
  detail: string;
}
