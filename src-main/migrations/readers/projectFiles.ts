// What a reader hands to the graph: the revisions, their text for static analysis, and the files
// it could not read (reported as anomalies, never thrown).
import type { Anomaly, ProjectFormat, Revision } from '../../../src-shared/model/revision';

/** A SQL body of a native revision, with the line it starts on for error messages. */
export interface SqlBody {
  sql: string;
  line: number;
  /** False for `-- migrate:up transaction:false` (e.g. CREATE INDEX CONCURRENTLY). */
  transaction: boolean;
  /** The file it is read from, relative to the project, when not the revision's own file (a down.sql, sqitch's verify/x.sql). */
  file?: string;
}

export interface RevisionFile {
  revision: Revision;
  /** The file's text, BOM removed and line ends normalised to `\n`. */
  text: string;
  up: SqlBody | null;
  down: SqlBody | null;
  /** Checked after `up` succeeds and before it is recorded (sqitch's verify script); its failure fails the step. */
  verify?: SqlBody | null;
  /** Files besides `revision.file` the revision is read from (a separate down file, sqitch's revert and verify), relative to the project. */
  otherFiles?: string[];
  /** Why the tool has no way back from this revision, said when a downgrade reaches it (Prisma has no down migrations). */
  noDowngrade?: string;
  /** What the format's bookkeeping needs beyond the revision (sqitch's change id, Flyway's script name…): read by that format only. */
  formatData?: Readonly<Record<string, unknown>>;
}

export interface ProjectFiles {
  format: ProjectFormat;
  /** Why the folder was read in this format (set by the registry). */
  detection?: string;
  /** The folder the user named (absolute); `file` paths are relative to it. */
  project: string;
  files: RevisionFile[];
  unreadable: Anomaly[];
}

/** Line ends and a byte-order mark never change what is read. */
export function normaliseText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export function unreadableFile(file: string, line: number, reason: string): Anomaly {
  return { kind: 'unreadableFile', message: `${file}:${line}: ${reason}`, file, line, revisions: [] };
}
