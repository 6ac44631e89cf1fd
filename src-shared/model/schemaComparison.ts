// The schema diff's two sides and its answer, as the CLI's `switchyard diff`, the Compare screen and
// the API see them: any two of a connection, a snapshot, and the expected schema of a project.
import { z } from 'zod';
import type { SchemaDiff } from '../schema/schemaDiff';
import type { SchemaSql } from '../schema/schemaSql';
import type { ExclusionRules, OtherApplicationObject } from './drift';
import type { ExpectedSchema } from './expectedSchema';
import { engines, profileIdSchema, projectFormatChoices, type Engine } from './profile';
import { targetRefSchema } from './targetRef';

const revisions = z.array(z.string().trim().min(1).max(200)).max(100).optional();

/** The sides a database stands for: itself now, one of its snapshots, what its migrations make. */
function databaseSides<T extends z.ZodType>(target: T) {
  return [
    /** The database itself, read now. */
    z.object({ kind: z.literal('connection'), target }).strict(),
    /** A snapshot by its id (or the start of it), read without changing it. */
    z.object({ kind: z.literal('snapshot'), snapshotId: z.string().trim().min(1).max(64) }).strict(),
    /** What the connection's migrations make: up to what it has applied, or to `revisions`. */
    z.object({ kind: z.literal('expected'), target, revisions }).strict(),
  ] as const;
}

/** What a project's migrations make on their own: up to `revisions`, every head when none. */
const projectSide = z
  .object({
    kind: z.literal('project'),
    project: z.string().trim().min(1).max(4096),
    format: z.enum(projectFormatChoices).optional(),
    alembic: z.string().min(1).max(1000).optional(),
    /** The engine to replay on; the other side's when it has one, else PostgreSQL. */
    engine: z.enum(engines).optional(),
    revisions,
  })
  .strict();

export const schemaSideSchema = z.discriminatedUnion('kind', [...databaseSides(targetRefSchema), projectSide]);
/**
 * Over the API only saved connections: a URL (and a password in it) stays the CLI's, and so does a
 * project given by folder (its Alembic command would run as typed).
 */
export const savedSchemaSideSchema = z.discriminatedUnion('kind', databaseSides(z.object({ profileId: profileIdSchema }).strict()));

export type SchemaSide = z.input<typeof schemaSideSchema>;
export type SavedSchemaSide = z.input<typeof savedSchemaSideSchema>;

/** One side as it was read. */
export interface ComparedSide {
  /** What it is, in words: `shop (staging)`, `snapshot "Before release" of shop (staging)`, `what shop's migrations make`. */
  name: string;
  engine: Engine;
  /** Where it was read, in words: the database, the copy a snapshot was read from, where the replay ran. */
  readFrom: string;
  serverVersion?: string;
  /** For an expected schema: which revisions, why those, and whether it came from the cache. */
  expected?: Omit<ExpectedSchema, 'schema'>;
}

/** Another application's objects, set apart by the exclusion rules of one side's connection. */
export interface ComparisonSetApart {
  /** The saved connection whose rules they are (the side to change's when it has one): `shop (production)`. */
  connection: string;
  profileId: string;
  rules: ExclusionRules;
  /** Each top-level object that differed and a rule set apart: not in `diff`, so neither counted nor in the SQL. */
  objects: OtherApplicationObject[];
  /** Why a rule set here could not apply, in words (`not made by the migrations` with neither side what migrations make). */
  notApplied: string[];
}

export interface SchemaComparison {
  from: ComparedSide;
  to: ComparedSide;
  /** `diffSchemas(from, to)` (added is what only `to` has), without what `otherApplication` sets apart. */
  diff: SchemaDiff;
  /** Set when a side is a saved connection, its snapshot or what its migrations make: its rules (none: nothing set apart), so they can be edited from the diff. */
  otherApplication?: ComparisonSetApart;
  /** The statements that turn `from` into `to`, written by `from`'s engine; never run by the comparison. */
  sql: SchemaSql;
}
