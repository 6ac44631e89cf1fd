// Promotes one environment of a project to the next: reads the matrix, plans exactly what the
// previous environment has and the next lacks, checks every gate (each shown in the preview and
// recorded in the audit log), then rehearses each connection's plan on its own clone (by default those
// on staging and production connections, in run order, before anything runs anywhere: one failed
// rehearsal runs nothing), then runs the plan through the runner (one way in), connection by
// connection. A refused or failed promotion is recorded as such, with its gates and rehearsals.
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import { promotionPlan, type TargetPlan } from '../../src-shared/matrix/promotionPlan';
import { confirmationRefusal, type Confirmation } from '../../src-shared/model/confirmation';
import type { Matrix } from '../../src-shared/model/matrix';
import { sameName } from '../projects/checkedModel';
import {
  promotionGateTitles,
  promotionTargetLine,
  type Approval,
  type PromotionGate,
  type PromotionPreview,
  type PromotionRecord,
  type PromotionRecordTarget,
  type PromotionTarget,
  promotionRehearsalLine,
} from '../../src-shared/model/promotion';
import { rehearsalOutcomeOf } from '../../src-shared/model/rehearsalOutcome';
import { runFailureOf } from '../../src-shared/model/runFailure';
import type { BoundDatabaseRehearsal, BoundRehearsalMode } from '../../src-shared/model/boundRun';
import type { MemberTarget, Project } from '../../src-shared/model/project';
import type { OperationStarted } from '../../src-shared/model/operation';
import type { PreviewStep } from '../../src-shared/model/run';
import type { MatrixService } from '../matrix/matrixService';
import type { OperationContext, Operations } from '../operations/operations';
import { databaseName, databaseRequests, rehearseDatabases, rehearsesUnder, type DatabaseToRehearse } from '../projects/boundRehearsals';
import type { ProjectService } from '../projects/projectService';
import type { RehearsalService } from '../runner/rehearsal/rehearsalService';
import type { RunnerService } from '../runner/runnerService';
import type { StoreSession } from '../session/storeSession';

export interface PromotionRequest {
  project: string;
  from: string;
  to: string;
}

/** How the run uses rehearsals (promotionRunSchema's fields). */
export interface PromotionRehearsal {
  rehearsal: BoundRehearsalMode;
  rehearseOnly: boolean;
}

/** Why a skipped rehearsal was skipped, in the record's words. */
const skippedWhy = 'skipped when the promotion was started (--no-rehearse)';

interface Prepared {
  preview: PromotionPreview;
  members: MemberTarget[];
}

/** "alice via cli" → "alice": the person an approval must not be. */
const personOf = (actor: string) =>
  actor
    .replace(/ via .*$/, '')
    .trim()
    .toLowerCase();

function neighbours(project: Project, from: string, to: string): { from: string; to: string } {
  const names = project.environments.map((e) => e.name);
  const i = names.findIndex((n) => sameName(n, from));
  const j = names.findIndex((n) => sameName(n, to));
  const order = names.join(' → ') || 'none yet';
  if (i === -1 || j === -1) {
    const missing = i === -1 ? from : to;
    throw new SwitchyardError('E_NOT_FOUND', `The project "${project.name}" has no environment "${missing}" (its promotion order: ${order}).`);
  }
  if (j !== i + 1) {
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `${names[j]} does not follow ${names[i]} in the promotion order of "${project.name}" (${order}): promote each environment to the next one.`,
    );
  }
  return { from: names[i] as string, to: names[j] as string };
}

function gateText(gate: PromotionGate): string {
  return `${promotionGateTitles[gate.name]}: ${gate.detail}`;
}

export class PromotionService {
  constructor(
    private readonly matrices: MatrixService,
    private readonly projects: ProjectService,
    private readonly runner: RunnerService,
    private readonly operations: Operations,
    private readonly session: StoreSession,
    private readonly rehearsals: RehearsalService,
  ) {}

  /** The plan and every gate, with the dry run's SQL and where each connection's plan stands against its rehearsals; nothing changes. */
  async preview(request: PromotionRequest, actor: string): Promise<PromotionPreview> {
    return (await this.prepare(request, actor, { standing: true })).preview;
  }

