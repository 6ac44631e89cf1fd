// `switchyard recipes …`: the reset recipes a DBA saves for a project environment or a group, which
// support staff run with `switchyard reset --recipe NAME`. Thin over RecipeService.
import { resolve } from 'node:path';
import { recipeInWords, scopeInWords, type RecipeInput, type ResetRecipe } from '../../../src-shared/model/resetRecipe';
import { resetModes } from '../../../src-shared/model/reset';
import { actorName } from '../../services';
import type { Command } from '../command';
import { openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';
import { commandLine } from '../shellWords';

const usage = `Usage: switchyard recipes list [--profile NAME] [--json]
       switchyard recipes show NAME [--json]
       switchyard recipes save NAME (--project NAME --env ENV | --group NAME) --mode recreate|wipe|snapshot
                [--to TARGET] [--snapshot NAME] [--seed FILE] [--anyone-may-skip-snapshot] [--json]
       switchyard recipes remove NAME [--json]

  list     the recipes; with --profile, those that connection may run (its environment's or group's)
  show     one recipe: where it runs and what it does
  save     a named reset for every connection of a project's environment or of a group (a recipe of that
           name already saved is replaced): --mode and --to as switchyard reset takes them, --snapshot
           the name of the snapshot each database restores (mode snapshot), --seed a SQL file run after;
           a snapshot is always taken first unless --anyone-may-skip-snapshot (never on production)
  remove   forgets the recipe

Support staff run one with: switchyard reset --recipe NAME --profile NAME --confirm DATABASE_NAME`;

const options = {
  json: { type: 'boolean' },
  profile: { type: 'string' },
  project: { type: 'string' },
  env: { type: 'string' },
  group: { type: 'string' },
  mode: { type: 'string' },
  to: { type: 'string' },
  snapshot: { type: 'string' },
  seed: { type: 'string' },
  'anyone-may-skip-snapshot': { type: 'boolean' },
} as const;

type RecipeFlags = { [F in keyof typeof options]?: (typeof options)[F]['type'] extends 'boolean' ? boolean : string };

/** What each action takes: how many words, and which flags besides --json. */
const forms: Record<string, { words: number; flags: readonly (keyof typeof options)[] }> = {
  list: { words: 0, flags: ['profile'] },
  show: { words: 1, flags: [] },
  save: { words: 1, flags: ['project', 'env', 'group', 'mode', 'to', 'snapshot', 'seed', 'anyone-may-skip-snapshot'] },
  remove: { words: 1, flags: [] },
};

function recipeText(recipe: ResetRecipe): string {
  const lines = [
    `${recipe.name}`,
    `  runs on: the connections of ${scopeInWords(recipe.scope)}${recipe.scopeGone ? ` — it cannot run: ${recipe.scopeGone}` : ''}`,
    `  does:    ${recipeInWords(recipe)}`,
    `  saved by ${recipe.createdBy}, last changed ${recipe.updatedAt}`,
  ];
  return `${lines.join('\n')}\n`;
}

function recipeInput(name: string, values: RecipeFlags): RecipeInput {
  if (values.group && (values.project || values.env)) throw new UsageError(`Give --project NAME --env ENV or --group NAME, not both.\n\n${usage}`);
  if (!values.group && !(values.project && values.env))
    throw new UsageError(`Say where the recipe runs: --project NAME --env ENV, or --group NAME.\n\n${usage}`);
  if (!values.mode || !(resetModes as readonly string[]).includes(values.mode)) throw new UsageError(`--mode must be recreate, wipe or snapshot.\n\n${usage}`);
  return {
    name,
    scope: values.group ? { group: values.group } : { project: values.project ?? '', env: values.env ?? '' },
    mode: values.mode as RecipeInput['mode'],
    ...(values.to ? { to: values.to } : {}),
    ...(values.snapshot ? { snapshotName: values.snapshot } : {}),
    ...(values.seed ? { seedFile: resolve(values.seed) } : {}),
    snapshotSkip: values['anyone-may-skip-snapshot'] ? 'anyone' : 'nobody',
  };
}

export const recipesCommand: Command = {
  name: 'recipes',
  summary: 'reset recipes: a named reset for a project environment or a group, which support staff run',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { options, allowPositionals: true }, usage);
    const [action, ...words] = positionals;
    if (!action || !Object.hasOwn(forms, action)) throw new UsageError(`Say what to do: ${Object.keys(forms).join(', ')}.\n\n${usage}`);
    const form = forms[action] as (typeof forms)[string];
    if (words.length !== form.words) throw new UsageError(`recipes ${action} takes ${form.words === 0 ? 'no words' : 'the recipe’s NAME'}.\n\n${usage}`);
    const stray = (Object.keys(values) as (keyof typeof options)[]).filter((flag) => flag !== 'json' && !form.flags.includes(flag));
    if (stray.length > 0) throw new UsageError(`${stray.map((flag) => `--${flag}`).join(', ')} does not go with recipes ${action}.\n\n${usage}`);
    const json = Boolean(values.json);
    const actor = actorName('cli');
    const [name = ''] = words;
    const services = await openServices();
    try {
      const { recipes } = services;
      switch (action) {
        case 'list': {
          const list = recipes.list(values.profile ? services.profiles.named(values.profile).id : undefined);
          if (json) printJson(list);
          else if (list.length === 0)
            say(
              values.profile
                ? `No recipe runs on ${values.profile}.\n`
                : `No reset recipes yet: ${commandLine(['recipes', 'save', 'NAME', '--project', 'NAME', '--env', 'ENV', '--mode', 'recreate'])}\n`,
            );
          else
            printTable(
              ['name', 'runs on', 'does'],
              list.map((r) => [r.name, r.scopeGone ? `(${r.scopeGone})` : scopeInWords(r.scope), recipeInWords(r)]),
            );
          return 0;
        }
        case 'show': {
          const recipe = recipes.get(name);
          if (json) printJson(recipe);
          else say(recipeText(recipe));
          return 0;
        }
        case 'save': {
          const existing = recipes.list().find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
          const recipe = recipes.save(recipeInput(name, values), actor, existing?.id);
          if (json) printJson(recipe);
          else
            say(
              `${existing ? 'Replaced' : 'Saved'} the recipe:\n${recipeText(recipe)}Run it with: ${commandLine(['reset', '--recipe', recipe.name, '--profile', 'NAME', '--confirm', 'DATABASE_NAME'])}\n`,
            );
          return 0;
        }
        default: {
          const recipe = recipes.get(name);
          recipes.remove(recipe.id, actor);
          if (json) printJson({ removed: true, recipe });
          else say(`Removed the recipe ${recipe.name}.\n`);
          return 0;
        }
      }
    } finally {
      services.close();
    }
  },
};
