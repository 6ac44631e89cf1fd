// The form's working copy of a profile: strings as typed, converted to API input on save or test.
import {
  engineFieldIssues,
  profileInputSchema,
  projectFormatChoices,
  type Profile,
  type ProfileFields,
  type ProfileInput,
  type ProjectFormatChoice,
} from '../../../src-shared/model/profile';
import { formatLabel } from '../../../src-shared/model/revision';
import type { SshAuth, SshHopInput } from '../../../src-shared/model/sshRoute';

/** One SSH host as the form holds it: the port as typed, the passphrase or password as typed (empty keeps the stored one). */
export interface SshHopDraft {
  host: string;
  port: string;
  user: string;
  auth: SshAuth;
  keyFile: string;
  hostKey: string;
  secret: string;
  hasSecret: boolean;
}

export function emptyHop(): SshHopDraft {
  return { host: '', port: '22', user: '', auth: 'key', keyFile: '', hostKey: '', secret: '', hasSecret: false };
}

const typedPort = (port: string) => (/^\d+$/.test(port.trim()) ? Number(port) : Number.NaN);

function hopInput({ port, secret, hasSecret: _hasSecret, ...hop }: SshHopDraft): SshHopInput {
  return { ...hop, port: typedPort(port), ...(secret ? { secret } : {}) };
}

/** The profile's fields as the form holds them: the port as typed, and what to do with the password. */
export interface ProfileDraft extends Omit<ProfileFields, 'port'> {
  port: string;
  /** The SSH tunnel's hosts, outermost first; none: direct. */
  ssh: SshHopDraft[];
  /** Typed password; empty keeps what is stored. */
  password: string;
  clearPassword: boolean;
}

export function emptyDraft(): ProfileDraft {
  return {
    name: '',
    environment: 'dev',
    engine: 'postgres',
    host: 'localhost',
    port: '5432',
    database: '',
    user: '',
    password: '',
    clearPassword: false,
    sslMode: 'disable',
    sslCaFile: '',
    sqlitePath: '',
    readOnly: false,
    notes: '',
    projectDir: '',
    projectFormat: 'auto',
    alembicCommand: '',
    ssh: [],
  };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  const { id: _id, hasPassword: _hasPassword, createdAt: _createdAt, updatedAt: _updatedAt, port, ssh, ...fields } = profile;
  return { ...fields, port: String(port), password: '', clearPassword: false, ssh: ssh.map((hop) => ({ ...hop, port: String(hop.port), secret: '' })) };
}

export function draftToInput(draft: ProfileDraft): ProfileInput {
  const { password, clearPassword, port, ssh, ...fields } = draft;
  const input: ProfileInput = { ...fields, port: typedPort(port), ssh: ssh.map(hopInput) };
  if (password) input.password = password;
  else if (clearPassword) input.password = null;
  return input;
}

/** Field → first message, from the same schema main validates with. */
export function validateDraft(draft: ProfileDraft): Record<string, string> {
  const input = draftToInput(draft);
  const result = profileInputSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  // The schema skips its engine checks while basic fields fail; the form wants every message at once.
  for (const issue of engineFieldIssues(input)) errors[issue.path] = issue.message;
  for (const issue of result.error.issues) {
    // An SSH host's field is keyed by its place: "ssh.0.host".
    const field = issue.path[0] === 'ssh' ? issue.path.join('.') : String(issue.path[0] ?? 'form');
    errors[field] ??= field === 'port' ? 'Port must be 1–65535' : issue.message;
  }
  return errors;
}

/** The project formats the form offers: detection first, then every format Switchyard reads, as its users name it. */
export const projectFormatOptions = projectFormatChoices.map((value) => ({ value, label: value === 'auto' ? 'Detect' : formatLabel(value) }));

/** Only Alembic runs through a command the user names; a project still to be detected may be Alembic. */
export function takesAlembicCommand(format: ProjectFormatChoice): boolean {
  return format === 'auto' || format === 'alembic';
}