  /**
   * Runs the promotion as a long operation (op.done carries the PromotionRecord): the preview again,
   * then the people's gates; any failed gate refuses it (E_PROMOTION_REFUSED naming each), recorded.
   */
  run(
    request: PromotionRequest,
    actor: string,
    {
      confirmation,
      approval,
      rehearsal = { rehearsal: 'protected', rehearseOnly: false },
    }: { confirmation: Confirmation; approval?: Approval; rehearsal?: PromotionRehearsal },
  ): OperationStarted {
    // Checked before the operation starts: an unknown project or environments that are not neighbours are the caller's mistake.
    neighbours(this.projects.get(request.project), request.from, request.to);
    if (rehearsal.rehearseOnly && rehearsal.rehearsal !== 'protected' && rehearsal.rehearsal !== 'first') {
      throw new SwitchyardError('E_INVALID_INPUT', 'A rehearsal alone rehearses every connection: it takes no other rehearsal mode. Nothing was run.');
    }
    return this.operations.start('promotion.run', (operation) => this.promote(request, actor, confirmation, approval, rehearsal, operation));
  }

  private async promote(
    request: PromotionRequest,
    actor: string,
    confirmation: Confirmation,
    approval: Approval | undefined,
    { rehearsal: mode, rehearseOnly }: PromotionRehearsal,
    operation: OperationContext<'promotion.run'>,
  ): Promise<PromotionRecord> {
    operation.log('info', `Reading every connection of ${request.from} and ${request.to}…`);
    const { preview, members } = await this.prepare(request, actor, { standing: false });
    // A rehearsal alone changes no database: the people's gates are left to the run.
    const gates = rehearseOnly ? preview.gates : preview.gates.map((gate) => this.decided(gate, preview, actor, confirmation, approval));
    const record: PromotionRecord = {
      project: preview.project,
      from: preview.from,
      to: preview.to,
      by: actor,
      at: new Date().toISOString(),
      plan: preview.plan,
      gates,
      ...(approval && preview.requireApproval ? { approval } : {}),
      targets: preview.targets.map((t) => ({
        profileName: t.profileName,
        ...(t.role === undefined ? {} : { role: t.role }),
        outcome: 'notStarted',
        applied: [],
      })),
      outcome: 'succeeded',
      rehearsal: rehearseOnly ? 'first' : mode,
    };
    const failed = gates.filter((g) => g.status === 'failed');
    for (const gate of gates) operation.log(gate.status === 'failed' ? 'error' : 'info', `${gate.status === 'failed' ? '✗' : '✓'} ${gateText(gate)}`);
    if (failed.length > 0) {
      const reason = `The promotion of ${preview.from} to ${preview.to} was refused: ${failed.map(gateText).join(' ')} Nothing was run.`;
      this.audit(actor, 'promotion.refused', { ...record, outcome: 'refused', reason });
      throw new SwitchyardError('E_PROMOTION_REFUSED', reason, { record: { ...record, outcome: 'refused', reason } });
    }
    // In the preview's order: with bindings, the bindings' order, one database after another, stopping all at the first failure.
    const total = preview.targets.length;
    // Each connection's line as it changes (rehearsing, running, each upgrade's revisions, how it ended), for a window to show live.
    const report = (index: number, running: boolean) => {
      const target = { ...(record.targets[index] as PromotionRecordTarget) };
      operation.progress(running ? index : index + 1, total, `${target.profileName}: ${running ? 'running' : target.outcome}`, { index, running, target });
    };
    await this.rehearseFirst(preview, members, record, { mode, rehearseOnly, actor, operation });
    if (rehearseOnly) return record;
    for (const [index, target] of preview.targets.entries()) {
      const member = members.find((m) => m.profileId === target.profileId);
      const entry = record.targets[index] as PromotionRecordTarget;
      entry.outcome = 'level';
      if (!member || target.runTo.length === 0) {
        report(index, false);
        continue;
      }
      for (const head of target.runTo) {
        operation.checkpoint();
        operation.log('info', `${target.profileName}: upgrade to ${head}…`);
        report(index, true);
        try {
          const result = await this.runner.runWithin(
            member.ref,
            { action: 'upgrade', to: head },
            actor,
            // The promotion's own confirmation was checked above (the confirmation gate), for every connection of the environment.
            { confirmation: { typedName: target.profileName } },
            operation,
          );
          entry.applied.push(...result.steps.map((s) => s.revision));
          entry.outcome = 'done';
        } catch (error) {
          const wire = toWireError(error);
          entry.outcome = 'failed';
          entry.error = runFailureOf(error);
          entry.applied = await this.appliedBeforeFailure(member, target.toApply, entry.applied);
          report(index, false);
          const lines = record.targets.map(promotionTargetLine);
          const reason = `The promotion of ${preview.from} to ${preview.to} failed on ${target.profileName}: ${wire.message}${record.targets.length > 1 ? `\n${lines.join('\n')}` : ''}`;
          const failedRecord: PromotionRecord = { ...record, outcome: 'failed', reason };
          this.audit(actor, 'promotion.failed', failedRecord);
          throw new SwitchyardError(wire.code, reason, {
            ...(typeof wire.detail === 'object' && wire.detail !== null ? wire.detail : {}),
            record: failedRecord,
          });
        }
      }
      report(index, false);
    }
    this.audit(actor, 'promotion.run', record);
    return record;
  }

