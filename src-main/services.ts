// Composition root: builds every service from a data folder and a key source, in one place.
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { KeySource } from '../src-shared/model/session';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { AdoptService } from './authoring/adoptService';
import { AuthoringService } from './authoring/authoringService';
import { SquashService } from './authoring/squashService';
import { UndoRecords } from './authoring/undoRecords';
import { createHandlers } from './api/handlers';
import { tunnels } from './drivers/ssh/tunnelPool';
import { DemoWorkspace } from './demo/demoWorkspace';
import { InventoryService } from './inventory/inventoryService';
import { LocalServerService } from './localServers/localServerService';
import { MatrixService } from './matrix/matrixService';
import { PromotionService } from './promotion/promotionService';
import { BoundRunService } from './projects/boundRunService';
import { GraphService } from './graph/graphService';
import { EventBus } from './operations/eventBus';
import { Operations } from './operations/operations';
import { ProfileService } from './profiles/profileService';
import { ProfileImportService } from './profiles/import/profileImportService';
import { ProfileExportService } from './profiles/export/profileExportService';
import { GroupService } from './projects/groupService';
import { ProjectService } from './projects/projectService';
import { RunnerService } from './runner/runnerService';
import { RehearsalRecords } from './runner/rehearsal/rehearsalRecords';
import { RehearsalService } from './runner/rehearsal/rehearsalService';
import { ResetService } from './reset/resetService';
import { RecipeService } from './reset/recipes/recipeService';
import { projectRolloutScopes } from './rollouts/rolloutScopes';
import { RolloutService } from './rollouts/rolloutService';
import { ExpectedSchemaCache } from './schema/expected/expectedSchemaCache';
import { ExpectedSchemaService } from './schema/expectedSchemaService';
import { SchemaComparisonService } from './schema/schemaComparisonService';
import { DriftService } from './schema/driftService';
import { ScratchPlaces } from './scratch/scratchPlaces';
import { SnapshotService, snapshotDirOf } from './reset/snapshots';
import { StoreSession } from './session/storeSession';
import { noKeychain, StoreKeysService, type Keychain } from './store/storeKeysService';
import { TargetResolver } from './targets/targetResolver';

export interface ServicesOptions {
  dataDir: string;
  keySource?: KeySource;
  /** Shown on the unlock screen when a keychain was expected but cannot be used. */
  lockedReason?: string;
  onUnexpectedError?: (method: string, error: unknown) => void;
  /** The app's first run (the store is created) brings the demo workspace. Off for the CLI. */
  firstRunDemo?: boolean;
  /** The OS keychain's key provider (the desktop app with a keyring), else why not: switching the store's key to it and back. */
  keychain?: Keychain;
  /** The password for a postgres:// target URL without one: the CLI's PGPASSWORD. Never set for a host that serves a browser. */
  urlPassword?: string | undefined;
}

export interface Services {
  dataDir: string;
  session: StoreSession;
  targets: TargetResolver;
  events: EventBus;
  operations: Operations;
  profiles: ProfileService;
  profileImports: ProfileImportService;
  profileExports: ProfileExportService;
  /** The store's keys and copies from the app: change the passphrase, keychain or passphrase, backup, restore. */
  storeKeys: StoreKeysService;
  projects: ProjectService;
  groups: GroupService;
  rollouts: RolloutService;
  matrices: MatrixService;
  promotions: PromotionService;
  boundRuns: BoundRunService;
  /** New revisions, merges of heads and re-parents written into a project, shown first and undoable. */
  authoring: AuthoringService;
  runner: RunnerService;
  rehearsals: RehearsalService;
  inventory: InventoryService;
  graph: GraphService;
  snapshots: SnapshotService;
  reset: ResetService;
  recipes: RecipeService;
  expectedSchema: ExpectedSchemaService;
  localServers: LocalServerService;
  schemaComparison: SchemaComparisonService;
  drift: DriftService;
  /** Adopt a revision whose objects a database already holds (stamp instead of run). */
  adoptions: AdoptService;
  /** Squash a linear run of a native project's revisions into one, with its proof. */
  squashes: SquashService;
  demo: DemoWorkspace;
  dispatch: Dispatch;
  close(): void;
}

