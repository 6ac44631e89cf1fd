// Which database, and which migration project, an operation works on: a saved profile (its project
// may be overridden, as the CLI's --project does), or a URL with the project given beside it.
import { z } from 'zod';
import { environments, profileIdSchema, projectFormatChoices } from './profile';

const projectOverride = {
  /** The migrations folder, or a folder holding alembic.ini. */
  project: z.string().min(1).max(4096).optional(),
  format: z.enum(projectFormatChoices).optional(),
  /** The command that runs Alembic. */
  alembic: z.string().min(1).max(1000).optional(),
};

export const targetRefSchema = z.union([
  z.object({ profileId: profileIdSchema, ...projectOverride }).strict(),
  z.object({ url: z.string().min(1).max(4096), env: z.enum(environments).default('dev'), ...projectOverride }).strict(),
]);

export type TargetRef = z.input<typeof targetRefSchema>;
