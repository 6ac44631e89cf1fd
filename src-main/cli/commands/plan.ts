// `switchyard plan`: the ordered steps an upgrade or downgrade would run, without a database.
import { projectFormats, type Revision } from '../../../src-shared/model/revision';
import { appliedWithAncestors, planDowngrade, planUpgrade } from '../../../src-shared/graph/planner';
import { loadProject } from '../../migrations/project';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { printJson, say, UsageError } from '../output';
import { appliedOption, engineOption, formatOption, projectOptions, resolveApplied } from './projectOptions';

const usage = `Usage:
  switchyard plan --project DIR --to TARGET [--applied REV,REV...] [--down] [--format NAME] [--engine postgres|sqlite] [--json]

  --to        head, heads, base, an id or unique prefix, label@head, label@base, rev@head,
              +N, -N, rev+N, rev-N, label@-N (Alembic's rules)
  --applied   what the database records (e.g. alembic_version); their ancestors count as applied.
              None given: an empty database.
  --format    skip detection: ${projectFormats.join(', ')}
  --engine    the engine whose files to take where a format has per-engine files (pop); default postgres
  --down      plan a downgrade to TARGET instead of an upgrade
  --json      print { "steps": [{ "revision", "direction" }] }`;

function parse(args: string[]) {
  return parseFlags(args, { options: { ...projectOptions, to: { type: 'string' }, down: { type: 'boolean' } } }, usage).values;
}

async function run(args: string[]): Promise<number> {
  const flags = parse(args);
  if (!flags.project || !flags.to) throw new UsageError(`--project and --to are required\n\n${usage}`);
  const { graph, files } = loadProject(flags.project, { format: formatOption(flags.format), engine: engineOption(flags.engine) });
  const applied = appliedWithAncestors(graph, resolveApplied(graph, appliedOption(flags.applied)));
  const plan = flags.down ? planDowngrade(graph, flags.to, applied) : planUpgrade(graph, flags.to, applied);
  if (flags.json) {
    printJson(plan);
    return 0;
  }
  if (plan.steps.length === 0) {
    say(`Nothing to do: ${flags.to} is already ${flags.down ? 'the lowest applied state' : 'applied'}.\n`);
    return 0;
  }
  const width = String(plan.steps.length).length;
  const read = new Map(files.files.map((f) => [f.revision.id, f]));
  plan.steps.forEach((step, i) => {
    const revision = graph.byId.get(step.revision) as Revision;
    // The file that runs: a downgrade's own down file where the format keeps one (diesel's down.sql, golang-migrate's .down.sql).
    const file = step.direction === 'down' ? (read.get(revision.id)?.down?.file ?? revision.file) : revision.file;
    say(`${String(i + 1).padStart(width)}. ${step.direction === 'up' ? 'upgrade  ' : 'downgrade'} ${revision.id}  ${revision.message}  (${file})\n`);
  });
  return 0;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'preview the ordered upgrade or downgrade steps to a target, without a database',
  usage,
  run,
};
