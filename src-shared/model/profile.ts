// Connection profiles: the shape the UI, the CLI and the store agree on. The password is write-only.
import { z } from 'zod';
import { engines, type Engine } from './engine';
import { projectFormats } from './revision';
import { sshRouteInputSchema, type SshHop } from './sshRoute';

export const environments = ['dev', 'test', 'staging', 'prod', 'demo'] as const;
export type Environment = (typeof environments)[number];

/** Badge and window-band colours; prod is red so it can never be mistaken for anything else. */
export const environmentColours: Record<Environment, string> = {
  dev: '#2f9e44',
  test: '#1c7ed6',
  staging: '#f08c00',
  prod: '#e03131',
  demo: '#7048e8',
};

export const environmentLabels: Record<Environment, string> = {
  dev: 'Development',
  test: 'Test',
  staging: 'Staging',
  prod: 'Production',
  demo: 'Demo',
};

export { engines, type Engine };

export const sslModes = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof sslModes)[number];

/** How the bound migration project is read: detected from its files, or forced. */
export const projectFormatChoices = ['auto', ...projectFormats] as const;
export type ProjectFormatChoice = (typeof projectFormatChoices)[number];

const trimmed = (max: number) => z.string().trim().max(max);

const profileFields = {
  name: trimmed(100).min(1, 'Name is required'),
  environment: z.enum(environments),
  engine: z.enum(engines),
  host: trimmed(255).default(''),
  port: z.number().int().min(1, 'Port must be 1–65535').max(65535, 'Port must be 1–65535').default(5432),
  database: trimmed(255).default(''),
  user: trimmed(255).default(''),
  sslMode: z.enum(sslModes).default('disable'),
  sslCaFile: trimmed(4096).default(''),
  sqlitePath: trimmed(4096).default(''),
  readOnly: z.boolean().default(false),
  notes: z.string().max(10_000).default(''),
  projectDir: trimmed(4096).default(''),
  projectFormat: z.enum(projectFormatChoices).default('auto'),
  alembicCommand: trimmed(4096).default(''),
};

/** A profile's own fields as validated: what the store keeps, beside its id, secret and timestamps. */
export type ProfileFields = z.output<z.ZodObject<typeof profileFields>>;
export type ProfileFieldName = keyof typeof profileFields;

/** A profile as it leaves the main process: everything but the secret. */
export interface Profile extends ProfileFields {
  id: string;
  hasPassword: boolean;
  /** The SSH route to the database, outermost host first; empty: reached directly. */
  ssh: SshHop[];
  createdAt: string;
  updatedAt: string;
}

/**
 * What a field is beyond its validation: its label (the form's and the CLI help's), its store column,
 * its CLI flag and what the flag's text means, and whether a postgres:// URI carries it. A connection
 * field says which engines use it (`usedBy`; absent: every profile has it) and whether those refuse it
 * empty. Every field is audited.
 */
export type ProfileField = { label: string; column: string; flag: string; inUri: boolean; usedBy?: readonly Engine[]; required?: true } & (
  | { kind: 'text' }
  /** A path typed on the command line, kept absolute so it means the same from any folder. */
  | { kind: 'path' }
  | { kind: 'integer' }
  | { kind: 'choice'; choices: readonly string[] }
  /** Stored as 0/1; `flag` turns it on, `offFlag` off. */
  | { kind: 'boolean'; offFlag: string }
);

