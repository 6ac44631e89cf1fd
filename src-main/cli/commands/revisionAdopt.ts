// `switchyard revision adopt REV`: a revision whose objects the database already holds (the seeds'
// `relation "documents" already exists`) compared with what it makes, and stamped instead of run
// with --write when they are the same. The comparison is the evidence, printed either way.
import { countOf } from '../../../src-shared/format/plural';
import { SwitchyardError } from '../../../src-shared/errors';
import { allDifferences } from '../../../src-shared/schema/schemaDiff';
import { differenceObject, differenceText } from '../../../src-shared/schema/schemaComparisonText';
import { adoptionNoteLines, type RevisionAdoption } from '../../../src-shared/model/revisionAdoption';
import { actorName } from '../../services';
import { followOperation } from '../followOperation';
import { parseFlags } from '../parseFlags';
import { printJson, say, UsageError } from '../output';
import { targetOptions, targetUsage } from '../targetFlags';
import { resolveTarget, withCliWayOut } from './runnerCommands';

export const revisionAdoptUsage = `Usage: switchyard revision adopt REV (--profile NAME | --url URL) --project DIR [--write] [--yes-production] [--json]

Replays the project up to REV's parents and up to REV in scratch databases, takes the objects REV
creates, changes or drops, and compares them with the database's. When they are the same, REV can be
stamped (recorded as applied) instead of run; when not, the differences are shown and it is refused
(E_ADOPTION_DIFFERS, exit 1). Without --write nothing is changed.

  --write            stamp REV through the runner when the objects are the same
  --yes-production   required with --write for a production connection
  --json             machine-readable output

${targetUsage}`;

function adoptionText(a: RevisionAdoption): string {
  const lines = [`${a.revision} on ${a.connection} (parents: ${a.parents.join(', ') || 'none'}; replayed in ${a.replayedIn})`];
  lines.push(`Objects compared: ${a.compared.length}`);
  for (const c of a.compared)
    lines.push(`  ${c.onDatabase === 'same' ? '=' : '≠'} ${differenceObject(c)} — ${a.revision} ${c.change} it; the database: ${c.onDatabase}`);
  const differences = allDifferences(a.differences);
  if (differences.length > 0) {
    lines.push(`Differences (the database → what ${a.revision} makes):`);
    for (const d of differences) lines.push(`  ${differenceObject(d)}: ${differenceText(d, { from: 'the database', to: a.revision })}`);
  }
  for (const u of a.unread) lines.push(`not compared: ${u}`);
  lines.push(...adoptionNoteLines(a));
  return `${lines.join('\n')}\n`;
}

export async function revisionAdopt(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { allowPositionals: true, options: { ...targetOptions, write: { type: 'boolean' }, 'yes-production': { type: 'boolean' }, json: { type: 'boolean' } } },
    revisionAdoptUsage,
  );
  const [revision, ...extra] = positionals;
  if (!revision || extra.length > 0) throw new UsageError(`revision adopt takes one revision.\n\n${revisionAdoptUsage}`);
  const { ref, target, services } = await resolveTarget(values);
  try {
    const json = Boolean(values.json);
    if (!values.write) {
      const adoption = await services.adoptions.check(ref, revision);
      if (json) printJson({ ...adoption, written: false });
      else
        say(
          `${adoptionText(adoption)}${
            adoption.adoptable
              ? `${target.name} holds what ${adoption.revision} makes: run again with --write to stamp it instead of running it.\n`
              : `${target.name} does not hold what ${adoption.revision} makes: it cannot be adopted.\n`
          }`,
        );
      return adoption.adoptable ? 0 : 1;
    }
    const confirmation = values['yes-production'] ? { typedName: target.name } : {};
    try {
      const { adoption, started } = await withCliWayOut(() => services.adoptions.adopt(ref, revision, actorName('cli'), { confirmation }));
      const result = await followOperation(services, 'runner.run', started, { json, stopping: 'stopping the stamp' });
      if (json) printJson({ ...adoption, written: true, steps: result.steps, heads: result.status.heads });
      else
        say(
          `${adoptionText(adoption)}Stamped: ${countOf(result.steps.length, 'revision')} recorded as applied, no SQL ran; now at ${result.status.heads.join(', ')}.\n`,
        );
      return 0;
    } catch (error) {
      // The evidence of a refusal is the comparison: shown before the error's sentence.
      if (error instanceof SwitchyardError && error.code === 'E_ADOPTION_DIFFERS' && !json) say(adoptionText(error.detail as RevisionAdoption));
      throw error;
    }
  } finally {
    services.close();
  }
}
