// Connection profiles: the shape the UI, the CLI and the store agree on. The password is write-only.
import { z } from 'zod';

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

export const engines = ['postgres', 'sqlite'] as const;
export type Engine = (typeof engines)[number];

export const sslModes = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof sslModes)[number];

/** How the bound migration project is read: detected from its files, or forced. */
export const projectFormatChoices = ['auto', 'native', 'alembic'] as const;
export type ProjectFormatChoice = (typeof projectFormatChoices)[number];

/** A profile as it leaves the main process: everything but the secret. */
export interface Profile {
  id: string;
  name: string;
  environment: Environment;
  engine: Engine;
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: SslMode;
  sslCaFile: string;
  sqlitePath: string;
  readOnly: boolean;
  notes: string;
  /** The migration project bound to this connection: a migrations folder or a folder holding alembic.ini. */
  projectDir: string;
  projectFormat: ProjectFormatChoice;
  /** The command that runs Alembic for this project (default: alembic). */
  alembicCommand: string;
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

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

interface EngineFields {
  engine: Engine;
  host?: string;
  database?: string;
  user?: string;
  sqlitePath?: string;
  sslMode?: SslMode;
  sslCaFile?: string;
}

/** Engine-specific requirements, reported on the field they concern (forms show them all at once). */
export function engineFieldIssues(value: EngineFields): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (value.engine === 'postgres') {
    if (!value.host?.trim()) issues.push({ path: 'host', message: 'Host is required' });
    if (!value.database?.trim()) issues.push({ path: 'database', message: 'Database is required' });
    if (!value.user?.trim()) issues.push({ path: 'user', message: 'User is required' });
    if (value.sslMode === 'verify-ca' && !value.sslCaFile?.trim()) issues.push({ path: 'sslCaFile', message: 'verify-ca needs a CA file' });
  } else if (!value.sqlitePath?.trim()) {
    issues.push({ path: 'sqlitePath', message: 'SQLite file path is required' });
  }
  return issues;
}

/**
 * password: a string sets it, null clears it, absent keeps what is stored (edits never need to
 * resend a secret the renderer was never given).
 */
export const profileInputSchema = z
  .object({ ...profileFields, password: z.string().max(1024).nullable().optional() })
  .superRefine((value, ctx) => {
    for (const issue of engineFieldIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

export type ProfileInput = z.input<typeof profileInputSchema>;
export type ValidProfileInput = z.output<typeof profileInputSchema>;

export const profileIdSchema = z.string().min(1).max(64);

export function environmentOf(value: string): Environment | undefined {
  return (environments as readonly string[]).includes(value) ? (value as Environment) : undefined;
}
