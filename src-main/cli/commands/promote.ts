// `switchyard promote`: one environment of a project to the next, through the promotion's gates
// (each printed); refused with each failed gate named (exit 1), nothing run.
import { SwitchyardError } from '../../../src-shared/errors';
import { promotionMarkdown } from '../../../src-shared/matrix/promotionMarkdown';
import { promotionGateTitles, promotionRehearsalLine, promotionTargetLine, type PromotionRecord } from '../../../src-shared/model/promotion';
import type { Command } from '../command';
import { checkedInput } from '../checkedInput';
import { followOperation } from '../followOperation';
import { call, openServices } from '../openServices';
import { printJson, say, warn, UsageError } from '../output';
import { parseFlags } from '../parseFlags';
import { approvalSchema } from '../../../src-shared/model/promotion';

const usage = `Usage:
  switchyard promote --project NAME --from ENV --to ENV [--dry-run] [--yes-production]
                     [--approved-by NAME --approval-note TEXT] [--rehearse | --rehearsed | --no-rehearse]
                     [--json | --markdown]

  Applies to every connection of the --to environment exactly what the --from environment has and it
  lacks, in plan order, through the runner. Gates, each printed and recorded in the audit log: every
  revision of the plan succeeded in --from; the files' checksums equal what --from recorded; no
  anomaly on the path; nothing to revert first; preflight clean on the target; the dry run's SQL.
  On a project with bindings each database gets what the --from database of its role has of its own
  branches, one database after another in the bindings' order, stopping at the first failure (each
  database's line says what it ran, or that it did not start).
  Once the gates pass, and before anything runs anywhere, each connection on a staging or production
  connection rehearses its own plan on a clone of its database, in run order (a rehearsal of the same
  plan on the same schema is reused, and said); one failed rehearsal runs nothing on any connection
  (exit 1, E_REHEARSAL_FAILED naming the database and where its plan failed on the clone).
  --dry-run          print the plan, the gates and the SQL; change nothing
  --rehearse         rehearse every connection's plan on its clone and run nothing on the databases
  --rehearsed        refuse unless each connection's plan already succeeded on the schema it has now
  --no-rehearse      skip the rehearsals (said in the output and in the record)
  --yes-production   the typed confirmation for a production environment
  --approved-by NAME, --approval-note TEXT
                     a second person's approval, when the project asks for one (recorded in the
                     audit log as typed: Switchyard is a laptop app, not an identity system)
  --markdown         print the promotion record as Markdown (with --dry-run: the preview)
  Exit codes: 0 promoted (or the dry run's gates pass, or --rehearse's rehearsals succeed), 1 refused or
  failed (each failed gate named), 2 a usage error.`;

const mark = (status: string) => (status === 'passed' ? '✓' : status === 'failed' ? '✗' : status === 'required' ? '…' : '–');

function printGates(gates: PromotionRecord['gates']): void {
  for (const gate of gates) say(`${mark(gate.status)} ${promotionGateTitles[gate.name]}: ${gate.detail}\n`);
}

function recordOf(error: unknown): PromotionRecord | null {
  if (!(error instanceof SwitchyardError) || typeof error.detail !== 'object' || error.detail === null) return null;
  const record = (error.detail as { record?: PromotionRecord }).record;
  return record ?? null;
}

