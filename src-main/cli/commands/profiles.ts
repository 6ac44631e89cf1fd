// `switchyard profiles list|add|edit|remove|test`: the connections screen, scriptable.
import { resolve } from 'node:path';
import type { Profile, ProfileInput } from '../../../src-shared/model/profile';
import { profileFieldNames, profileFieldTable, type ProfileField } from '../../../src-shared/model/profile';
import { parseConnectionUri } from '../../../src-shared/model/connectionUri';
import { SwitchyardError } from '../../../src-shared/errors';
import type { Services } from '../../services';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { commandLine } from '../commandHint';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, warn, UsageError } from '../output';
import { promptHidden, promptLine, readStdinLine } from '../prompt';
import { engineFor } from '../../engines/engineFor';
import { profileFieldHelp } from '../profileFieldHelp';
import { applySshFlags, sshFlagOptions, sshUsage, tunnelLines } from '../sshFlags';
import { trustHosts } from '../trustHost';
import { sshHopName } from '../../../src-shared/model/sshRoute';
import type { TunnelStep } from '../../../src-shared/model/connectionTest';
import { runProfileTransfer, transferUsage } from './profileTransfer';

const usage = `Usage:
  switchyard profiles list [--json]
  switchyard profiles add [URI | --url URI] --name NAME [--env dev|test|staging|prod|demo] [fields] [--json]
  switchyard profiles edit NAME [URI] [fields] [--json]
  switchyard profiles remove NAME [--yes] [--keep-snapshots | --delete-snapshots] [--json]
      (when no other profile reaches its database and it has snapshots, say which: kept, they are
       listed for the next profile or --url of that database)
  switchyard profiles test NAME [URI] [fields] [--json]   (fields override the saved ones for this test only)
  switchyard profiles trust-host NAME [--json]   (accepts the SSH host keys a test shows, outermost first)
${transferUsage}

Fields (a PATH relative to the current folder is kept absolute):
${profileFieldHelp()}
Password (never as a flag):
  --password-stdin     read it from the first line of stdin
  --ask-password       prompt for it (echo off)
  --no-password        remove the stored password (edit)
  A password inside URI is accepted for scripting, with a warning: other users can read argv.
  The stored password is only sent where it was saved for: a test that overrides the engine, host,
  port, database, user or SSL settings goes without it unless one is given again.
${sshUsage}`;

type FlagOption = { type: 'string' } | { type: 'boolean' };

/** One flag per profile field (two for a yes/no field), from the field table. */
const profileFieldFlags: Record<string, FlagOption> = Object.fromEntries(
  Object.values<ProfileField>(profileFieldTable).flatMap((field): [string, FlagOption][] =>
    field.kind === 'boolean'
      ? [
          [field.flag, { type: 'boolean' }],
          [field.offFlag, { type: 'boolean' }],
        ]
      : [[field.flag, { type: 'string' }]],
  ),
);

const fieldOptions = {
  ...profileFieldFlags,
  'password-stdin': { type: 'boolean' },
  'ask-password': { type: 'boolean' },
  'no-password': { type: 'boolean' },
  ...sshFlagOptions,
  url: { type: 'string' },
  yes: { type: 'boolean' },
  'keep-snapshots': { type: 'boolean' },
  'delete-snapshots': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseFlags(args, { options: fieldOptions, allowPositionals: true }, usage);
}

/** The value a field's flags give it, checked as the flag is read; undefined when none was given. */
function flagValue(field: ProfileField, flags: Readonly<Record<string, string | string[] | boolean | undefined>>): unknown {
  if (field.kind === 'boolean') return flags[field.offFlag] ? false : flags[field.flag] ? true : undefined;
  const text = flags[field.flag];
  if (typeof text !== 'string') return undefined;
  switch (field.kind) {
    case 'text':
      return text;
    case 'path':
      // An empty value clears the field; it is not the current folder.
      return text === '' ? '' : resolve(text);
    case 'integer': {
      const number = Number(text);
      if (!Number.isInteger(number)) throw new UsageError(`--${field.flag} must be a whole number`);
      return number;
    }
    case 'choice':
      if (!field.choices.includes(text)) throw new UsageError(`--${field.flag} must be one of ${field.choices.join(', ')}`);
      return text;
  }
}

/** Starting from a profile (edit) or nothing (add), applies the URI, then the flags, then the password. */
async function buildInput(base: ProfileInput, uri: string | undefined, flags: Flags): Promise<ProfileInput> {
  const input: ProfileInput = { ...base };
  if (uri) {
    const parsed = parseConnectionUri(uri);
    const { password, ...fields } = parsed;
    Object.assign(input, fields, { engine: 'postgres' });
    if (password !== undefined) {
      warn('switchyard: warning: a password on the command line can be read by other users of this machine (ps, shell history); prefer --password-stdin.\n');
      input.password = password;
    }
  }
  for (const name of profileFieldNames) {
    const value = flagValue(profileFieldTable[name], flags);
    // flagValue checked the value against the field's kind; the API's schema checks it again.
    if (value !== undefined) Object.assign(input, { [name]: value });
  }
  if (flags['password-stdin']) input.password = await readStdinLine();
  else if (flags['ask-password']) input.password = await promptHidden('Password: ');
  else if (flags['no-password']) input.password = null;
  await applySshFlags(input, flags);
  return input;
}

