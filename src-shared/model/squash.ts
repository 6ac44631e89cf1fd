// Squashing a linear run of revisions into one: the request, the plan shown before anything is written
// (the files, the graph before and after, where each bound connection stands, the proof), and the proof
// in words — one shape for the CLI, the API and the Graph tab's Squash dialog.
import { z } from 'zod';
import { countOf } from '../format/plural';
import { differenceObject, differenceText } from '../schema/schemaComparisonText';
import { allDifferences, type SchemaDiff } from '../schema/schemaDiff';
import type { SchemaSql } from '../schema/schemaSql';
import type { GraphChange } from './authoring';
import { engines, type Engine } from './engine';
import type { FileWrite, GitStanding } from './writePlan';

const revisionName = z.string().trim().min(1, 'A revision is required').max(500);

export const squashRequestSchema = z
  .object({
    project: z.string().trim().min(1, 'A project folder is required').max(4096),
    first: revisionName,
    last: revisionName,
    message: z.string().trim().min(1, 'A message is required').max(500),
    /** The engine the project's SQL is for; the bound connections' when they agree, else PostgreSQL. */
    engine: z.enum(engines).optional(),
  })
  .strict();

export type SquashRequest = z.output<typeof squashRequestSchema>;

export interface SquashRun {
  /** From FIRST to LAST, parents first. */
  revisions: string[];
  /** FIRST's parent, which the squashed revision takes; null when FIRST is a root. */
  parent: string | null;
  /** LAST's children, whose parent becomes the squashed revision. */
  children: string[];
  /** The run's branch labels, which the squashed revision carries. */
  branchLabels: string[];
}

export interface SquashedRevision {
  id: string;
  parent: string | null;
  branchLabels: string[];
  message: string;
  /** The revisions it replaces, parents first. */
  replaces: string[];
  up: SchemaSql;
  down: SchemaSql;
}

export interface SquashStanding {
  /** The connection's profile, so a stamp can be offered on it. */
  profileId: string;
  connection: string;
  environment: string;
  engine: Engine;
  standing: 'before the run' | 'past the run' | 'inside the run' | 'not read';
  /** The run's revisions it has applied (inside the run: some of them). */
  appliedOfRun: string[];
  /** Past the run: it applied some of LAST's children too, so the squashed revision is implied applied and needs no stamp. */
  appliedAfter: string[];
  /** Why it was not read (unreachable, a wrong password…). */
  reason?: string;
}

export interface ProofCheck {
  /** What was compared, in words. */
  check: string;
  /** Objects each side holds (bookkeeping aside). */
  original: number;
  squashed: number;
  /** The way from the original's schema to the squashed one's: empty when they are identical. */
  diff: SchemaDiff;
}

export interface SquashProof {
  up: ProofCheck;
  down: ProofCheck;
  /** Set when the original could not be downgraded: the squashed downgrade was compared with the original upgraded to the parent instead. */
  downNote?: string;
  replayedIn: string;
  proven: boolean;
}

export interface SquashPlan {
  project: string;
  engine: Engine;
  revision: SquashedRevision & { file: string };
  run: SquashRun;
  /** The heads and roots before and after. */
  graph: GraphChange;
  /** Every connection bound to the project, and where it stands against the run. */
  standings: SquashStanding[];
  /** Connections that applied the whole run and none of LAST's children: a stamp of the squashed revision records it on them. */
  stamps: string[];
  proof: SquashProof;
  /** Where the proof is saved, beside the archived files. */
  proofFile: string;
  writes: FileWrite[];
  /** The writes as a unified diff, shown before anything is written. */
  diff: string;
}

/** A plan as the app shows it: `squashes.write` with its id writes exactly it. */
export interface SquashPreview extends SquashPlan {
  /** Kept for an hour by the process that made it. */
  previewId: string;
  git: GitStanding;
  /** Files the write would overwrite or remove that hold uncommitted git changes: refused unless forced. */
  uncommittedTouched: string[];
}

/** The proof in words: each check's verdict, then each difference under it. */
export function proofLines(proof: SquashProof): string[] {
  const lines: string[] = [];
  for (const c of [proof.up, proof.down]) {
    const verdict = c.diff.equal ? 'identical (diff empty)' : `${countOf(allDifferences(c.diff).length, 'difference')}`;
    lines.push(`${c.check}: original ${countOf(c.original, 'object')}, squashed ${countOf(c.squashed, 'object')} — ${verdict}`);
    for (const d of allDifferences(c.diff)) lines.push(`  ${differenceObject(d)}: ${differenceText(d, { from: 'the original', to: 'the squashed project' })}`);
  }
  if (proof.downNote) lines.push(`note: ${proof.downNote}`);
  return lines;
}
