// Authoring a migration project: a new revision, a merge of heads, a re-parent — each shown as a
// diff and a graph change before anything is written.
import { z } from 'zod';
import type { ProjectFormat } from './revision';
import type { GitStanding, WritePlan } from './writePlan';

const projectDir = z.string().trim().min(1, 'A project folder is required').max(4096);
const revisionName = z.string().trim().min(1, 'A revision is required').max(500);
const message = z.string().trim().min(1, 'A message is required').max(500);

export const authoringRequestSchema = z.discriminatedUnion('action', [
  /** A new empty revision on `parent` (an id, a prefix, a label, `label@head`, `head`). */
  z.object({ action: z.literal('new'), project: projectDir, parent: revisionName, message, label: z.string().trim().min(1).max(200).optional() }).strict(),
  /** An empty revision whose parents are the chosen heads, or all of them. */
  z
    .object({
      action: z.literal('merge'),
      project: projectDir,
      heads: z.union([z.literal('all'), z.array(revisionName).min(2, 'A merge needs at least two heads').max(1000)]),
      message,
    })
    .strict(),
  /** `revision`'s parent changed to `parent` (`base`: none, a root). */
  z.object({ action: z.literal('reparent'), project: projectDir, revision: revisionName, parent: revisionName }).strict(),
]);

export type AuthoringRequest = z.output<typeof authoringRequestSchema>;
export type AuthoringAction = AuthoringRequest['action'];

export interface GraphChange {
  headsBefore: string[];
  headsAfter: string[];
  basesBefore: string[];
  basesAfter: string[];
}

/** What one connection bound to the project will need after a re-parent: offered, never run. */
export interface StampNeed {
  profileId: string;
  profile: string;
  /** What the database's bookkeeping records now. */
  recorded: string[];
  /** The heads to stamp (runner.run's stamp, `switchyard stamp … --to`) so the bookkeeping says what ran under the new shape; empty when no stamp can. */
  stampTo: string[];
  /** In words: why it needs a stamp, or why none can record it. */
  reason: string;
}

export interface StampCheck {
  /** False when the connections could not be read (the store locked): `reason` says so. */
  checked: boolean;
  reason: string | null;
  needs: StampNeed[];
  /** Connections bound to the project whose bookkeeping reads the same under the new shape. */
  unaffected: string[];
  /** Connections that could not be read, with why. */
  unreadable: Array<{ profile: string; reason: string }>;
}

export interface AuthoringPreview {
  /** Pass to `authoring.write` to write exactly this; kept for an hour by the process that made it. */
  previewId: string;
  action: AuthoringAction;
  format: ProjectFormat;
  project: string;
  plan: WritePlan;
  /** The plan as a unified diff. */
  diff: string;
  graph: GraphChange;
  /** The revision the write creates (new, merge), or the one it changes (reparent). */
  revision: { id: string; file: string; parents: string[] };
  git: GitStanding;
  /** Files the write would overwrite that hold uncommitted git changes: refused unless forced. */
  uncommittedTouched: string[];
  /** Re-parent only: what each connection bound to the project will need. */
  stamps: StampCheck | null;
  /** What else the user should know (a parent that is not a head makes a new branch, …). */
  notes: string[];
}