  /**
   * Each connection's plan on its own clone, in run order, before anything runs on any of them (kept
   * in the record, each line reported as it goes). Before a run a rehearsal of the same plan on the same
   * schema is reused and the connections after a failed one are not rehearsed; a failed rehearsal (or
   * under `required` one missing) refuses the whole promotion, recorded, nothing run: E_REHEARSAL_FAILED
   * naming the connection and where its plan failed, or E_NOT_REHEARSED. Alone (rehearseOnly) every
   * connection rehearses anew and the record says how it went (outcome `rehearsed` when all succeeded).
   */
  private async rehearseFirst(
    preview: PromotionPreview,
    members: MemberTarget[],
    record: PromotionRecord,
    { mode, rehearseOnly, actor, operation }: { mode: BoundRehearsalMode; rehearseOnly: boolean; actor: string; operation: OperationContext<'promotion.run'> },
  ): Promise<void> {
    const total = preview.targets.length;
    const onState = (index: number, state: BoundDatabaseRehearsal | 'rehearsing') => {
      const entry = record.targets[index] as PromotionRecordTarget;
      entry.rehearsal = state === 'rehearsing' ? { state } : rehearsalOutcomeOf(state, state.state === 'skipped' ? skippedWhy : undefined);
      operation.progress(index, total, `${entry.profileName}: ${entry.rehearsal.state}`, { index, running: false, target: { ...entry } });
    };
    // The clone's own revisions are not the promotion's progress: each connection's line says how its rehearsal goes.
    const quiet: OperationContext = { ...operation, progress: () => undefined };
    await rehearseDatabases(this.rehearsals, this.toRehearse(preview, members), 'upgrade', rehearseOnly ? 'first' : mode, {
      operation: quiet,
      actor,
      beforeRun: !rehearseOnly,
      onState,
    });
    const lines = record.targets.map(promotionRehearsalLine).join('\n');
    const failed = record.targets.find((t) => t.rehearsal?.state === 'failed');
    const missing = record.targets.filter((t) => t.rehearsal?.state === 'missing');
    if (rehearseOnly) {
      record.outcome = failed ? 'failed' : 'rehearsed';
      record.reason = failed
        ? `The rehearsal of ${databaseName(failed)} failed on a clone. Nothing ran on the databases themselves (a rehearsal alone).\n${lines}`
        : `Every plan succeeded on a clone. Nothing ran on the databases themselves (a rehearsal alone).\n${lines}`;
      this.audit(actor, failed ? 'promotion.rehearse.failed' : 'promotion.rehearse', record);
      return;
    }
    if (!failed && missing.length === 0) {
      if (mode === 'skip') operation.log('warn', `Not rehearsed: the promotion was started without rehearsals (${skippedWhy}).`);
      return;
    }
    const said = failed
      ? `The rehearsal of ${databaseName(failed)} failed on a clone, so the promotion of ${preview.from} to ${preview.to} ran on no database.`
      : `The promotion of ${preview.from} to ${preview.to} ran on no database: ${missing.map(databaseName).join(' and ')} ${missing.length === 1 ? 'has' : 'have'} no successful rehearsal of this plan on the schema ${missing.length === 1 ? 'it has' : 'they have'} now. Rehearse first (switchyard promote --project ${preview.project} --from ${preview.from} --to ${preview.to} --rehearse), or promote without --rehearsed.`;
    const refused: PromotionRecord = { ...record, outcome: 'failed', reason: `${said}\n${lines}` };
    this.audit(actor, 'promotion.failed', refused);
    throw new SwitchyardError(failed ? 'E_REHEARSAL_FAILED' : 'E_NOT_REHEARSED', refused.reason as string, {
      record: refused,
      ...(failed
        ? { failed: failed.role ?? failed.profileName, failure: failed.rehearsal?.failure }
        : { missing: missing.map((t) => t.role ?? t.profileName) }),
    });
  }

