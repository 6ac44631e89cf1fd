// A copy of a real database to rehearse a run on, and the watch on the locks a run takes there: what
// an engine's openClone and watchLocks give back. Types only: the engines implement them.
import type { RehearsalClone } from '../../src-shared/model/rehearsal';
import type { ScratchDatabase } from './scratchDatabase';

export interface CloneDatabase extends ScratchDatabase {
  made: RehearsalClone;
}

/** A lock seen held on a table that existed when the watch began. */
export interface SeenLock {
  /** `orders`, or `billing.orders` outside the default schema. */
  table: string;
  /** As the server names it (`AccessExclusiveLock`). */
  mode: string;
  /** What the caller said was running when it was first seen. */
  during: string;
  firstSeenMs: number;
  lastSeenMs: number;
}

export interface LockWatch {
  /**
   * Locks seen from now on are attributed to `what` (the revision, or the statement, about to run).
   * The watch first samples the locks held now, for what ran before: awaited between two statements,
   * each lock is named by the statement that took it, however quick.
   */
  during(what: string): void | Promise<void>;
  /** Stops sampling and closes its connection; returns what was seen. */
  stop(): Promise<SeenLock[]>;
  /** How far the report goes, or why there is none, in words. */
  readonly note: string;
}