/** The one list of a profile's fields: the store's columns, the CLI's flags, the URI and the audit derive from it. */
export const profileFieldTable = {
  name: { label: 'Name', column: 'name', flag: 'name', kind: 'text', inUri: false },
  environment: { label: 'Environment', column: 'environment', flag: 'env', kind: 'choice', choices: environments, inUri: false },
  engine: { label: 'Engine', column: 'engine', flag: 'engine', kind: 'choice', choices: engines, inUri: false },
  host: { label: 'Host', column: 'host', flag: 'host', kind: 'text', inUri: true, usedBy: ['postgres'], required: true },
  port: { label: 'Port', column: 'port', flag: 'port', kind: 'integer', inUri: true, usedBy: ['postgres'] },
  database: { label: 'Database', column: 'database', flag: 'database', kind: 'text', inUri: true, usedBy: ['postgres'], required: true },
  user: { label: 'User', column: 'user', flag: 'user', kind: 'text', inUri: true, usedBy: ['postgres'], required: true },
  sslMode: { label: 'SSL mode', column: 'ssl_mode', flag: 'ssl-mode', kind: 'choice', choices: sslModes, inUri: true, usedBy: ['postgres'] },
  sslCaFile: { label: 'CA certificate file', column: 'ssl_ca_file', flag: 'ssl-ca', kind: 'path', inUri: true, usedBy: ['postgres'] },
  sqlitePath: { label: 'SQLite file', column: 'sqlite_path', flag: 'sqlite-path', kind: 'path', inUri: false, usedBy: ['sqlite'], required: true },
  readOnly: {
    label: 'Read-only: the server refuses every write on this connection',
    column: 'read_only',
    flag: 'read-only',
    kind: 'boolean',
    offFlag: 'writable',
    inUri: false,
  },
  notes: { label: 'Notes', column: 'notes', flag: 'notes', kind: 'text', inUri: false },
  /** The migration project bound to this connection: a migrations folder or a folder holding alembic.ini. */
  projectDir: {
    label: 'Migration project folder (a migrations folder, or one holding alembic.ini)',
    column: 'project_dir',
    flag: 'project',
    kind: 'path',
    inUri: false,
  },
  projectFormat: { label: 'Project format', column: 'project_format', flag: 'format', kind: 'choice', choices: projectFormatChoices, inUri: false },
  /** The command that runs Alembic for this project (default: alembic). */
  alembicCommand: { label: 'Alembic command', column: 'alembic_command', flag: 'alembic', kind: 'text', inUri: false },
} as const satisfies Record<ProfileFieldName, ProfileField>;

export const profileFieldNames = Object.keys(profileFieldTable) as ProfileFieldName[];

/** The fields a postgres:// URI carries. */
export type UriFieldName = { [K in ProfileFieldName]: (typeof profileFieldTable)[K]['inUri'] extends true ? K : never }[ProfileFieldName];
export type UriFields = Pick<ProfileFields, UriFieldName>;

/** Whether `engine` uses the field: its form shows it, its connections are made with it. */
export function engineUses(engine: Engine, field: ProfileFieldName): boolean {
  const { usedBy }: ProfileField = profileFieldTable[field];
  return usedBy === undefined || usedBy.includes(engine);
}

/** Engine-specific requirements, from the field table, reported on the field they concern (forms show them all at once). */
export function engineFieldIssues(value: { engine: Engine } & Partial<Record<ProfileFieldName, unknown>>): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const name of profileFieldNames) {
    const field: ProfileField = profileFieldTable[name];
    const text = value[name];
    if (field.required && engineUses(value.engine, name) && (typeof text !== 'string' || !text.trim()))
      issues.push({ path: name, message: `${field.label} is required` });
  }
  if (engineUses(value.engine, 'sslCaFile') && value.sslMode === 'verify-ca' && !(typeof value.sslCaFile === 'string' && value.sslCaFile.trim()))
    issues.push({ path: 'sslCaFile', message: 'verify-ca needs a CA file' });
  return issues;
}

/**
 * password: a string sets it, null clears it, absent keeps what is stored (edits never need to
 * resend a secret the renderer was never given).
 */
export const profileInputSchema = z
  .object({
    ...profileFields,
    password: z.string().max(1024).nullable().optional(),
    /** The SSH route, outermost host first: a list replaces the stored one ([] removes it), absent keeps it. */
    ssh: sshRouteInputSchema.optional(),
  })
  .superRefine((value, ctx) => {
    for (const issue of engineFieldIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    // A route ends at a server's host and port: an engine that opens a file has none to forward to.
    if (value.ssh?.length && !engineUses(value.engine, 'host'))
      ctx.addIssue({ code: 'custom', path: ['ssh'], message: 'An SSH tunnel needs a database server (host and port)' });
  });

export type ProfileInput = z.input<typeof profileInputSchema>;
export type ValidProfileInput = z.output<typeof profileInputSchema>;

export const profileIdSchema = z.string().min(1).max(64);

export function environmentOf(value: string): Environment | undefined {
  return (environments as readonly string[]).includes(value) ? (value as Environment) : undefined;
}
