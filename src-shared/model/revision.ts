// The migration graph as every process sees it: revisions, anomalies and plans, as plain data.

// Each is a folder in src-main/formats/ that reads, orders, applies and records as the tool of that name does.
export const projectFormats = ['native', 'alembic', 'sqitch', 'dbmate', 'golang-migrate', 'goose', 'pop', 'diesel', 'prisma', 'flyway'] as const;
export type ProjectFormat = (typeof projectFormats)[number];

const formatLabels: Partial<Record<ProjectFormat, string>> = { native: 'Native SQL', alembic: 'Alembic', pop: 'ory/pop', prisma: 'Prisma' };

/** The format as its users name it (a tool's own name where it has one). */
export function formatLabel(format: ProjectFormat): string {
  return formatLabels[format] ?? format;
}

/** One migration as its file declares it. */
export interface Revision {
  id: string;
  /** Revisions this one follows (Alembic's down_revision); none for a root, two or more for a merge. */
  parents: string[];
  /** Cross-branch requirements (Alembic's depends_on): applied first, but not parents. */
  dependsOn: string[];
  /** Branch labels the file itself declares. */
  branchLabels: string[];
  message: string;
  /** The create date from an Alembic docstring, as written; null when absent. */
  createdAt: string | null;
  /** Path relative to the project folder, with forward slashes. */
  file: string;
  /** 1-based line of the revision's header (its `revision` line). */
  line: number;
}

export const anomalyKinds = [
  'duplicateRevision',
  'missingParent',
  'cycle',
  'extraRoot',
  'multipleHeads',
  'duplicateMerge',
  'duplicateLabel',
  'unreadableFile',
  'unknownApplied',
  'tableCreatedTwice',
  /** An Alembic header field that is not a literal and names nothing Switchyard could resolve statically. */
  'unresolvedHeader',
  /** A file in the project that looks like a migration but that the project's tool would not run (the message says why). */
  'unusedFile',
  /** A setting in the tool's configuration that changes what runs or what is recorded, which Switchyard does not honour. */
  'unsupportedSetting',
] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

/** Something wrong with a project, reported as data so the UI and CLI can show it beside the graph. */
export interface Anomaly {
  kind: AnomalyKind;
  message: string;
  /** Where to look; null when no file is involved (e.g. a revision only the database knows). */
  file: string | null;
  line: number | null;
  revisions: string[];
}

export type PlanDirection = 'up' | 'down';

export interface PlanStep {
  revision: string;
  direction: PlanDirection;
}

export interface Plan {
  steps: PlanStep[];
}

/** What `switchyard graph --json` prints and the graph screen loads. */
export interface GraphReport {
  format: ProjectFormat;
  /** Why the folder was read in that format: what detection saw, or that --format chose it. */
  detection: string;
  project: string;
  revisions: Array<Revision & { onBranches: string[] }>;
  heads: string[];
  bases: string[];
  branchPoints: string[];
  mergePoints: string[];
  /** Heads that only a depends_on points at (Alembic's "effective head"). */
  effectiveHeads: string[];
  anomalies: Anomaly[];
}
