// What the graph screen loads: the project's graph with the connection's status beside it, and
// one revision's details for the side panel.
import type { WireError } from '../errors';
import type { GraphReport, Revision } from './revision';
import type { MigrationStatus } from './status';

export interface GraphLoad {
  report: GraphReport;
  /** Null when the database could not be read: the graph is still shown, with statusError. */
  status: MigrationStatus | null;
  statusError: WireError | null;
}

export interface LintFinding {
  rule: string;
  message: string;
  help: string | null;
  /** 1-based line in the revision's file. */
  line: number;
  level: string;
}

export type LintReport = { available: true; findings: LintFinding[] } | { available: false; reason: string };

export interface SqlSection {
  sql: string;
  /** 1-based line of the section's first line in the file. */
  line: number;
}

export interface RevisionDetail {
  revision: Revision & { onBranches: string[] };
  children: string[];
  up: SqlSection | null;
  down: SqlSection | null;
  /** Alembic revisions are Python: their file is shown instead of SQL. */
  source: string | null;
  tables: { created: string[]; dropped: string[]; renamed: Array<{ from: string; to: string }>; problems: string[] };
  lint: LintReport;
}
