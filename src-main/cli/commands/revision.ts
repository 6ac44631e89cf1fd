// `switchyard revision new|merge|reparent|undo` (and adopt, squash): repairs of a migration tree written
// into the project — shown as a diff and a graph change first, written only with --write, undoable.
import { countOf } from '../../../src-shared/format/plural';
import type { AuthoringPreview, AuthoringRequest, StampCheck } from '../../../src-shared/model/authoring';
import type { WriteResult } from '../../../src-shared/model/writePlan';
import type { Command } from '../command';
import { call, openServices } from '../openServices';
import { parseFlags } from '../parseFlags';
import { printJson, say, UsageError } from '../output';
import { commandLine } from '../shellWords';
import { revisionAdopt, revisionAdoptUsage } from './revisionAdopt';
import { revisionSquash, revisionSquashUsage } from './revisionSquash';

const writeFlags = `  --project DIR   the migrations folder, or a folder holding alembic.ini
  --write         write it (atomically; each file keeps its line ends, encoding and BOM); without it,
                  print the diff and the graph change and write nothing
  --force         with --write: also overwrite files with uncommitted git changes (refused otherwise)
  --json          machine-readable output: the preview, and with --write what was written`;

const authoringUsage = `Usage: switchyard revision new --parent REV -m MSG [--label L] --project DIR [--write [--force]] [--json]
       switchyard revision merge (--all | REV REV…) -m MSG --project DIR [--write [--force]] [--json]
       switchyard revision reparent REV --parent REV|base --project DIR [--write [--force]] [--json]
       switchyard revision undo --project DIR [--json]

  new        an empty revision on --parent (an id or prefix, a branch label, label@head, head), with
             message -m and optional branch label --label: a native header, or for Alembic the
             project's own script.py.mako rendered as \`alembic revision\` renders it
  merge      an empty revision whose parents are the named heads, or --all of them (\`alembic merge\`)
  reparent   REV's parent set to --parent (base: none), its one header line changed in its own
             quoting; for each connection bound to the project whose bookkeeping recorded the old
             shape, the stamp it will need (offered, not run; read when SWITCHYARD_PASSPHRASE is set)
  undo       put back every file of Switchyard's last write in the folder (until the next write)

${writeFlags}
  -m, --message   the revision's message
  --parent        new: the revision to build on; reparent: the new parent, or base
  --label         new: a branch label for the revision
  --all           merge: every head of the project`;

// Each action's usage, printed whole for `switchyard revision --help` (and any action's --help).
const usage = [authoringUsage, revisionAdoptUsage, revisionSquashUsage].join('\n\n');

