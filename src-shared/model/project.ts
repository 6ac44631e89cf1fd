// Projects: a migration project with its environments in promotion order, each environment one or
// more connection profiles, and optionally database bindings (a branch label bound to a connection
// role, so `auth@head` runs on the auth database of an environment and `specs@head` on its specs
// database). Groups: connections that take the same migrations (a database per tenant or client).
// The shapes the UI, the CLI and the store agree on.
import { z } from 'zod';
import { profileIdSchema, projectFormatChoices, type ProjectFormatChoice } from './profile';
import type { ProjectFormat } from './revision';
import type { TargetRef } from './targetRef';

/** A project's, environment's, role's or group's name: what people type after `--project`, `--env`, `--group`. */
const nameSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(100, `${what} is at most 100 characters`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `${what} is letters, digits, '.', '_' or '-', starting with a letter or digit`);

export const projectNameSchema = nameSchema('A project name');
export const projectEnvironmentNameSchema = nameSchema('An environment name');
export const connectionRoleSchema = nameSchema('A database role');
export const groupNameSchema = nameSchema('A group name');
export const projectIdSchema = z.string().min(1).max(64);

/** The role of a connection in a project without bindings: every environment has one database. */
export const defaultRole = 'main';

/** One connection of an environment, in the role it plays (its database, for bindings). */
export const environmentMemberSchema = z
  .object({
    profileId: profileIdSchema,
    role: connectionRoleSchema.default(defaultRole),
  })
  .strict();

export const projectEnvironmentSchema = z
  .object({
    name: projectEnvironmentNameSchema,
    members: z.array(environmentMemberSchema).max(1000),
  })
  .strict();

/** A branch label (or a version location, for Alembic) whose revisions live on the database of a role. */
export const databaseBindingSchema = z
  .object({
    label: z.string().trim().min(1).max(200),
    role: connectionRoleSchema,
  })
  .strict();

export const projectInputSchema = z
  .object({
    name: projectNameSchema,
    /** The migrations folder, or a folder holding alembic.ini. */
    dir: z.string().trim().min(1, 'The project folder is required').max(4096),
    format: z.enum(projectFormatChoices).default('auto'),
    /** The command that runs Alembic (empty: alembic). */
    alembicCommand: z.string().trim().max(4096).default(''),
    /** Promotions to production need a second person's name and note, recorded in the audit log. */
    requireApproval: z.boolean().default(false),
    /** In promotion order: dev first, production last. */
    environments: z.array(projectEnvironmentSchema).max(50).default([]),
    bindings: z.array(databaseBindingSchema).max(100).default([]),
  })
  .strict();

export type ProjectInput = z.input<typeof projectInputSchema>;
/** A project input after its schema: defaults filled in, names trimmed. */
export type ValidProjectInput = z.output<typeof projectInputSchema>;
export type ProjectEnvironment = z.output<typeof projectEnvironmentSchema>;
export type EnvironmentMember = z.output<typeof environmentMemberSchema>;
export type DatabaseBinding = z.output<typeof databaseBindingSchema>;

export interface Project {
  id: string;
  name: string;
  dir: string;
  format: ProjectFormatChoice;
  alembicCommand: string;
  requireApproval: boolean;
  environments: ProjectEnvironment[];
  bindings: DatabaseBinding[];
  createdAt: string;
  updatedAt: string;
}

export const groupInputSchema = z
  .object({
    name: groupNameSchema,
    profileIds: z.array(profileIdSchema).max(10_000).default([]),
  })
  .strict();

export type GroupInput = z.input<typeof groupInputSchema>;
export type ValidGroupInput = z.output<typeof groupInputSchema>;

/** What a folder would become as a project: the format found, and environments proposed from the connections bound to it. */
export interface ProjectDetection {
  /** The folder, absolute. */
  dir: string;
  format: ProjectFormat;
  /** Why that format, in words. */
  reason: string;
  revisions: number;
  /** The stored project that already has this folder, if any (a second one is allowed, but said). */
  existing?: string;
  /** What the proposal could not take as it found it: bound connections disagreeing on the format or Alembic command, a project already on the folder. */
  notes: string[];
  proposal: ValidProjectInput;
}

/** A member of an environment as an operation reaches it: the connection, with the project's folder, format and Alembic command. */
export interface MemberTarget {
  profileId: string;
  profileName: string;
  role: string;
  ref: TargetRef;
}

export interface Group {
  id: string;
  name: string;
  /** In the order they were added: a rollout goes through them in this order. */
  profileIds: string[];
  createdAt: string;
  updatedAt: string;
}
