// A rehearsal: the exact plan of a run, run first on a clone of the database, and what it showed —
// success or the failure, each revision's time, the locks it took on existing tables, the schema
// change it made. Kept per (database, plan, schema) so a run can show or require it.
import type { WireError } from '../errors';
import { diffNoteLines, diffUnreadLines } from '../schema/schemaComparisonText';
import type { SchemaDiff } from '../schema/schemaDiff';
import type { PreviewStep, RunRequest } from './run';

/** A lock the plan held on a table that existed before it ran, seen from a second connection. */
export interface RehearsedLock {
  /** The table as the user names it: `orders`, or `billing.orders` outside the default schema. */
  table: string;
  /** PostgreSQL's words for it, upper case: `ACCESS EXCLUSIVE`, `SHARE ROW EXCLUSIVE`. */
  mode: string;
  /** The revision running when it was first seen; empty while the run planned, before the first revision. */
  revision: string;
  /** From the first sample that saw it to the last (0 when one sample saw it): a lower bound. */
  heldMs: number;
  /**
   * The statement running when it was first seen (the one that took it; a lock is held to its
   * transaction's end), where its file has it; absent for a tool's run (Alembic), which cannot say.
   */
  statement?: { file: string; line: number; text: string };
}

/** How the clone was made, in the user's words, and why that way when it is not the plain copy. */
export interface RehearsalClone {
  how: 'template' | 'file copy' | 'schema replay';
  /** Where it was and how it was made, with the reason for a fallback and what it left out. */
  description: string;
}

export interface Rehearsal {
  /** The run rehearsed (the first of `requests` when there are several). */
  request: RunRequest;
  /** When the plan is several runs in turn on one database (a bound database with several heads): each, in order, on one clone. */
  requests?: RunRequest[];
  /** Which database, as the runner names it. */
  target: string;
  ok: boolean;
  /** The failure as the real run would have reported it (file and line in its detail). */
  failure?: WireError;
  steps: Array<PreviewStep & { durationMs: number }>;
  totalMs: number;
  clone: RehearsalClone;
  locks: RehearsedLock[];
  /** Why no locks could be reported, or how far the report goes (sampling interval), in words. */
  locksNote: string;
  /** The schema before the plan against after it (on a failure: after what ran). */
  schemaChange: SchemaDiff | null;
  /** ISO time the rehearsal finished. */
  at: string;
  /** Identify what was rehearsed: the same plan (the exact SQL) on the same schema. */
  planFingerprint: string;
  schemaFingerprint: string;
}

/** Where a run stands against the rehearsals kept for its database. */
export interface RehearsalStanding {
  /** rehearsed: this plan succeeded on this schema; failed: it failed there; stale/none: not rehearsed as it stands. */
  state: 'rehearsed' | 'failed' | 'stale' | 'none';
  /** Why, in words, when it is not `rehearsed`. */
  why: string;
  rehearsal?: Rehearsal;
}

/** What a lock mode keeps others from doing, in plain words. */
const blocks: Record<string, string> = {
  'ACCESS EXCLUSIVE': 'blocks reads and writes',
  EXCLUSIVE: 'blocks writes',
  'SHARE ROW EXCLUSIVE': 'blocks writes',
  SHARE: 'blocks writes',
  'SHARE UPDATE EXCLUSIVE': 'blocks schema changes and VACUUM',
  'ROW EXCLUSIVE': 'blocks schema changes',
  'ROW SHARE': 'blocks schema changes',
  'ACCESS SHARE': 'blocks schema changes',
};

/** `AccessExclusiveLock` → `ACCESS EXCLUSIVE`. */
export function lockModeWords(mode: string): string {
  return mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.max(ms, 0)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "ACCESS EXCLUSIVE on orders for 2.3 s (blocks reads and writes), revision 002, taken by 002_orders.sql:3 ALTER TABLE orders …". */
export function lockSentence(lock: RehearsedLock): string {
  const held = lock.heldMs === 0 ? 'briefly' : `for ${seconds(lock.heldMs)}`;
  const effect = blocks[lock.mode];
  const by = lock.statement ? `, taken by ${lock.statement.file}:${lock.statement.line} ${lock.statement.text}` : '';
  return `${lock.mode} on ${lock.table} ${held}${effect ? ` (${effect})` : ''}, ${lock.revision ? `revision ${lock.revision}` : 'while the run planned'}${by}`;
}

/** How a run uses rehearsals: first — rehearse before it unless this plan succeeded on this schema already; required — refuse it unless one did. */
export const runRehearsals = ['first', 'required'] as const;
export type RunRehearsal = (typeof runRehearsals)[number];

const cloneSides = { from: 'the clone before the plan', to: 'the clone after the plan' };

/** What the schema change cannot speak for: objects either read of the clone could not model (`not read: …`), and each note on how a read went. */
export function rehearsalReadLines(rehearsal: Pick<Rehearsal, 'schemaChange'>): string[] {
  const change = rehearsal.schemaChange;
  if (change === null) return [];
  return [...diffUnreadLines(change, cloneSides).map((line) => `not read: ${line}`), ...diffNoteLines(change, cloneSides)];
}
