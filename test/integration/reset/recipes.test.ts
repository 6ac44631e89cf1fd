// Reset recipes through the API dispatcher on real PostgreSQL databases: a DBA saves one for a project
// environment or a group, support staff run it on a connection of that scope (rows back to the
// recipe's state), and everything else is refused with nothing changed: a connection outside the
// scope, a field the recipe decides, skipping a snapshot nobody may skip, a wrong typed name. Saves,
// removals and runs are in the audit log.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput, OperationReports } from '../../../src-shared/api';
import type { OperationStarted } from '../../../src-shared/model/operation';
import type { Services } from '../../../src-main/services';
import { SwitchyardError } from '../../../src-shared/errors';
import { adminQuery } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';
import { rows, shopWithData, unlockedServices } from './resetSupport';

const server = inject('postgres');
const context = { actor: 'support via test' };

async function call<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await services.dispatch(method, input, context);
  if (!result.ok) throw new SwitchyardError(result.error.code, result.error.message);
  return result.value as ApiOutput<M>;
}

async function refusal(services: Services, method: ApiMethod, input: unknown): Promise<{ code: string; message: string }> {
  const result = await services.dispatch(method, input, context);
  if (result.ok) throw new Error(`${method} was expected to be refused`);
  return result.error;
}

/** Starts a recipe run and waits for its op.done: the ResetResult, or the error it ended with. */
async function runRecipe(services: Services, input: ApiInput<'recipes.run'>): Promise<OperationReports['recipes.run']['result']> {
  const ended = new Map<string, { ok: true; result: unknown } | { ok: false; code: string; message: string }>();
  const waiters = new Map<string, () => void>();
  const stop = services.events.onEvent(({ event, payload }) => {
    if (event !== 'op.done') return;
    ended.set(payload.opId, payload.ok ? { ok: true, result: payload.result } : { ok: false, code: payload.error.code, message: payload.error.message });
    waiters.get(payload.opId)?.();
  });
  try {
    const started: OperationStarted = await call(services, 'recipes.run', input);
    if (!ended.has(started.opId)) await new Promise<void>((resolve) => waiters.set(started.opId, resolve));
    const outcome = ended.get(started.opId);
    if (!outcome?.ok) throw new SwitchyardError((outcome?.code ?? 'E_INTERNAL') as never, outcome?.message ?? 'no outcome');
    return outcome.result as OperationReports['recipes.run']['result'];
  } finally {
    stop();
  }
}

async function profileFor(services: Services, name: string, database: string, environment: 'staging' | 'prod' | 'dev' = 'staging'): Promise<string> {
  const profile = {
    name,
    environment,
    engine: 'postgres' as const,
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    database,
  };
  return (await call(services, 'profiles.create', { profile })).id;
}

