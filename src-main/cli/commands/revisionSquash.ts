// `switchyard revision squash FIRST LAST -m MSG`: a linear run of a native or Alembic project's revisions as one,
// its SQL the net schema change, with the proof (the squashed project replays to the original's schema,
// up and down) printed, and with --write the files written and the proof saved beside the archive.
import { engines, type Engine as EngineKind } from '../../../src-shared/model/engine';
import { countOf } from '../../../src-shared/format/plural';
import { SwitchyardError } from '../../../src-shared/errors';
import type { SquashPlan } from '../../../src-shared/model/squash';
import { proofLines } from '../../../src-shared/model/squash';
import { actorName } from '../../services';
import { openServices } from '../openServices';
import { parseFlags } from '../parseFlags';
import { printJson, say, UsageError } from '../output';
import { commandLine } from '../shellWords';

export const revisionSquashUsage = `Usage: switchyard revision squash FIRST LAST -m MSG --project DIR [--engine postgres|sqlite] [--write [--force]] [--json]

Squashes the revisions FIRST..LAST of a native or Alembic project — a straight line, no branch point, merge or
depends-on inside — into one revision whose up SQL is the net schema change of replaying them (and
its down the reverse). LAST's children are pointed at it and the old files move to archive/<id>/.
Every connection bound to the project (the store's passphrase: SWITCHYARD_PASSPHRASE or a prompt) must
stand before or past the whole run (E_SQUASH_INSIDE_RUN otherwise). The proof: the squashed project and
the original, replayed up to every head and downgraded to FIRST's parent, give identical schemas
(E_SQUASH_UNPROVEN otherwise). Without --write, prints the diff and the proof and changes nothing.

  -m, --message MSG   the squashed revision's message
  --project DIR       the project's folder (an Alembic one: the folder holding alembic.ini)
  --engine E          the engine its SQL is for: ${engines.join(', ')} (default: the bound connections', else postgres)
  --write             write the files and save the proof as archive/squash-<id>.md (undoable until the next write)
  --force             with --write: also overwrite files with uncommitted git changes
  --json              machine-readable output`;

function planText(plan: SquashPlan, written: boolean): string {
  const { revision: r, run } = plan;
  const lines = [
    `${countOf(run.revisions.length, 'revision')} (${run.revisions[0]}..${run.revisions[run.revisions.length - 1]}) squashed into ${r.id} (${r.file}), parent ${r.parent ?? 'none'}: ${countOf(r.up.statements.length, 'statement')} up, ${countOf(r.down.statements.length, 'statement')} down.`,
    '',
    plan.diff.trimEnd(),
    '',
    `Proof (${plan.proof.proven ? 'proven' : 'NOT proven'}; replayed in ${plan.proof.replayedIn}):`,
    ...proofLines(plan.proof).map((line) => `  ${line}`),
    '',
    plan.standings.length === 0 ? 'No connection is bound to this project.' : 'Connections bound to the project:',
    ...plan.standings.map((s) => `  ${s.connection} (${s.environment}): ${s.standing}${s.appliedAfter.length > 0 ? ` and ${s.appliedAfter.join(', ')}` : ''}`),
  ];
  for (const s of plan.standings.filter((s) => s.appliedAfter.length > 0)) {
    lines.push(
      `${s.connection} applied ${s.appliedAfter.join(', ')} after the run, which implies ${r.id}: nothing to stamp (the run's old ids stay recorded; status lists them as unknown).`,
    );
  }
  for (const connection of plan.stamps) {
    lines.push(
      `${connection} applied the whole run: ${written ? 'record' : 'once written, record'} the squashed revision with \`${commandLine(['stamp', '--profile', connection, '--to', r.id])}\` (the run's old ids stay recorded; status lists them as unknown).`,
    );
  }
  lines.push(
    written
      ? `Written: ${countOf(plan.writes.length, 'file change')}; the proof is in ${plan.proofFile}.`
      : plan.proof.proven
        ? 'Nothing written: run again with --write to write it.'
        : 'Nothing written: the squash is not proven, so it cannot be written.',
  );
  return `${lines.join('\n')}\n`;
}

export async function revisionSquash(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      allowPositionals: true,
      options: {
        message: { type: 'string', short: 'm' },
        project: { type: 'string' },
        engine: { type: 'string' },
        write: { type: 'boolean' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    },
    revisionSquashUsage,
  );
  const [first, last, ...extra] = positionals;
  if (!first || !last || extra.length > 0) throw new UsageError(`revision squash takes FIRST and LAST.\n\n${revisionSquashUsage}`);
  if (!values.message) throw new UsageError(`revision squash needs -m MSG.\n\n${revisionSquashUsage}`);
  if (!values.project) throw new UsageError(`revision squash needs --project DIR.\n\n${revisionSquashUsage}`);
  if (values.engine !== undefined && !(engines as readonly string[]).includes(values.engine))
    throw new UsageError(`--engine must be one of ${engines.join(', ')}.\n\n${revisionSquashUsage}`);
  const request = {
    projectDir: values.project,
    first,
    last,
    message: values.message,
    ...(values.engine ? { engine: values.engine as EngineKind } : {}),
  };
  const services = await openServices({ store: 'required' });
  try {
    const json = Boolean(values.json);
    try {
      if (values.force && !values.write) throw new UsageError(`--force goes with --write.\n\n${revisionSquashUsage}`);
      const plan = values.write
        ? await services.squashes.write(request, actorName('cli'), { force: Boolean(values.force) })
        : await services.squashes.plan(request);
      if (json) printJson({ ...plan, written: Boolean(values.write) });
      else say(planText(plan, Boolean(values.write)));
      return plan.proof.proven ? 0 : 1;
    } catch (error) {
      // An unproven squash is refused with its plan: the proof's differences are the reason, shown first.
      if (error instanceof SwitchyardError && error.code === 'E_SQUASH_UNPROVEN' && !json && (error.detail as SquashPlan | undefined)?.proof)
        say(planText(error.detail as SquashPlan, false));
      throw error;
    }
  } finally {
    services.close();
  }
}
