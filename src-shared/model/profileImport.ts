// Connections brought in from other tools (pgAdmin, DBeaver, ~/.pgpass, pg_service.conf, libpq's
// environment, postgres:// URIs) or from a Switchyard bundle: what a preview shows, what an import did.
import { z } from 'zod';
import type { Profile, ProfileFields } from './profile';
import type { SshAuth } from './sshRoute';

export const importSources = ['pgadmin', 'dbeaver', 'pgpass', 'service', 'uris', 'env', 'bundle'] as const;
export type ImportSource = (typeof importSources)[number];

export const importSourceLabels: Record<ImportSource, string> = {
  pgadmin: 'pgAdmin 4 servers.json',
  dbeaver: 'DBeaver data-sources.json',
  pgpass: 'a libpq password file (.pgpass)',
  service: 'a libpq service file (pg_service.conf)',
  uris: 'a list of postgres:// URIs',
  env: "libpq's environment variables (PGHOST, PGPORT…)",
  bundle: 'a Switchyard bundle (encrypted)',
};

/** Where in the file a connection or a problem comes from, in the file's own words ("line 4", "Servers › 2"). */
export interface ImportProblem {
  where: string;
  message: string;
}

/** The "format" field of a Switchyard profile bundle (src-main/profiles/export/profileBundle.ts documents the rest). */
export const profileBundleFormat = 'switchyard-profile-bundle';

/** Whether a file's text is a Switchyard bundle (which needs its passphrase to be read at all). */
export function looksLikeBundle(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === profileBundleFormat;
  } catch {
    return false;
  }
}

/** One host of an imported connection's SSH route, as a preview shows it: never its secret. */
export interface ImportedSshHop {
  /** user@host[:port] */
  name: string;
  auth: SshAuth;
  /** The host key comes accepted (a bundle's pinned key); otherwise the first test shows it to accept. */
  hostKeyAccepted: boolean;
  /** A key passphrase or password comes with it (into the encrypted store). */
  hasSecret: boolean;
}

/** One connection the import would create, without its password. */
export interface ImportCandidate {
  name: string;
  where: string;
  fields: ProfileFields;
  hasPassword: boolean;
  /** The SSH route it comes with, outermost host first. */
  ssh?: ImportedSshHop[];
  /** What the source said that the profile does not keep, or what was assumed. */
  notes: string[];
  /** The saved profile that reaches the same database (engine, host, port, database, user; or the same file). */
  duplicateOf?: string;
}

export interface ImportPreview {
  source: ImportSource;
  /** Why the file was read as this source (detected, or as asked). */
  detection: string;
  candidates: ImportCandidate[];
  problems: ImportProblem[];
}

export interface ImportResult extends ImportPreview {
  created: Profile[];
  /** Duplicates not imported (without includeDuplicates). */
  skipped: ImportCandidate[];
}

/** The largest file the API takes (characters): under the browser host's 1 MiB body limit. */
export const importFileLimit = 700_000;

/** Base64 so that any file (DBeaver's binary credentials) crosses the API as text. */
const fileText = z.string().max(importFileLimit);

export const importRequestSchema = z
  .object({
    /** The file's text (for env: KEY=VALUE lines). */
    text: fileText,
    from: z.enum(importSources).optional(),
    /** The file's name, which helps detection (servers.json, .pgpass, pg_service.conf). */
    fileName: z.string().max(4096).optional(),
    /** DBeaver's credentials-config.json beside data-sources.json, base64. */
    credentials: z.string().max(importFileLimit).optional(),
    /** A bundle's passphrase. */
    passphrase: z.string().min(1).max(1024).optional(),
  })
  .strict();
export type ImportRequest = z.input<typeof importRequestSchema>;

export const importRunSchema = importRequestSchema.extend({ includeDuplicates: z.boolean().default(false) }).strict();
export type ImportRun = z.input<typeof importRunSchema>;
