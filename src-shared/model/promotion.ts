// Promoting one environment of a project to the next: the plan is exactly what the previous
// environment has and the next lacks; gates, each shown and each recorded, stand between the plan
// and the run. The shapes the app, the CLI and the audit log agree on.
import { z } from 'zod';
import { boundRehearsalModes } from './boundRun';
import { confirmationSchema } from './confirmation';
import { projectEnvironmentNameSchema } from './project';
import type { RehearsalStanding } from './rehearsal';
import { rehearsalOutcomeSentence, type RehearsalOutcome } from './rehearsalOutcome';
import type { PreflightFinding } from './run';
import type { RunFailure } from './runFailure';

export const promotionGateNames = ['upstream', 'checksums', 'anomalies', 'noDowngrade', 'preflight', 'dryRun', 'confirmation', 'approval'] as const;
export type PromotionGateName = (typeof promotionGateNames)[number];

/** What each gate checks, in words (the gate's title on screen and in the report). */
export const promotionGateTitles: Record<PromotionGateName, string> = {
  upstream: 'Every revision of the plan succeeded in the previous environment',
  checksums: "The files' checksums equal what the previous environment recorded",
  anomalies: 'No anomaly on the path',
  noDowngrade: 'The next environment has nothing the previous one lacks (no downgrade first)',
  preflight: 'Preflight clean on the target',
  dryRun: 'Dry run: the SQL of exactly this plan',
  confirmation: "Production: the connection's name typed",
  approval: "A second person's approval (name and note)",
};

/** passed, failed, or required: asked for when the promotion runs (the typed confirmation, the approval). */
export type GateStatus = 'passed' | 'failed' | 'required' | 'notNeeded';

export interface PromotionGate {
  name: PromotionGateName;
  status: GateStatus;
  /** Why it passed or failed, in words. */
  detail: string;
}

/** One connection of the next environment: what it gets, and the dry run. */
export interface PromotionTarget {
  profileId: string;
  profileName: string;
  /** A project with bindings: the database (role) it is; the targets then come in the bindings' order, the order they run. */
  role?: string;
  production: boolean;
  /** The connections of the previous environment its plan is read from (with bindings: those playing its role); empty when none does. */
  sources: string[];
  /** In plan order. */
  toApply: string[];
  /** What it has that the previous environment lacks (a promotion never reverts: the noDowngrade gate). */
  toRevert: string[];
  /** The upgrades run, one per head of the previous environment it lacks, in this order. */
  runTo: string[];
  /** The exact SQL of the dry run, bookkeeping included. */
  sql: string;
  findings: PreflightFinding[];
  /**
   * Its rehearsal before the promotion runs: whether it rehearses by default (its connection is
   * staging or production) and where its plan stands against the rehearsals kept ("rehearsed ✓ 2 min
   * ago", or why not); absent when it has nothing to apply.
   */
  rehearsal?: { rehearsesByDefault: boolean; standing?: RehearsalStanding; error?: string };
}

export interface PromotionPreview {
  project: string;
  from: string;
  to: string;
  /** Every revision the promotion applies, in plan order (the union of the targets'). */
  plan: string[];
  targets: PromotionTarget[];
  gates: PromotionGate[];
  production: boolean;
  requireApproval: boolean;
  /** What must be typed to confirm on production: the connection's name, or the environment's when it has several. */
  confirmationName: string | null;
  previewedAt: string;
}

export const approvalSchema = z
  .object({
    by: z.string().trim().min(1, "The approver's name is required").max(200),
    note: z.string().trim().min(1, 'The approval note is required').max(2000),
  })
  .strict();

export type Approval = z.infer<typeof approvalSchema>;

export const promotionPreviewSchema = z
  .object({
    project: z.string().trim().min(1, 'A project is required').max(100),
    from: projectEnvironmentNameSchema,
    to: projectEnvironmentNameSchema,
  })
  .strict();

