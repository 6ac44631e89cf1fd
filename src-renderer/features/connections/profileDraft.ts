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

/** The profile's fields as the form holds them: the port as typed, and what to do with the password. */
export interface ProfileDraft extends Omit<ProfileFields, 'port'> {
  port: string;
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
  };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  const { id: _id, hasPassword: _hasPassword, createdAt: _createdAt, updatedAt: _updatedAt, port, ...fields } = profile;
  return { ...fields, port: String(port), password: '', clearPassword: false };
}

export function draftToInput(draft: ProfileDraft): ProfileInput {
  const { password, clearPassword, port, ...fields } = draft;
  const input: ProfileInput = { ...fields, port: /^\d+$/.test(port.trim()) ? Number(port) : Number.NaN };
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
    const field = String(issue.path[0] ?? 'form');
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