function findProfile(services: Services, nameOrId: string | undefined): Profile {
  if (!nameOrId) throw new UsageError('Name the profile (its name or id).');
  return services.profiles.named(nameOrId);
}

function editable(profile: Profile): ProfileInput {
  const { id: _id, hasPassword: _hasPassword, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = profile;
  return fields;
}

function where(profile: Profile): string {
  const via = profile.ssh.length ? ` via ${profile.ssh.map(sshHopName).join(' → ')}` : '';
  return `${engineFor(profile.engine).location(profile)}${via}`;
}

function show(profile: Profile, json: boolean, verb: string): void {
  if (json) printJson(profile);
  else say(`${verb} ${profile.name} (${profile.environment}, ${where(profile)})\n`);
}

async function run(args: string[]): Promise<number> {
  // import and export take flags of their own (profileTransfer.ts).
  if (args[0] === 'import' || args[0] === 'export') return runProfileTransfer(args[0], args.slice(1), usage);
  const { values: flags, positionals } = parse(args);
  const [sub, first, second] = positionals;
  const json = Boolean(flags.json);
  if (!sub || !['list', 'add', 'edit', 'remove', 'test', 'trust-host'].includes(sub)) throw new UsageError(usage);
  const services = await openServices();
  try {
    switch (sub) {
      case 'list': {
        const profiles = await call(services, 'profiles.list', {});
        if (json) printJson(profiles);
        else if (profiles.length === 0) say('No connection profiles yet. Add one with `switchyard profiles add`.\n');
        else
          printTable(
            ['NAME', 'ENV', 'ENGINE', 'WHERE', 'READ-ONLY', 'PASSWORD'],
            profiles.map((p) => [p.name, p.environment, p.engine, where(p), p.readOnly ? 'yes' : 'no', p.hasPassword ? 'stored' : '-']),
          );
        return 0;
      }
      case 'add': {
        if (first !== undefined && flags.url !== undefined) throw new UsageError('Give the URI once: as a word or with --url.');
        const input = await buildInput({ name: '', environment: 'dev', engine: 'postgres' }, first ?? flags.url, flags);
        show(await call(services, 'profiles.create', { profile: input }), json, 'Added');
        return 0;
      }
      case 'edit': {
        const profile = findProfile(services, first);
        const input = await buildInput(editable(profile), second, flags);
        show(await call(services, 'profiles.update', { id: profile.id, profile: input }), json, 'Updated');
        return 0;
      }
      case 'remove': {
        const profile = findProfile(services, first);
        if (!flags.yes) {
          if (!process.stdin.isTTY) throw new UsageError(`Refusing to remove "${profile.name}" without --yes (stdin is not a terminal to confirm).`);
          const answer = await promptLine(`Remove connection "${profile.name}" (${where(profile)})? Type its name to confirm: `);
          if (answer.trim() !== profile.name) {
            warn('Not removed.\n');
            return 1;
          }
        }
        if (flags['keep-snapshots'] && flags['delete-snapshots']) throw new UsageError('Give --keep-snapshots or --delete-snapshots, not both.');
        const snapshots = flags['keep-snapshots'] ? 'keep' : flags['delete-snapshots'] ? 'delete' : undefined;
        // The name typed at the prompt, or --yes for a script that cannot type: it also covers deleting the snapshots.
        const confirmation = { typedName: profile.name };
        await call(services, 'profiles.remove', { id: profile.id, ...(snapshots ? { snapshots } : {}), confirmation }).catch((error: unknown) => {
          if (!(error instanceof SwitchyardError) || error.code !== 'E_SNAPSHOTS_REMAIN') throw error;
          const again = (flag: string) => commandLine(['profiles', 'remove', profile.name, '--yes', flag]);
          throw new SwitchyardError(
            error.code,
            `${error.message}\nTo keep them: ${again('--keep-snapshots')}\nTo delete them: ${again('--delete-snapshots')}`,
            error.detail,
          );
        });
        if (json) printJson({ removed: true, id: profile.id, name: profile.name });
        else say(`Removed ${profile.name}\n`);
        return 0;
      }
      case 'trust-host':
        return await trustHosts(services, findProfile(services, first), json);
      default: {
        const profile = findProfile(services, first);
        const overridden = second !== undefined || Object.keys(flags).some((flag) => flag !== 'json');
        const request = overridden ? { id: profile.id, profile: await buildInput(editable(profile), second, flags) } : { id: profile.id };
        const result = await call(services, 'profiles.test', request).catch((error: unknown) => {
          // Through an SSH tunnel, how far the test got before it failed (the error says where it stopped).
          const steps = error instanceof SwitchyardError ? (error.detail as { tunnel?: TunnelStep[] } | undefined)?.tunnel : undefined;
          if (!json && steps?.length) warn(tunnelLines(steps));
          throw error;
        });
        if (json) printJson({ ok: true, profile: profile.name, ...result });
        else {
          say(
            `${tunnelLines(result.tunnel ?? [])}${profile.name}: connected — ${result.serverVersion}, ${result.latencyMs} ms round trip, as ${result.currentUser}` +
              `${result.canCreateDatabase ? ', may create databases' : ''}${result.readOnly ? ', read-only' : ''}\n`,
          );
        }
        return 0;
      }
    }
  } finally {
    services.close();
  }
}

export const profilesCommand: Command = {
  name: 'profiles',
  summary: 'list, add, edit, remove and test saved connection profiles; import them from other tools, export them',
  usage,
  run,
};
