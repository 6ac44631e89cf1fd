// What adopting a revision compares (the CLI's `revision adopt`, the Graph tab's Adopt): the objects
// the revision makes, what the database holds of each, and whether a stamp would record the truth.
import type { SchemaObjectKind } from './schema';
import { diffNoteLines } from '../schema/schemaComparisonText';
import type { SchemaDiff } from '../schema/schemaDiff';

export interface ComparedObject {
  key: string;
  kind: SchemaObjectKind;
  /** What the revision does to it. */
  change: 'creates' | 'changes' | 'drops';
  /** What the database holds of it: `same` as the revision leaves it, or how it differs. */
  onDatabase: 'same' | 'differs' | 'missing' | 'still there';
}

export interface AdoptionEvidence {
  /** Every object the revision creates, changes or drops, with what the database holds of it. */
  compared: ComparedObject[];
  /** The way from the database to what the revision leaves, on those objects only: empty when adoptable. */
  differences: SchemaDiff;
}

export interface RevisionAdoption extends AdoptionEvidence {
  connection: string;
  revision: string;
  parents: string[];
  /** Where the two replays ran (a scratch database beside the target, or the embedded server). */
  replayedIn: string;
  /** The differences are none: stamping the revision records what the database holds already. */
  adoptable: boolean;
  /** What the database's or the replay's reader could not model: the comparison cannot speak for it. */
  unread: string[];
}

/** How the database's and the replay's reads went otherwise than planned: said beside the comparison. */
export function adoptionNoteLines(adoption: Pick<RevisionAdoption, 'differences' | 'connection' | 'revision'>): string[] {
  return diffNoteLines(adoption.differences, { from: adoption.connection, to: `what ${adoption.revision} makes` });
}
