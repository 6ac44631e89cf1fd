// Drift: how a database differs from what its project's migrations should have made of it, object by
// object, each named with the revision that made it; and the rules that set another application's
// objects apart, so they are never counted as drift.
import { z } from 'zod';
import type { AttributeChange } from '../schema/schemaDiff';
import type { ExpectedSchema } from './expectedSchema';
import type { SchemaObjectKind, SchemaUnread } from './schema';

const ruleText = z.string().trim().min(1).max(200);

/**
 * Objects that belong to another application sharing the database. Each rule looks at the top-level
 * object (a table for its columns, indexes and constraints): its schema, its name, or whether the
 * project's migrations made it at all.
 */
export const exclusionRulesSchema = z
  .object({
    /** Whole schemas: `wordpress`. */
    schemas: z.array(ruleText).max(200).default([]),
    /** Names with `*` for any run of characters, matched against `name` and `schema.name`: `wp_*`, `audit.*`. */
    namePatterns: z.array(ruleText).max(200).default([]),
    /** Every object the project's migrations did not make (an object of its own, not a column added to one of theirs). */
    notFromMigrations: z.boolean().default(false),
  })
  .strict();

export type ExclusionRules = z.output<typeof exclusionRulesSchema>;

export const noExclusions: ExclusionRules = { schemas: [], namePatterns: [], notFromMigrations: false };

/** In the user's words: `unexpected` the database has it and the migrations did not make it; `missing` the other way. */
export type DriftChange = 'unexpected' | 'missing' | 'changed';

export interface DriftedObject {
  change: DriftChange;
  kind: SchemaObjectKind;
  key: string;
  schema: string;
  name: string;
  /** Key of the top-level object it belongs to (its table), itself when it is one. */
  object: string;
  /**
   * The revision that made it; for an object no migration made, the one that made what it belongs to
   * (a column added by hand names its table's revision). Null when no revision made either.
   */
  revision: string | null;
  /** Its definition as the migrations made it and as the database has it; null on the side without it. */
  expected: string | null;
  actual: string | null;
  /** For `changed`: each attribute that differs (`from` is the migrations', `to` the database's). */
  attributes: AttributeChange[];
}

/** A top-level object set apart by a rule, and which rule. */
export interface OtherApplicationObject {
  key: string;
  kind: SchemaObjectKind;
  schema: string;
  name: string;
  /** The rule in words: `schema wordpress`, `name wp_*`, `not made by the migrations`. */
  rule: string;
}

export interface DriftReport {
  /** The connection's name (`orders (staging)`). */
  connection: string;
  /** What the migrations were replayed up to, where and when; the schema itself left out. */
  expected: Omit<ExpectedSchema, 'schema' | 'createdBy'>;
  /**
   * Every drifted object; an object unexpected or missing as a whole stands for what it holds (a table's
   * columns are not listed again). Empty: the database is what the migrations say, as far as was read.
   */
  objects: DriftedObject[];
  /** The revisions whose objects drifted, in the project's order: the graph marks them. */
  revisions: string[];
  otherApplication: OtherApplicationObject[];
  rules: ExclusionRules;
  /** What either side could not read: drift cannot speak for it. */
  unread: { expected: SchemaUnread[]; actual: SchemaUnread[] };
  /** How each side's read went otherwise than planned (its model's `notes`): said wherever drift is shown. */
  notes: { expected: string[]; actual: string[] };
}