export function createServices(options: ServicesOptions): Services {
  const events = new EventBus();
  const operations = new Operations(events);
  const session = new StoreSession(options.dataDir, options.keySource ?? 'passphrase', options.lockedReason);
  const snapshots = new SnapshotService(session, snapshotDirOf(options.dataDir));
  const targets = new TargetResolver(session, options.urlPassword);
  const profiles = new ProfileService(session, operations);
  const profileImports = new ProfileImportService(profiles);
  const profileExports = new ProfileExportService(session, profiles);
  const storeKeys = new StoreKeysService(session, options.keychain ?? noKeychain);
  const projects = new ProjectService(session);
  const groups = new GroupService(session);
  const scratch = new ScratchPlaces(options.dataDir);
  const rehearsals = new RehearsalService(targets, operations, scratch, new RehearsalRecords(join(options.dataDir, 'rehearsals')), session);
  // The check after a run asks for drift only when it runs, after every service below exists.
  const runner = new RunnerService(targets, session, operations, snapshots, rehearsals, {
    prepare: (ref, steps) => drift.prepare(ref, steps),
    afterRun: (ref, applied, reader) => drift.afterRun(ref, applied, reader),
  });
  const rollouts = new RolloutService(session, targets, runner, operations, projectRolloutScopes(projects, groups), rehearsals);
  const matrices = new MatrixService(projects, targets, session);
  const promotions = new PromotionService(matrices, projects, runner, operations, session, rehearsals);
  const boundRuns = new BoundRunService(projects, runner, operations, session, rehearsals);
  // Verify asks for drift only when it runs, after every service below exists.
  const reset = new ResetService(targets, snapshots, session, operations, (ref) => drift.drift(ref));
  const recipes = new RecipeService(session, targets, snapshots, reset);
  const inventory = new InventoryService(targets, operations);
  const graph = new GraphService(targets);
  const expectedSchema = new ExpectedSchemaService(targets, scratch, new ExpectedSchemaCache(join(options.dataDir, 'expected-schema')));
  const localServers = new LocalServerService(options.dataDir, profiles, session);
  const schemaComparison = new SchemaComparisonService(targets, session, expectedSchema);
  const drift = new DriftService(targets, session, expectedSchema);
  // The last write into each project folder, undoable until the next (the same records as every project write).
  const authoringUndo = new UndoRecords(join(options.dataDir, 'authoring-undo'));
  const authoring = new AuthoringService(session, runner, authoringUndo);
  const adoptions = new AdoptService(targets, expectedSchema, runner);
  const squashes = new SquashService(targets, session, scratch, authoring);
  const demo = new DemoWorkspace(session, profiles, snapshots, options.dataDir);
  if (options.firstRunDemo) session.onFirstRun(async () => void (await demo.create('switchyard (first run)')));
  // Locked while open (switchyard store lock, session.lock): the SSH tunnels close and the screens ask for the key again.
  session.onLocked(() => {
    tunnels.closeAll();
    events.emit('session.changed', session.status());
  });
  const handlers = createHandlers({
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
  });
  const dispatch = createDispatcher(handlers, {
    onUnexpectedError: options.onUnexpectedError ?? ((method, error) => console.error(`[switchyard] ${method} failed:`, error)),
  });
  return {
    dataDir: options.dataDir,
    session,
    targets,
    events,
    operations,
    profiles,
    profileImports,
    profileExports,
    storeKeys,
    projects,
    groups,
    rollouts,
    matrices,
    promotions,
    boundRuns,
    authoring,
    runner,
    rehearsals,
    inventory,
    graph,
    snapshots,
    reset,
    recipes,
    expectedSchema,
    schemaComparison,
    drift,
    adoptions,
    squashes,
    localServers,
    demo,
    dispatch,
    close: () => {
      session.close();
      // SSH tunnels end with the services that leased them (the CLI's process then exits at once).
      tunnels.closeAll();
      // The embedded server stops at once; its folder goes with it (or at exit, whichever comes first).
      void scratch.close();
    },
  };
}

/** "alice via cli": who the audit log names for a call from this process. */
export function actorName(surface: 'desktop' | 'cli' | 'browser'): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the surface alone still says where the change came from.
  }
  return `${user} via ${surface}`;
}