export const promotionRunSchema = promotionPreviewSchema
  .extend({
    confirmation: confirmationSchema.default({}),
    approval: approvalSchema.optional(),
    /**
     * Each connection's plan rehearsed on its own clone before anything runs anywhere, in run order:
     * protected (default) — those on staging or production connections, reusing a rehearsal of the
     * same plan on the same schema; first — every one; required — refused unless each already
     * succeeded; skip — none, said in the record (the CLI's --no-rehearse).
     */
    rehearsal: z.enum(boundRehearsalModes).default('protected'),
    /** Rehearse every connection's plan and run nothing on the databases (the CLI's --rehearse): the record's outcome is `rehearsed`. */
    rehearseOnly: z.boolean().default(false),
  })
  .strict();

export type PromotionRunInput = z.input<typeof promotionRunSchema>;

/** rehearsed: a rehearsal alone (rehearseOnly), every plan succeeded on its clone and nothing ran on the databases. */
export type PromotionOutcome = 'succeeded' | 'failed' | 'refused' | 'rehearsed';

/** What one connection of the promoted environment ran: done, level (nothing it lacked), failed, or not started (an earlier one failed, or the promotion was refused). */
export type PromotionTargetOutcome = 'done' | 'level' | 'failed' | 'notStarted';

export interface PromotionRecordTarget {
  profileName: string;
  /** A project with bindings: its database (role). */
  role?: string;
  /** Absent in records written before promotions said it. */
  outcome?: PromotionTargetOutcome;
  applied: string[];
  /** With the failing statement's file and line when the runner knows them (records before that: code and message only). */
  error?: RunFailure;
  /** Its rehearsal on a clone before anything ran (absent in records before promotions rehearsed, and while the gates are checked). */
  rehearsal?: RehearsalOutcome;
}

/** A promotion's progress: one connection's line as it is now (`running` while its upgrades run), by its index in the run order. */
export interface PromotionProgress {
  index: number;
  running: boolean;
  target: PromotionRecordTarget;
}

/** "auth (prod_auth)" with bindings, else the connection's name. */
const connectionWords = (t: { role?: string; profileName: string }) => (t.role === undefined ? t.profileName : `${t.role} (${t.profileName})`);

/** One connection's line: "auth (prod_auth): applied a2, a3", "specs (prod_specs): not started". */
export function promotionTargetLine(t: PromotionRecordTarget): string {
  const who = connectionWords(t);
  const applied = t.applied.join(', ');
  switch (t.outcome) {
    case 'failed':
      return `${who}: failed${applied ? ` after applying ${applied}` : ''}: ${t.error?.message ?? 'unknown error'}`;
    case 'notStarted':
      return `${who}: not started`;
    default:
      return `${who}: ${t.applied.length === 0 ? 'already level' : `applied ${applied}`}`;
  }
}

/** One connection's rehearsal: "auth (staging_auth): rehearsed ✓ on a clone in 120 ms", "specs (staging_specs): failed on the clone at 004_s2.sql:6:1 (s2): …". */
export function promotionRehearsalLine(t: PromotionRecordTarget): string {
  return `${connectionWords(t)}: ${t.rehearsal ? rehearsalOutcomeSentence(t.rehearsal) : 'not rehearsed'}`;
}

/** Who promoted what when, through which gates, and how it ended: the audit log's entry, exported as Markdown or JSON. */
export interface PromotionRecord {
  project: string;
  from: string;
  to: string;
  by: string;
  at: string;
  plan: string[];
  gates: PromotionGate[];
  approval?: Approval;
  /** In run order (with bindings: the bindings' order); the run stops at the first failure. */
  targets: PromotionRecordTarget[];
  outcome: PromotionOutcome;
  /** Why it failed or was refused, in words. */
  reason?: string;
  /** How it used rehearsals (absent in records before promotions rehearsed). */
  rehearsal?: PromotionRunInput['rehearsal'];
}
