// Connections from other tools and from bundles, previewed then created: each goes through the
// profile schema and ProfileService.create (audited, its password straight into the encrypted store),
// duplicates of saved profiles are marked and left out unless asked, and what could not be read is
// reported where it was in the file.
import type { z } from 'zod';
import { engineFor } from '../../engines/engineFor';
import { SwitchyardError } from '../../../src-shared/errors';
import { profileInputSchema, type Profile, type ProfileFields, type ValidProfileInput } from '../../../src-shared/model/profile';
import { sshHopName } from '../../../src-shared/model/sshRoute';
import {
  importSourceLabels,
  type ImportCandidate,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
  type ImportSource,
  type importRequestSchema,
  type importRunSchema,
} from '../../../src-shared/model/profileImport';
import type { ProfileService } from '../profileService';
import { openBundle } from '../export/profileBundle';
import { decryptDbeaverCredentials } from './dbeaverCredentials';
import { readDbeaverSources } from './dbeaverSources';
import { readEnvironmentSettings } from './environmentSettings';
import type { ImportedConnection, SourceReading } from './importedConnection';
import { detectSource } from './importDetection';
import { readPgadminServers } from './pgadminServers';
import { readPgpass } from './pgpassFile';
import { readServiceFile } from './serviceFile';
import { readUriList } from './uriList';

type ImportRequest = z.output<typeof importRequestSchema>;
type ImportRun = z.output<typeof importRunSchema>;

interface Planned {
  candidate: ImportCandidate;
  password: string | undefined;
  /** The SSH route with its secrets (a bundle's), kept out of the candidate the preview shows. */
  route: ValidProfileInput['ssh'];
}

/** Where a profile connects: two profiles with the same key reach the same database as the same user. */
function destinationKey(fields: ProfileFields): string {
  return `${fields.engine}:${engineFor(fields.engine).databaseKey(fields)}:${fields.user}`;
}

function dbeaverCredentials(base64: string | undefined, problems: ImportProblem[]) {
  if (base64 === undefined) return undefined;
  try {
    return decryptDbeaverCredentials(Buffer.from(base64, 'base64'));
  } catch (error) {
    problems.push({
      where: 'credentials-config.json',
      message: `Could not be decrypted with DBeaver's default key (${(error as Error).message}): a master password set in DBeaver encrypts it otherwise. Users and passwords were not imported.`,
    });
    return undefined;
  }
}

async function bundleReading(text: string, passphrase: string | undefined): Promise<SourceReading> {
  if (!passphrase)
    throw new SwitchyardError('E_INVALID_INPUT', 'A bundle needs its passphrase (SWITCHYARD_BUNDLE_PASSPHRASE or the prompt). Nothing was imported.');
  const profiles = await openBundle(text, passphrase);
  return {
    connections: profiles.map(({ password, ...profile }, index) => ({
      profile: { environment: 'dev', engine: 'postgres', ...profile },
      ...(password !== undefined ? { password } : {}),
      where: `profile ${index + 1}`,
      notes: [],
    })),
    problems: [],
  };
}

async function readSource(source: ImportSource, request: ImportRequest): Promise<SourceReading> {
  const credentialProblems: ImportProblem[] = [];
  switch (source) {
    case 'pgadmin':
      return readPgadminServers(request.text);
    case 'dbeaver': {
      const reading = readDbeaverSources(request.text, dbeaverCredentials(request.credentials, credentialProblems));
      return { connections: reading.connections, problems: [...credentialProblems, ...reading.problems] };
    }
    case 'pgpass':
      return readPgpass(request.text);
    case 'service':
      return readServiceFile(request.text);
    case 'uris':
      return readUriList(request.text);
    case 'env':
      return readEnvironmentSettings(request.text);
    case 'bundle':
      return bundleReading(request.text, request.passphrase);
  }
}

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

export class ProfileImportService {
  constructor(private readonly profiles: ProfileService) {}

  async preview(request: ImportRequest): Promise<ImportPreview> {
    const { preview } = await this.plan(request);
    return preview;
  }

  async import(run: ImportRun, actor: string): Promise<ImportResult> {
    const { preview, planned } = await this.plan(run);
    const created: Profile[] = [];
    const skipped: ImportCandidate[] = [];
    for (const { candidate, password, route } of planned) {
      if (candidate.duplicateOf && !run.includeDuplicates) {
        skipped.push(candidate);
        continue;
      }
      const secrets = { ...(password !== undefined ? { password } : {}), ...(route?.length ? { ssh: route } : {}) };
      created.push(this.profiles.create({ ...candidate.fields, name: candidate.name, ...secrets }, actor));
    }
    return { ...preview, created, skipped };
  }

  private async plan(request: ImportRequest): Promise<{ preview: ImportPreview; planned: Planned[] }> {
    const { source, detection } = request.from
      ? { source: request.from, detection: `${importSourceLabels[request.from]}, as asked` }
      : detectSource(request.text, request.fileName);
    const reading = await readSource(source, request);
    const problems = [...reading.problems];
    const saved = new Map(this.profiles.list().map((profile) => [destinationKey(profile), profile.name]));
    const taken = new Set(this.profiles.list().map((profile) => profile.name.toLowerCase()));
    const planned: Planned[] = [];
    for (const connection of reading.connections) {
      const checked = this.candidate(connection, saved, taken, problems);
      if (checked) planned.push({ ...checked, password: connection.password });
    }
    // In file order: a reader's own problems and the ones found checking its connections, interleaved by position.
    const position = (problem: ImportProblem) => Number(/\d+/.exec(problem.where)?.[0] ?? 0);
    problems.sort((a, b) => position(a) - position(b));
    return { preview: { source, detection, candidates: planned.map((p) => p.candidate), problems }, planned };
  }

  /** The connection checked as a profile, named uniquely, marked when a saved (or earlier) one reaches the same place. */
  private candidate(
    connection: ImportedConnection,
    saved: Map<string, string>,
    taken: Set<string>,
    problems: ImportProblem[],
  ): Pick<Planned, 'candidate' | 'route'> | undefined {
    const checked = profileInputSchema.safeParse(connection.profile);
    if (!checked.success) {
      problems.push({ where: connection.where, message: `"${connection.profile.name}" is not a valid connection: ${issuesOf(checked.error)}.` });
      return undefined;
    }
    const { password: _password, ssh: route, ...fields } = checked.data;
    let name = fields.name;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${fields.name} ${n}`;
    const notes = [...connection.notes];
    if (route?.length) notes.push(`through SSH: ${route.map(sshHopName).join(' → ')}`);
    if (name !== fields.name) notes.push(`named "${name}": "${fields.name}" is taken`);
    const key = destinationKey(fields);
    const duplicateOf = saved.get(key);
    taken.add(name.toLowerCase());
    if (!duplicateOf) saved.set(key, name);
    const candidate: ImportCandidate = {
      name,
      where: connection.where,
      fields: { ...fields, name },
      hasPassword: Boolean(connection.password),
      ...(route?.length
        ? {
            ssh: route.map((hop) => ({
              name: sshHopName(hop),
              auth: hop.auth,
              hostKeyAccepted: Boolean(hop.hostKey),
              hasSecret: typeof hop.secret === 'string' && hop.secret !== '',
            })),
          }
        : {}),
      notes,
      ...(duplicateOf ? { duplicateOf } : {}),
    };
    return { candidate, route };
  }
}
