// `switchyard adopt --from TOOL`: a database migrated by one tool, moved to another (say golang-migrate
// to dbmate): the history the old tool recorded is written into the project format's bookkeeping, in
// one transaction, after being shown. No migration runs.
import { projectFormats, type ProjectFormat } from '../../../src-shared/model/revision';
import type { AdoptionPreview } from '../../../src-shared/model/run';
import { countOf } from '../../../src-shared/format/plural';
import { actorName } from '../../services';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { printJson, say, UsageError } from '../output';
import { targetOptions, targetUsage } from '../targetFlags';
import { resolveTarget, withCliWayOut } from './runnerCommands';

const usage = `Usage: switchyard adopt --from TOOL (--profile NAME | --url URL) [--project DIR] [--format NAME] [--yes] [--json]

Records the revisions another tool's bookkeeping says are applied in the bookkeeping of the project's
own format (the project is read as --format or as detected), in one transaction. No migration runs and
the old tool's table is left as it is. Without --yes, shows what it would write and writes nothing.

  --from TOOL        the tool that migrated the database: ${projectFormats.join(', ')}
  --yes              write it
  --yes-production   required for a production connection
  --json             machine-readable output

${targetUsage}`;

function printAdoption(preview: AdoptionPreview, written: boolean): void {
  say(preview.sql);
  const moved = preview.movedAside
    .map((m) => ` ${preview.from}'s ${m.table} ${written ? 'is now' : 'would be renamed'} ${m.to} (point ${preview.from} there if you still run it).`)
    .join('');
  const unknown = preview.unknown.length
    ? ` ${preview.from} also records ${preview.unknown.join(', ')}, which no file of the project defines: not adopted.`
    : '';
  say(
    written
      ? `Recorded ${countOf(preview.revisions.length, 'revision')} from ${preview.from} in ${preview.into}'s bookkeeping.${moved}${unknown}\n`
      : `Nothing written: this is what adopting ${preview.from}'s ${countOf(preview.revisions.length, 'revision')} into ${preview.into} would record.${moved}${unknown} Run again with --yes to write it.\n`,
  );
}

export const adoptCommand: Command = {
  name: 'adopt',
  summary: "record another tool's applied migrations in the project format's bookkeeping",
  usage,
  async run(args) {
    const { values } = parseFlags(
      args,
      { options: { ...targetOptions, from: { type: 'string' }, yes: { type: 'boolean' }, 'yes-production': { type: 'boolean' }, json: { type: 'boolean' } } },
      usage,
    );
    if (!values.from) throw new UsageError(`adopt needs --from TOOL.\n\n${usage}`);
    if (!(projectFormats as readonly string[]).includes(values.from)) throw new UsageError(`--from must be one of ${projectFormats.join(', ')}`);
    const from = values.from as ProjectFormat;
    const { ref, target, services } = await resolveTarget(values);
    try {
      const actor = actorName('cli');
      if (!values.yes) {
        const preview = await services.runner.adoptionPreview(ref, from, actor);
        if (values.json) printJson({ ...preview, written: false });
        else printAdoption(preview, false);
        return 0;
      }
      const confirmation = values['yes-production'] ? { typedName: target.name } : {};
      const result = await withCliWayOut(() => services.runner.adopt(ref, from, actor, { confirmation }));
      if (values.json) printJson({ ...result, written: true });
      else printAdoption(result, true);
      return 0;
    } finally {
      services.close();
    }
  },
};