const customers = (database: string) => rows(server, database, 'SELECT id, name FROM customers ORDER BY id');
const tables = async (database: string) =>
  (await rows(server, database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => (r as { tablename: string }).tablename);

/** Two databases with the shop's data: "Demo staging" in the project's staging, "Other client" only in the project's dev. */
async function shopWithRecipe(services: Services) {
  const demo = await shopWithData(server, 'recipe_demo');
  const other = await shopWithData(server, 'recipe_other');
  const demoId = await profileFor(services, 'Demo staging', demo.database);
  const otherId = await profileFor(services, 'Other client', other.database, 'dev');
  await call(services, 'projects.create', {
    project: {
      name: 'shop',
      dir: demo.project,
      format: 'native',
      environments: [
        { name: 'dev', members: [{ profileId: otherId }] },
        { name: 'staging', members: [{ profileId: demoId }] },
      ],
    },
  });
  const seedFile = join(tempDir(), 'q3.sql');
  writeFileSync(seedFile, "INSERT INTO customers VALUES (7, 'Q3 customer');\n");
  const recipe = await call(services, 'recipes.save', {
    recipe: { name: 'Client demo back to the Q3 state', scope: { project: 'shop', env: 'staging' }, mode: 'recreate', to: 'heads', seedFile },
  });
  return { demo, other, demoId, otherId, recipe, seedFile };
}

describe('reset recipes', () => {
  // Safety-net snapshots are kept on purpose; the shared test server should not collect them.
  afterEach(async () => {
    const left = await adminQuery(server, "SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'");
    for (const { datname } of left.rows as Array<{ datname: string }>) await adminQuery(server, `DROP DATABASE "${datname}"`);
  });

  it('saves a recipe for a project environment, offers it only to that environment’s connections, and runs it: the rows are the recipe’s', async () => {
    const services = await unlockedServices();
    const { demo, demoId, otherId, recipe, seedFile } = await shopWithRecipe(services);
    expect(recipe).toMatchObject({
      name: 'Client demo back to the Q3 state',
      scope: { project: 'shop', env: 'staging' },
      mode: 'recreate',
      snapshotSkip: 'nobody',
      seedFile,
    });
    expect((await call(services, 'recipes.list', { profileId: demoId })).map((r) => r.name)).toEqual(['Client demo back to the Q3 state']);
    expect(await call(services, 'recipes.list', { profileId: otherId })).toEqual([]);

    const plan = await call(services, 'recipes.plan', { recipe: recipe.id, profileId: demoId });
    expect(plan.refusals).toEqual([]);
    expect(plan.request).toMatchObject({ mode: 'recreate', to: 'heads', seedFile, takeSnapshot: true });
    expect(plan.steps.map((s) => s.step)).toEqual(['snapshot', 'terminate', 'drop', 'create', 'migrate', 'seed', 'verify']);

    const result = await runRecipe(services, { recipe: 'client demo back to the q3 state', profileId: demoId, confirmation: { typedName: demo.database } });

    expect(result.ok).toBe(true);
    expect(result.snapshot?.name).toMatch(/^Before reset/);
    expect(await customers(demo.database)).toEqual([{ id: 7, name: 'Q3 customer' }]);
    expect(await tables(demo.database)).toEqual(['customers', 'orders', 'switchyard_migrations']);

    const audit = services.session.store.audit.list(100);
    const recipeTag = { id: recipe.id, name: recipe.name };
    expect(audit.find((e) => e.action === 'recipe.save')?.detail).toMatchObject({ recipe: { name: recipe.name, mode: 'recreate', to: 'heads' } });
    expect(audit.find((e) => e.action === 'reset.start')).toMatchObject({
      actor: context.actor,
      target: 'Demo staging',
      detail: { recipe: recipeTag, mode: 'recreate' },
    });
    expect(audit.find((e) => e.action === 'reset.done')?.detail).toMatchObject({ recipe: recipeTag });
  });

  it('restores a group’s recipe snapshot by name on each database of the group: the rows are the snapshot’s', async () => {
    const services = await unlockedServices();
    const { demo, demoId } = await shopWithRecipe(services);
    await call(services, 'groups.create', { group: { name: 'clients', profileIds: [demoId] } });
    await call(services, 'snapshots.create', { profileId: demoId, name: 'Q3 state', endSessions: true });
    await rows(server, demo.database, "DELETE FROM orders; DELETE FROM customers; INSERT INTO customers VALUES (99, 'Scribbled by a demo');");
    await call(services, 'recipes.save', { recipe: { name: 'Back to Q3', scope: { group: 'clients' }, mode: 'snapshot', snapshotName: 'Q3 state' } });

    const result = await runRecipe(services, { recipe: 'Back to Q3', profileId: demoId, confirmation: { typedName: demo.database } });

    expect(result.ok).toBe(true);
    expect(await customers(demo.database)).toEqual([
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ]);
    expect(await rows(server, demo.database, 'SELECT id FROM orders')).toEqual([{ id: 10 }]);
  });

  it('refuses a connection outside the recipe’s scope, and a recipe whose snapshot the database lacks, changing nothing', async () => {
    const services = await unlockedServices();
    const { other, otherId, demoId, recipe } = await shopWithRecipe(services);
    const before = await customers(other.database);

    const outside = await refusal(services, 'recipes.run', { recipe: recipe.id, profileId: otherId, confirmation: { typedName: other.database } });
    expect(outside.code).toBe('E_OUT_OF_SCOPE');
    expect(outside.message).toBe(
      'The recipe "Client demo back to the Q3 state" runs on the connections of staging of shop, and Other client is not one of them. Nothing was changed.',
    );
    expect((await refusal(services, 'recipes.plan', { recipe: recipe.id, profileId: otherId })).code).toBe('E_OUT_OF_SCOPE');

    await call(services, 'groups.create', { group: { name: 'clients', profileIds: [demoId] } });
    await call(services, 'recipes.save', { recipe: { name: 'Back to Q3', scope: { group: 'clients' }, mode: 'snapshot', snapshotName: 'Q3 state' } });
    const noSnapshot = await refusal(services, 'recipes.run', { recipe: 'Back to Q3', profileId: demoId, confirmation: {} });
    expect(noSnapshot.code).toBe('E_NOT_FOUND');
    expect(noSnapshot.message).toContain('has no snapshot named "Q3 state"');

    expect(await customers(other.database)).toEqual(before);
    expect(services.session.store.audit.list(100).some((e) => e.action.startsWith('reset.'))).toBe(false);
  });

  it('refuses a run that alters the recipe (an extra field, skipping a snapshot nobody may skip, a wrong typed name), changing nothing', async () => {
    const services = await unlockedServices();
    const { demo, demoId, recipe } = await shopWithRecipe(services);
    const before = await customers(demo.database);
    const confirmation = { typedName: demo.database };

    const altered = await refusal(services, 'recipes.run', { recipe: recipe.id, profileId: demoId, confirmation, to: 'cust01', mode: 'wipe' });
    expect(altered.code).toBe('E_INVALID_INPUT');
    expect(altered.message).toContain('A recipe decides its reset: "to", "mode" cannot be given when running one');
    // The CLI calls the service itself: the service refuses the same way.
    expect(() => services.recipes.run({ recipe: recipe.id, profileId: demoId, confirmation, seedFile: '/tmp/x.sql' } as never, 'cli')).toThrow(
      expect.objectContaining({ code: 'E_INVALID_INPUT', message: expect.stringContaining('"seedFile" cannot be given') }),
    );

    const skip = await refusal(services, 'recipes.run', { recipe: recipe.id, profileId: demoId, confirmation, skipSnapshot: true });
    expect(skip).toEqual({
      code: 'E_INVALID_INPUT',
      message:
        'The recipe "Client demo back to the Q3 state" says nobody may skip its snapshot: it is taken first, so the reset can be undone. Nothing was changed.',
    });

    await expect(runRecipe(services, { recipe: recipe.id, profileId: demoId, confirmation: { typedName: 'not-the-database' } })).rejects.toMatchObject({
      code: 'E_CONFIRMATION_REQUIRED',
    });

    expect(await customers(demo.database)).toEqual(before);
    expect(await tables(demo.database)).toContain('leftovers');
  });

  it('edits and removes a recipe, each audited; a recipe for an environment that does not exist is refused', async () => {
    const services = await unlockedServices();
    const { recipe, seedFile } = await shopWithRecipe(services);

    const edited = await call(services, 'recipes.save', {
      id: recipe.id,
      recipe: { name: recipe.name, scope: { project: 'shop', env: 'staging' }, mode: 'wipe', to: 'cust01', seedFile, snapshotSkip: 'anyone' },
    });
    expect(edited).toMatchObject({ id: recipe.id, mode: 'wipe', to: 'cust01', snapshotSkip: 'anyone' });

    const missingEnv = await refusal(services, 'recipes.save', { recipe: { name: 'Prod', scope: { project: 'shop', env: 'prod' }, mode: 'recreate' } });
    expect(missingEnv).toMatchObject({
      code: 'E_NOT_FOUND',
      message: 'The project shop has no environment "prod" (switchyard projects show shop lists them). Nothing was saved.',
    });
    const noSeed = await refusal(services, 'recipes.save', {
      recipe: { name: 'Seeded', scope: { project: 'shop', env: 'staging' }, mode: 'recreate', seedFile: join(tempDir(), 'absent.sql') },
    });
    expect(noSeed.code).toBe('E_FILE_NOT_FOUND');
    const twice = await refusal(services, 'recipes.save', {
      recipe: { name: recipe.name.toUpperCase(), scope: { project: 'shop', env: 'staging' }, mode: 'recreate' },
    });
    expect(twice.code).toBe('E_DUPLICATE_NAME');

    await call(services, 'recipes.remove', { id: recipe.name });
    expect(await call(services, 'recipes.list', {})).toEqual([]);
    const audit = services.session.store.audit.list(100);
    expect(audit.find((e) => e.action === 'recipe.save' && (e.detail as { before?: unknown }).before)?.detail).toMatchObject({
      before: { mode: 'recreate', to: 'heads' },
      recipe: { mode: 'wipe', to: 'cust01' },
    });
    expect(audit.find((e) => e.action === 'recipe.remove')).toMatchObject({ target: recipe.name, detail: { recipe: { id: recipe.id } } });
  });
});
