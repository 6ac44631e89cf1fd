// The handler object for the whole API contract, built over the services.
import type { ApiHandlers } from './dispatcher';
import type { AdoptService } from '../authoring/adoptService';
import type { AuthoringService } from '../authoring/authoringService';
import type { SquashService } from '../authoring/squashService';
import type { DemoWorkspace } from '../demo/demoWorkspace';
import type { GraphService } from '../graph/graphService';
import type { InventoryService } from '../inventory/inventoryService';
import type { LocalServerService } from '../localServers/localServerService';
import type { MatrixService } from '../matrix/matrixService';
import type { PromotionService } from '../promotion/promotionService';
import type { BoundRunService } from '../projects/boundRunService';
import type { ProfileService } from '../profiles/profileService';
import type { ProfileImportService } from '../profiles/import/profileImportService';
import type { ProfileExportService } from '../profiles/export/profileExportService';
import type { StoreKeysService } from '../store/storeKeysService';
import type { GroupService } from '../projects/groupService';
import { readGroupStatus } from '../projects/groupStatus';
import type { ProjectService } from '../projects/projectService';
import type { RunnerService } from '../runner/runnerService';
import type { RehearsalService } from '../runner/rehearsal/rehearsalService';
import type { ResetService } from '../reset/resetService';
import type { RecipeService } from '../reset/recipes/recipeService';
import type { RolloutService } from '../rollouts/rolloutService';
import type { DriftService } from '../schema/driftService';
import { boundDrift } from '../projects/boundDrift';
import type { ExpectedSchemaService } from '../schema/expectedSchemaService';
import type { SchemaComparisonService } from '../schema/schemaComparisonService';
import type { StoreSession } from '../session/storeSession';
import type { Operations } from '../operations/operations';
import type { EventBus } from '../operations/eventBus';
import { passphraseKeyProvider } from '../store/keyProvider';

export interface HandlerServices {
  session: StoreSession;
  profiles: ProfileService;
  profileImports: ProfileImportService;
  profileExports: ProfileExportService;
  storeKeys: StoreKeysService;
  runner: RunnerService;
  rehearsals: RehearsalService;
  inventory: InventoryService;
  graph: GraphService;
  reset: ResetService;
  recipes: RecipeService;
  expectedSchema: ExpectedSchemaService;
  schemaComparison: SchemaComparisonService;
  drift: DriftService;
  localServers: LocalServerService;
  projects: ProjectService;
  groups: GroupService;
  rollouts: RolloutService;
  matrices: MatrixService;
  promotions: PromotionService;
  boundRuns: BoundRunService;
  authoring: AuthoringService;
  adoptions: AdoptService;
  squashes: SquashService;
  demo: DemoWorkspace;
  operations: Operations;
  events: EventBus;
}