  /** Each connection of the promotion as its rehearsal needs it, in run order. */
  private toRehearse(preview: PromotionPreview, members: MemberTarget[]): DatabaseToRehearse[] {
    return preview.targets.map((t) => {
      const member = members.find((m) => m.profileId === t.profileId);
      // A connection gone since the preview fails the dry-run gate: the promotion never gets here without it.
      if (!member) throw new SwitchyardError('E_NOT_FOUND', `${t.profileName} is no longer a connection of ${preview.to}. Nothing was run.`);
      return {
        ...(t.role === undefined ? {} : { role: t.role }),
        profileName: t.profileName,
        environment: this.session.store.profiles.get(t.profileId).environment,
        ref: member.ref,
        targets: t.runTo,
      };
    });
  }

  /** What a failed connection applied of its plan before the failure (each revision commits on its own): read again, else what its finished runs said. */
  private async appliedBeforeFailure(member: MemberTarget, plan: readonly string[], finished: string[]): Promise<string[]> {
    try {
      const applied = new Set((await this.runner.status(member.ref)).applied);
      return plan.filter((id) => applied.has(id));
    } catch {
      return finished;
    }
  }

  /** The people's gates, decided now: the typed confirmation on production and, when the project asks, the approval. */
  private decided(gate: PromotionGate, preview: PromotionPreview, actor: string, confirmation: Confirmation, approval: Approval | undefined): PromotionGate {
    if (gate.status !== 'required') return gate;
    if (gate.name === 'confirmation') {
      const refusal = confirmationRefusal(
        { connection: preview.confirmationName ?? preview.to, environment: 'prod', what: `promote ${preview.from} to ${preview.to}` },
        confirmation,
      );
      return refusal ? { ...gate, status: 'failed', detail: refusal } : { ...gate, status: 'passed', detail: `${preview.confirmationName} typed.` };
    }
    if (!approval)
      return {
        ...gate,
        status: 'failed',
        detail: `The project "${preview.project}" asks a second person to approve promotions to production: give their name and a note.`,
      };
    if (personOf(approval.by) === personOf(actor)) {
      return { ...gate, status: 'failed', detail: `${approval.by} is the person promoting: the approval must come from someone else.` };
    }
    return {
      ...gate,
      status: 'passed',
      detail: `Approved by ${approval.by}: “${approval.note}” (typed in, not verified: Switchyard is a laptop app, not an identity system).`,
    };
  }

  private async prepare(request: PromotionRequest, actor: string, { standing }: { standing: boolean }): Promise<Prepared> {
    const project = this.projects.get(request.project);
    const { from, to } = neighbours(project, request.from, request.to);
    const read = await this.matrices.read(project.id);
    const { matrix } = read;
    const plan = promotionPlan(matrix, read.graph, from, to, read.checksumsKept);
    const members = this.projects.memberTargets(project.id, to);
    const unreadTargets = matrix.columns.filter((c) => c.environment === to && c.error);
    const targets: PromotionTarget[] = [];
    const preflight: string[] = unreadTargets.map((c) => `${c.profileName} could not be read (${c.error?.message ?? 'unknown'})`);
    const warnings: string[] = [];
    const dryRun: string[] = [];
    for (const target of plan.targets) {
      const member = members.find((m) => m.profileId === target.column.profileId);
      const dry = member
        ? await this.dryRun(member, target, actor)
        : { sql: '', findings: [], steps: [], error: `${target.column.profileName} is no longer a connection of ${to}` };
      targets.push({ ...toTarget(matrix, from, target, dry), ...(standing && member ? await this.rehearsalStanding(member, target.runTo) : {}) });
      for (const f of dry.findings) (f.severity === 'error' ? preflight : warnings).push(`${target.column.profileName}: ${f.message}`);
      if (dry.error) dryRun.push(`${target.column.profileName}: ${dry.error}`);
      const planned = new Set(target.toApply);
      const previewed = new Set(dry.steps.filter((s) => s.direction === 'up').map((s) => s.revision));
      const extra = [...previewed].filter((id) => !planned.has(id));
      const lacking = target.toApply.filter((id) => !previewed.has(id));
      if (!dry.error && (extra.length > 0 || lacking.length > 0)) {
        dryRun.push(
          `${target.column.profileName}: the dry run ${extra.length > 0 ? `would also apply ${extra.join(', ')}` : ''}${extra.length > 0 && lacking.length > 0 ? ' and ' : ''}${lacking.length > 0 ? `leaves out ${lacking.join(', ')}` : ''}`,
        );
      }
    }
    const production = matrix.columns.some((c) => c.environment === to && c.production);
    const prodTargets = targets.filter((t) => t.production);
    const confirmationName = !production ? null : members.length === 1 ? (members[0] as MemberTarget).profileName : to;
    const statements = targets.reduce((n, t) => n + (t.sql.trim() === '' ? 0 : 1), 0);
    const gates: PromotionGate[] = [
      ...plan.gates,
      {
        name: 'preflight',
        status: preflight.length === 0 ? 'passed' : 'failed',
        detail:
          preflight.length > 0
            ? preflight.join('; ')
            : `Clean on ${targets.map((t) => t.profileName).join(', ') || 'no connection'}${warnings.length > 0 ? ` (warnings: ${warnings.join('; ')})` : ''}.`,
      },
      {
        name: 'dryRun',
        status: dryRun.length === 0 ? 'passed' : 'failed',
        detail:
          dryRun.length > 0
            ? dryRun.join('; ')
            : plan.plan.length === 0
              ? 'Nothing to run.'
              : `The SQL of exactly the plan, on ${statements} of ${targets.length} connections.`,
      },
      {
        name: 'confirmation',
        status: production ? 'required' : 'notNeeded',
        detail: production ? `Type ${confirmationName} to promote to ${prodTargets.map((t) => t.profileName).join(', ')}.` : `${to} is not production.`,
      },
      {
        name: 'approval',
        status: production && project.requireApproval ? 'required' : 'notNeeded',
        detail: !production
          ? `${to} is not production.`
          : project.requireApproval
            ? "A second person's name and note, recorded in the audit log (typed in, not verified: Switchyard is a laptop app, not an identity system)."
            : `The project "${project.name}" does not ask for one.`,
      },
    ];
    const preview: PromotionPreview = {
      project: project.name,
      from,
      to,
      plan: plan.plan,
      targets,
      gates,
      production,
      requireApproval: project.requireApproval,
      confirmationName,
      previewedAt: new Date().toISOString(),
    };
    return { preview, members };
  }