export const promoteCommand: Command = {
  name: 'promote',
  summary: 'promote one environment of a project to the next, through gates (each shown and recorded)',
  usage,
  async run(args) {
    const { values } = parseFlags(
      args,
      {
        options: {
          project: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          'dry-run': { type: 'boolean' },
          'yes-production': { type: 'boolean' },
          'approved-by': { type: 'string' },
          'approval-note': { type: 'string' },
          json: { type: 'boolean' },
          markdown: { type: 'boolean' },
          rehearse: { type: 'boolean' },
          rehearsed: { type: 'boolean' },
          'no-rehearse': { type: 'boolean' },
        },
      },
      usage,
    );
    const rehearsalFlags = (['rehearse', 'rehearsed', 'no-rehearse', 'dry-run'] as const).filter((flag) => values[flag]);
    if (rehearsalFlags.length > 1) throw new UsageError(`--${rehearsalFlags[0]} and --${rehearsalFlags[1]} do not go together.\n\n${usage}`);
    const rehearsal = values.rehearsed ? 'required' : values['no-rehearse'] ? 'skip' : 'protected';
    const rehearseOnly = Boolean(values.rehearse);
    if (!values.project || !values.from || !values.to) throw new UsageError(`Give --project NAME, --from ENV and --to ENV.\n\n${usage}`);
    if (values.json && values.markdown) throw new UsageError(`--json and --markdown do not go together.\n\n${usage}`);
    if ((values['approved-by'] === undefined) !== (values['approval-note'] === undefined)) {
      throw new UsageError(`An approval is --approved-by NAME with --approval-note TEXT, both.\n\n${usage}`);
    }
    const approval =
      values['approved-by'] === undefined
        ? undefined
        : checkedInput(approvalSchema, { by: values['approved-by'], note: values['approval-note'] }, { by: '--approved-by', note: '--approval-note' }, usage);
    const json = Boolean(values.json);
    const request = { project: values.project, from: values.from, to: values.to };
    const services = await openServices();
    try {
      const preview = await call(services, 'promotion.preview', request);
      if (values['dry-run']) {
        if (json) printJson(preview);
        else if (values.markdown) say(promotionMarkdown(preview));
        else {
          say(`Promote ${preview.from} to ${preview.to} of ${preview.project}: ${preview.plan.length === 0 ? 'nothing to apply' : preview.plan.join(', ')}\n`);
          printGates(preview.gates);
          for (const target of preview.targets) {
            if (target.sql.trim() !== '') say(`\n-- ${target.role === undefined ? '' : `${target.role} database: `}${target.profileName}\n${target.sql}\n`);
          }
        }
        return preview.gates.some((g) => g.status === 'failed') ? 1 : 0;
      }
      // A script cannot type: --yes-production is the CLI's typed confirmation of the environment it names.
      const confirmation = values['yes-production'] && preview.confirmationName ? { typedName: preview.confirmationName } : {};
      // In --json the lines go to stderr: stdout holds one JSON document.
      if (rehearsal === 'skip')
        (json ? warn : say)(
          `Not rehearsed: --no-rehearse given (the staging and production connections of ${preview.to} rehearse on a clone first by default).\n`,
        );
      const started = await call(services, 'promotion.run', { ...request, confirmation, ...(approval ? { approval } : {}), rehearsal, rehearseOnly });
      let record: PromotionRecord;
      try {
        record = await followOperation(services, 'promotion.run', started, { json, stopping: 'stopping after the current revision' });
      } catch (error) {
        const refused = recordOf(error);
        if (!refused) throw error;
        if (json) printJson({ error: { code: (error as SwitchyardError).code, message: (error as SwitchyardError).message }, record: refused });
        else if (values.markdown) say(promotionMarkdown(refused));
        else {
          printGates(refused.gates);
          const production = refused.gates.find((g) => g.name === 'confirmation' && g.status === 'failed');
          warn(
            `switchyard: ${(error as SwitchyardError).message}${production ? ' From the CLI: add --yes-production.' : ''}\n  [${(error as SwitchyardError).code}]\n`,
          );
        }
        return 1;
      }
      if (json) printJson(record);
      else if (values.markdown) say(promotionMarkdown(record));
      else if (rehearseOnly) say(`${record.reason ?? ''}\n`);
      else {
        say(`Promoted ${record.from} to ${record.to}: ${record.targets.map(promotionTargetLine).join('; ')}.\n`);
        // Each connection's rehearsal in a line, once any was one the promotion rehearses (none on dev connections by default).
        if (record.targets.some((t) => t.rehearsal && t.rehearsal.state !== 'notAsked' && t.rehearsal.state !== 'nothing'))
          say(`Rehearsals:\n${record.targets.map((t) => `  ${promotionRehearsalLine(t)}`).join('\n')}\n`);
      }
      return record.outcome === 'failed' ? 1 : 0;
    } finally {
      services.close();
    }
  },
};