const options = {
  project: { type: 'string' },
  parent: { type: 'string' },
  message: { type: 'string', short: 'm' },
  label: { type: 'string' },
  all: { type: 'boolean' },
  write: { type: 'boolean' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseFlags<{ options: typeof options; allowPositionals: true }>>;

function required(value: string | undefined, flag: string, action: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`revision ${action} needs ${flag}.\n\n${authoringUsage}`);
  return value;
}

function onlyFor(flags: Flags, action: string, allowed: readonly (keyof typeof options)[]): void {
  const extra = (Object.keys(options) as (keyof typeof options)[]).filter((k) => flags.values[k] !== undefined && !allowed.includes(k));
  if (extra.length > 0) throw new UsageError(`revision ${action} takes no ${extra.map((k) => `--${k}`).join(', ')}.\n\n${authoringUsage}`);
}

const common = ['project', 'write', 'force', 'json'] as const;

function requestOf(action: string, flags: Flags): AuthoringRequest {
  const project = required(flags.values.project, '--project DIR', action);
  const names = flags.positionals;
  if (action === 'new') {
    onlyFor(flags, action, [...common, 'parent', 'message', 'label']);
    if (names.length > 0) throw new UsageError(`revision new takes no revision names (${names.join(' ')}); the parent is --parent.\n\n${authoringUsage}`);
    const label = flags.values.label;
    return {
      action,
      project,
      parent: required(flags.values.parent, '--parent REV', action),
      message: required(flags.values.message, '-m MSG', action),
      ...(label ? { label } : {}),
    };
  }
  if (action === 'merge') {
    onlyFor(flags, action, [...common, 'all', 'message']);
    if (flags.values.all && names.length > 0) throw new UsageError(`revision merge takes --all or the heads to merge, not both.\n\n${authoringUsage}`);
    if (!flags.values.all && names.length < 2) throw new UsageError(`revision merge needs --all or at least two heads.\n\n${authoringUsage}`);
    return { action, project, heads: flags.values.all ? 'all' : names, message: required(flags.values.message, '-m MSG', action) };
  }
  onlyFor(flags, action, [...common, 'parent']);
  if (names.length !== 1) throw new UsageError(`revision reparent needs the one revision to re-parent.\n\n${authoringUsage}`);
  return { action: 'reparent', project, revision: names[0] as string, parent: required(flags.values.parent, '--parent REV|base', action) };
}

function list(ids: readonly string[]): string {
  return ids.length === 0 ? '(none)' : ids.join(', ');
}

function stampLines(stamps: StampCheck): string[] {
  if (!stamps.checked) return [`Connections: ${stamps.reason ?? 'not read'}`];
  const lines = stamps.needs.map((need) => {
    const command = need.stampTo.length === 1 ? `\n    ${commandLine(['stamp', '--profile', need.profile, '--to', need.stampTo[0] as string])}` : '';
    return `  ${need.profile}: ${need.reason}${command}`;
  });
  if (stamps.unaffected.length > 0) lines.push(`  unaffected: ${stamps.unaffected.join(', ')}`);
  for (const u of stamps.unreadable) lines.push(`  ${u.profile}: could not be read (${u.reason})`);
  return lines.length === 0 ? ['Connections: none is bound to this project.'] : ['Connections bound to the project, after the write:', ...lines];
}

function previewText(preview: AuthoringPreview): string {
  const { graph, git } = preview;
  const lines = [
    preview.diff.trimEnd(),
    '',
    `heads: ${graph.headsBefore.length} → ${graph.headsAfter.length}`,
    `  before: ${list(graph.headsBefore)}`,
    `  after:  ${list(graph.headsAfter)}`,
    `roots: ${graph.basesBefore.length} → ${graph.basesAfter.length}`,
    `  before: ${list(graph.basesBefore)}`,
    `  after:  ${list(graph.basesAfter)}`,
  ];
  if (git.workTree !== null)
    lines.push(git.uncommitted.length === 0 ? 'git: no uncommitted changes in the project' : `git: uncommitted in the project: ${git.uncommitted.join(', ')}`);
  if (preview.uncommittedTouched.length > 0)
    lines.push(`  the write would overwrite uncommitted changes in ${preview.uncommittedTouched.join(', ')}: refused without --force`);
  if (preview.stamps) lines.push(...stampLines(preview.stamps));
  lines.push(...preview.notes.map((note) => `note: ${note}`));
  return `${lines.join('\n')}\n`;
}

function writtenText(result: WriteResult, undoHint: boolean): string {
  const lines = [`${countOf(result.written.length, 'file')} written in ${result.projectDir}:`, ...result.written.map((f) => `  ${f.action} ${f.path}`)];
  if (result.uncommitted.length > 0) lines.push(`git: uncommitted in the project now: ${result.uncommitted.join(', ')} (Switchyard never commits)`);
  if (undoHint) lines.push(`To undo it: ${commandLine(['revision', 'undo', '--project', result.projectDir])}`);
  return `${lines.join('\n')}\n`;
}

async function authoring(action: string, args: string[]): Promise<number> {
  const flags = parseFlags(args, { options, allowPositionals: true }, authoringUsage);
  if (flags.values.force && !flags.values.write && action !== 'undo') throw new UsageError(`--force only goes with --write.\n\n${authoringUsage}`);
  // The store is opened when its passphrase is in the environment: the write is audited there and a re-parent's connections read.
  const services = await openServices({ store: 'unattended' });
  try {
    const json = Boolean(flags.values.json);
    if (action === 'undo') {
      onlyFor(flags, action, ['project', 'json']);
      const result = await call(services, 'authoring.undo', { project: required(flags.values.project, '--project DIR', action) });
      if (json) printJson(result);
      else say(writtenText(result, false).replace(/ written in /, ' put back in '));
      return 0;
    }
    const preview = await call(services, 'authoring.preview', { request: requestOf(action, flags) });
    if (!flags.values.write) {
      if (json) printJson(preview);
      else say(`${previewText(preview)}Nothing was written: run again with --write to write it.\n`);
      return 0;
    }
    const result = await call(services, 'authoring.write', { previewId: preview.previewId, force: Boolean(flags.values.force) });
    if (json) printJson({ preview, written: result });
    else say(`${preview.stamps ? `${stampLines(preview.stamps).join('\n')}\n` : ''}heads now: ${list(preview.graph.headsAfter)}\n${writtenText(result, true)}`);
    return 0;
  } finally {
    services.close();
  }
}

/** `switchyard revision ACTION …`: each action gets its arguments after its name. */
const actions: Record<string, (args: string[]) => Promise<number>> = {
  new: (args) => authoring('new', args),
  merge: (args) => authoring('merge', args),
  reparent: (args) => authoring('reparent', args),
  undo: (args) => authoring('undo', args),
  adopt: revisionAdopt,
  squash: revisionSquash,
};

export const revisionCommand: Command = {
  name: 'revision',
  summary: 'repair a migration tree: a new revision, a merge of heads, a re-parent, adopt, squash — shown as a diff first, undoable',
  usage,
  async run(args) {
    const action = actions[args[0] ?? ''];
    if (!action) throw new UsageError(`Say what to do: ${Object.keys(actions).join(', ')}.\n\n${usage}`);
    return action(args.slice(1));
  },
};
