// The expected schema: what a project's migrations make, replayed into a scratch database up to a set
// of revisions and read with the schema model. Drift is the diff of it against the database itself.
import type { SchemaModel } from './schema';

export interface ExpectedSchema {
  schema: SchemaModel;
  /** The revisions replayed up to (the heads of what was replayed), in the project's order; empty: nothing was. */
  revisions: string[];
  /** Why these revisions, in words: "what orders (staging) has applied", "the revisions asked for", "every head of the project". */
  revisionsFrom: string;
  /**
   * Revisions the database records as applied that no file of the project defines: whatever they made
   * is not in the expected schema.
   */
  unknownApplied: string[];
  /** Where the replay ran, in words ("a temporary database on db:5432", "Switchyard's embedded PostgreSQL 18 …, because …"). */
  replayedIn: string;
  /** When the replay ran (ISO 8601); a cached answer keeps the moment of its replay. */
  replayedAt: string;
  /** True when this answer came from the cache (the same files and revisions were replayed before). */
  fromCache: boolean;
  /** SHA-256 of the project's files: a changed file is a new replay. */
  projectChecksum: string;
  /**
   * Which revision first made each object (its key → the revision's id), recorded when the replay was
   * run one revision at a time (drift asks for it); absent when it was run in one go.
   */
  createdBy?: Record<string, string>;
}