export function createHandlers({
  session,
  profiles,
  profileImports,
  profileExports,
  storeKeys,
  runner,
  rehearsals,
  inventory,
  graph,
  reset,
  recipes,
  expectedSchema,
  schemaComparison,
  drift,
  localServers,
  projects,
  groups,
  rollouts,
  matrices,
  promotions,
  boundRuns,
  authoring,
  adoptions,
  squashes,
  demo,
  operations,
  events,
}: HandlerServices): ApiHandlers {
  return {
    'session.status': () => session.status(),
    'session.lock': () => session.lock(),
    'session.unlock': async ({ passphrase }) => {
      const status = await session.unlock(passphraseKeyProvider(passphrase));
      events.emit('session.changed', status);
      return status;
    },

    'session.unlockWithKeychain': async () => {
      const status = await storeKeys.unlockWithKeychain();
      events.emit('session.changed', status);
      return status;
    },
    'store.security': () => storeKeys.security(),
    'store.changePassphrase': ({ current, next }, { actor }) => storeKeys.changePassphrase(current, next, actor),
    'store.usePassphrase': ({ passphrase }, { actor }) => storeKeys.usePassphrase(passphrase, actor),
    'store.useKeychain': ({ current }, { actor }) => storeKeys.useKeychain(current, actor),
    'store.backup': ({ file, replace }, { actor }) => storeKeys.backup(file, replace, actor),
    'store.restore': async ({ file, passphrase, replaceStore }, { actor }) => {
      const restored = await storeKeys.restore(file, passphrase, replaceStore, actor);
      // Every window reads the restored store again (its connections are the backup's).
      events.emit('session.changed', session.status());
      return restored;
    },

    'profiles.list': () => profiles.list(),
    'profiles.get': ({ id }) => profiles.get(id),
    'profiles.create': ({ profile }, { actor }) => profiles.create(profile, actor),
    'profiles.update': ({ id, profile }, { actor }) => profiles.update(id, profile, actor),
    'profiles.duplicate': ({ id }, { actor }) => profiles.duplicate(id, actor),
    'profiles.remove': async ({ id, snapshots, confirmation }, { actor }) => {
      await reset.releaseSnapshots(id, snapshots, actor, confirmation);
      profiles.remove(id, actor);
      return { removed: true as const };
    },
    'profiles.test': (request) => profiles.test(request),
    'profiles.testAll': () => profiles.testAll(),
    'profiles.createDemo': (_input, { actor }) => demo.create(actor),
    'profiles.trustHost': ({ id, position, fingerprint }, { actor }) => profiles.trustHost(id, position, fingerprint, actor),
    'profiles.importPreview': (request) => profileImports.preview(request),
    'profiles.import': (request, { actor }) => profileImports.import(request, actor),
    'profiles.exportBundle': ({ names, passphrase }, { actor }) => profileExports.bundle(names, passphrase, actor),
    'profiles.exportPgadmin': ({ names }, { actor }) => profileExports.pgadmin(names, actor),

    'runner.status': ({ profileId }) => runner.status({ profileId }),
    'runner.preview': ({ profileId, request }, { actor }) => runner.preview({ profileId }, request, actor, { prepareCheck: true }),
    'runner.run': ({ profileId, request, confirmation, rehearsal }, { actor }) =>
      runner.run({ profileId }, request, actor, { confirmation, ...(rehearsal ? { rehearsal } : {}) }),
    'runner.rehearse': ({ profileId, request }, { actor }) => rehearsals.rehearse({ profileId }, request, actor),
    'runner.rehearsal': ({ profileId, request }) => rehearsals.standing({ profileId }, request),
    'runner.adoptPreview': ({ profileId, from }, { actor }) => runner.adoptionPreview({ profileId }, from, actor),
    'runner.adopt': ({ profileId, from, confirmation }, { actor }) => runner.adopt({ profileId }, from, actor, { confirmation }),

    'graph.load': ({ profileId }) => graph.load({ profileId }),
    'graph.revision': ({ profileId, revision }) => graph.revision({ profileId }, revision),

    'inventory.load': ({ profileId }) => inventory.load({ profileId }),
    'inventory.sizes': ({ profileId }) => inventory.sizes({ profileId }),
    'inventory.countRows': ({ profileId, ...request }) => inventory.countRows({ profileId }, request),

    'schema.expected': ({ profileId, revisions }) => expectedSchema.ofTarget({ profileId }, revisions),
    'schema.compare': ({ from, to, ...options }) => schemaComparison.compare(from, to, options),
    'schema.apply': ({ from, to, reviewed, confirmation, ...options }, { actor }) => schemaComparison.apply(from, to, options, reviewed, confirmation, actor),
    'schema.drift': ({ profileId }) => drift.drift({ profileId }),
    'schema.exclusions': ({ profileId }) => drift.rules(profileId),
    'schema.setExclusions': ({ profileId, rules }, { actor }) => drift.setRules(profileId, rules, actor),

    'reset.plan': ({ profileId, request }, { actor }) => reset.plan({ profileId }, request, actor),
    'reset.run': ({ profileId, request, confirmation }, { actor }) => reset.run({ profileId }, request, confirmation, actor),
    'reset.condition': ({ profileId }, { actor }) => reset.condition({ profileId }, actor),
    'recipes.list': ({ profileId }) => recipes.list(profileId),
    'recipes.save': ({ id, recipe }, { actor }) => recipes.save(recipe, actor, id),
    'recipes.remove': ({ id }, { actor }) => {
      recipes.remove(id, actor);
      return { removed: true as const };
    },
    'recipes.plan': (input, { actor }) => recipes.plan(input, actor),
    'recipes.run': (input, { actor }) => recipes.run(input, actor),
    'snapshots.list': ({ profileId }) => reset.listSnapshots({ profileId }),
    'snapshots.exclusive': ({ profileId }) => reset.exclusiveSnapshots(profileId),
    'snapshots.sessions': ({ profileId }) => reset.sessions({ profileId }),
    'snapshots.create': ({ profileId, name, ...consent }, { actor }) => reset.createSnapshot({ profileId }, name, actor, consent),
    'snapshots.restore': ({ profileId, snapshotId, ...consent }, { actor }) => reset.restoreSnapshot({ profileId }, snapshotId, actor, consent),
    'snapshots.delete': async ({ profileId, snapshotId, ...confirmation }, { actor }) => {
      await reset.deleteSnapshot({ profileId }, snapshotId, actor, confirmation);
      return { deleted: true as const };
    },

    'localServers.list': () => localServers.list(),
    'localServers.create': ({ name }, { actor }) => operations.start('localServers.create', () => localServers.create(name, actor)),
    'localServers.start': ({ name }, { actor }) => operations.start('localServers.start', () => localServers.start(name, actor)),
    'localServers.stop': ({ name }, { actor }) => localServers.stop(name, actor),
    'localServers.remove': async ({ name, confirmation }, { actor }) => {
      await localServers.remove(name, actor, confirmation);
      return { removed: true as const };
    },

    'projects.list': () => projects.list(),
    'projects.get': ({ project }) => projects.get(project),
    'projects.create': ({ project }, { actor }) => projects.create(project, actor),
    'projects.update': ({ id, project }, { actor }) => projects.update(id, project, actor),
    'projects.remove': ({ id }, { actor }) => {
      projects.remove(id, actor);
      return { removed: true as const };
    },
    'projects.detect': ({ dir }) => projects.detect(dir),
    'groups.list': () => groups.list(),
    'groups.create': ({ group }, { actor }) => groups.create(group, actor),
    'groups.update': ({ id, group }, { actor }) => groups.update(id, group, actor),
    'groups.remove': ({ id, confirmation }, { actor }) => {
      groups.remove(id, actor, confirmation);
      return { removed: true as const };
    },
    'groups.status': ({ id, project }) =>
      readGroupStatus(groups.get(id), projects.get(project), { profile: (profileId) => profiles.get(profileId), status: (ref) => runner.status(ref) }),

    'rollouts.start': ({ request, confirmation }, { actor }) => rollouts.start(request, actor, confirmation),
    'rollouts.resume': ({ id, confirmation }, { actor }) => rollouts.resume(id, actor, confirmation),
    'rollouts.list': ({ limit }) => rollouts.list(limit),
    'rollouts.get': ({ id }) => rollouts.get(id),
    'rollouts.export': ({ id, format }) => rollouts.export(id, format),

    'matrix.load': ({ project, tables }) => matrices.load(project, { tables }),
    'promotion.preview': ({ project, from, to }, { actor }) => promotions.preview({ project, from, to }, actor),
    'promotion.run': ({ project, from, to, confirmation, approval, rehearsal, rehearseOnly }, { actor }) =>
      promotions.run({ project, from, to }, actor, { confirmation, ...(approval ? { approval } : {}), rehearsal: { rehearsal, rehearseOnly } }),
    'bindings.status': ({ project, env }) => boundRuns.status(project, env),
    'bindings.run': (input, { actor }) => boundRuns.run(input, actor),
    'bindings.preview': (input, { actor }) => boundRuns.preview(input, actor),
    'bindings.rehearse': (input, { actor }) => boundRuns.rehearse(input, actor),
    'bindings.rehearsal': (input) => boundRuns.rehearsalStanding(input),
    'bindings.drift': ({ project, env }) => boundDrift(boundRuns, (ref) => drift.drift(ref), project, env),
    'authoring.preview': ({ request }) => authoring.preview(request),
    'authoring.write': ({ previewId, force }, { actor }) => authoring.write(previewId, force, actor),
    'authoring.undo': ({ project }, { actor }) => authoring.undoLast(project, actor),
    'authoring.lastWrite': ({ project }) => authoring.lastWrite(project),
    'adoptions.check': ({ profileId, revision }) => adoptions.check({ profileId }, revision),
    'squashes.preview': ({ request: { project, ...request } }) => squashes.preview({ ...request, projectDir: project }),
    'squashes.write': ({ previewId, force }, { actor }) => squashes.writePreview(previewId, force, actor),
    'audit.list': ({ limit, profileId }) => session.store.audit.list(limit, profileId),
    'audit.verify': () => session.store.audit.verify(),

    'ops.cancel': ({ opId }) => ({ cancelled: operations.cancel(opId) }),
  };
}
