// Upgrade, downgrade and stamp as the UI previews them and the runner reports them.
import type { ConnectionStatus } from './status';

export const runActions = ['upgrade', 'downgrade', 'stamp'] as const;
export type RunAction = (typeof runActions)[number];

export interface RunRequest {
  action: RunAction;
  /** Any target the graph engine accepts: heads, head, base, an id prefix, label@head, +1, -2… */
  target: string;
  /** For stamp: remove records down to the target instead of adding them up to it. */
  down?: boolean;
}

export interface PreviewStep {
  revision: string;
  direction: 'up' | 'down';
  file: string;
  message: string;
}

export interface PreflightFinding {
  severity: 'error' | 'warning';
  message: string;
  revision?: string;
  table?: string;
}

export interface RunPreview {
  request: RunRequest;
  steps: PreviewStep[];
  /** The exact SQL, in order, bookkeeping included (for Alembic: what `alembic … --sql` prints). */
  sql: string;
  findings: PreflightFinding[];
  /** The profile is a production one: running needs an explicit confirmation. */
  production: boolean;
}

export interface RunResult {
  request: RunRequest;
  steps: Array<PreviewStep & { durationMs: number }>;
  totalMs: number;
  status: ConnectionStatus;
}