  /** Whether the connection rehearses by default and where its plan stands against the rehearsals kept; nothing when it has nothing to apply. */
  private async rehearsalStanding(member: MemberTarget, runTo: string[]): Promise<Pick<PromotionTarget, 'rehearsal'>> {
    const requests = databaseRequests('upgrade', runTo);
    if (!requests) return {};
    const rehearsesByDefault = rehearsesUnder('protected', this.session.store.profiles.get(member.profileId).environment);
    try {
      return { rehearsal: { rehearsesByDefault, standing: await this.rehearsals.standing(member.ref, requests) } };
    } catch (error) {
      return { rehearsal: { rehearsesByDefault, error: toWireError(error).message } };
    }
  }

  /** runner.preview for each upgrade of the plan; a plan through several heads previews each in turn. */
  private async dryRun(
    member: MemberTarget,
    target: TargetPlan,
    actor: string,
  ): Promise<{ sql: string; findings: PromotionTarget['findings']; steps: PreviewStep[]; error?: string }> {
    const sql: string[] = [];
    const findings: PromotionTarget['findings'] = [];
    const steps: PreviewStep[] = [];
    try {
      for (const head of target.runTo) {
        const preview = await this.runner.preview(member.ref, { action: 'upgrade', to: head }, actor);
        if (target.runTo.length > 1) sql.push(`-- Upgrade to ${head} (a revision shared with an earlier head runs once, with the first)`);
        sql.push(preview.sql);
        findings.push(...preview.findings);
        steps.push(...preview.steps);
      }
      return { sql: sql.join('\n'), findings, steps };
    } catch (error) {
      return { sql: sql.join('\n'), findings, steps, error: toWireError(error).message };
    }
  }

  private audit(actor: string, action: string, record: PromotionRecord): void {
    this.session.store.audit.append({ actor, action, target: `${record.project}: ${record.from} → ${record.to}`, detail: { ...record } });
  }
}

/** A connection of `to` as the preview shows it; its sources are the connections of `from` its plan is read from (with bindings, those of its role, as promotionPlan pairs them). */
function toTarget(matrix: Matrix, from: string, plan: TargetPlan, dry: { sql: string; findings: PromotionTarget['findings'] }): PromotionTarget {
  const { column } = plan;
  const bound = matrix.bindings !== undefined;
  return {
    profileId: column.profileId,
    profileName: column.profileName,
    ...(bound ? { role: column.role } : {}),
    production: column.production,
    sources: matrix.columns.filter((c) => c.environment === from && (!bound || c.role === column.role)).map((c) => c.profileName),
    toApply: plan.toApply,
    toRevert: plan.toRevert,
    runTo: plan.runTo,
    sql: dry.sql,
    findings: dry.findings,
  };
}
