// Reset recipes: a reset a DBA saved under a name for a project environment or a group ("Client demo
// back to the Q3 state"), which support staff run on one of its connections, choosing nothing else.
// The shapes the UI, the CLI, the API and the store agree on.
import { z } from 'zod';
import { profileIdSchema } from './profile';
import { groupNameSchema, projectEnvironmentNameSchema, projectNameSchema } from './project';
import { confirmationSchema } from './confirmation';
import { resetModes, type ResetMode } from './reset';

export const recipeNameSchema = z
  .string()
  .trim()
  .min(1, 'A recipe name is required')
  .max(200, 'A recipe name is at most 200 characters')
  .regex(/^[^\s-]/, 'A recipe name starts with a letter, digit or sign other than "-"');

/** Where a recipe may run: every connection of one environment of a project, or of one group. */
export const recipeScopeSchema = z.union([
  z.object({ project: projectNameSchema, env: projectEnvironmentNameSchema }).strict(),
  z.object({ group: groupNameSchema }).strict(),
]);
export type RecipeScope = z.output<typeof recipeScopeSchema>;

/** Who may skip the safety-net snapshot when running the recipe: nobody (the default), or whoever runs it. */
export const snapshotSkippers = ['nobody', 'anyone'] as const;
export type SnapshotSkipper = (typeof snapshotSkippers)[number];

export const recipeInputSchema = z
  .object({
    name: recipeNameSchema,
    scope: recipeScopeSchema,
    mode: z.enum(resetModes),
    /** Migrate to this target after the reset (heads, a branch head, a revision). */
    to: z.string().trim().min(1).max(200).optional(),
    /** Mode snapshot: the snapshot of this name each database restores (its newest ready one). */
    snapshotName: z.string().trim().min(1).max(200).optional(),
    /** A SQL file run after the migrations (an absolute path on this machine). */
    seedFile: z.string().trim().min(1).max(4096).optional(),
    snapshotSkip: z.enum(snapshotSkippers).default('nobody'),
  })
  .strict()
  .refine((r) => r.mode !== 'snapshot' || r.snapshotName !== undefined, {
    message: 'A recipe in mode snapshot names the snapshot to restore (snapshotName)',
    path: ['snapshotName'],
  })
  .refine((r) => r.mode === 'snapshot' || r.snapshotName === undefined, {
    message: 'Only a recipe in mode snapshot restores a snapshot: drop snapshotName or choose mode snapshot',
    path: ['snapshotName'],
  });

export type RecipeInput = z.input<typeof recipeInputSchema>;
export type ValidRecipeInput = z.output<typeof recipeInputSchema>;

export interface ResetRecipe {
  id: string;
  name: string;
  scope: RecipeScope;
  mode: ResetMode;
  to?: string;
  snapshotName?: string;
  seedFile?: string;
  snapshotSkip: SnapshotSkipper;
  /** Why the recipe can no longer run: its project, environment or group was removed. */
  scopeGone?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * What running a recipe takes: the recipe, the connection, the typed confirmation, and — only where
 * the recipe lets whoever runs it skip the snapshot — that choice. Anything else is refused, so
 * nobody alters a recipe's reset by adding a field.
 */
export const recipeRunSchema = z.strictObject(
  {
    /** The recipe's id or name. */
    recipe: z.string().trim().min(1).max(200),
    profileId: profileIdSchema,
    confirmation: confirmationSchema.default({}),
    skipSnapshot: z.boolean().optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A recipe decides its reset: ${issue.keys.map((k) => `"${k}"`).join(', ')} cannot be given when running one (only the connection, the typed confirmation and, where the recipe allows it, skipping the snapshot). Nothing was changed.`
        : undefined,
  },
);
export type RecipeRunInput = z.input<typeof recipeRunSchema>;
export type ValidRecipeRun = z.output<typeof recipeRunSchema>;

/** A recipe's plan on a connection: the same input without the confirmation. */
export const recipePlanSchema = recipeRunSchema.omit({ confirmation: true });
export type RecipePlanInput = z.input<typeof recipePlanSchema>;

/** Where a recipe runs, in words: "staging of shop", "group clients". */
export function scopeInWords(scope: RecipeScope): string {
  return 'group' in scope ? `group ${scope.group}` : `${scope.env} of ${scope.project}`;
}

/** What a recipe does, in words: "recreate, migrate to heads, seed q3.sql, snapshot first (nobody may skip it)". */
export function recipeInWords(recipe: Pick<ResetRecipe, 'mode' | 'to' | 'snapshotName' | 'seedFile' | 'snapshotSkip'>): string {
  const parts: string[] = [recipe.mode === 'snapshot' ? `restore snapshot "${recipe.snapshotName ?? ''}"` : recipe.mode];
  if (recipe.to) parts.push(`migrate to ${recipe.to}`);
  if (recipe.seedFile) parts.push(`seed ${recipe.seedFile.split(/[\\/]/).pop() ?? recipe.seedFile}`);
  parts.push(recipe.snapshotSkip === 'nobody' ? 'snapshot first (nobody may skip it)' : 'snapshot first (whoever runs it may skip it)');
  return parts.join(', ');
}
