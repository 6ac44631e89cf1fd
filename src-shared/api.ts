// The API contract: every method once, with its input schema and output type. The Electron shell,
// the browser host, the CLI and the renderer's client are all typed from this one table.
import { z } from 'zod';
import type { AuditEntry, AuditVerification } from './model/audit';
import type { ConnectionTestResult } from './model/connectionTest';
import type { ExpectedSchema } from './model/expectedSchema';
import { exclusionRulesSchema, type DriftReport, type ExclusionRules } from './model/drift';
import { runRehearsals, type Rehearsal, type RehearsalStanding } from './model/rehearsal';
import { savedSchemaSideSchema, type SchemaComparison } from './model/schemaComparison';
import type { GraphLoad, RevisionDetail } from './model/graphView';
import type { Inventory, RowCount, TableSize } from './model/inventory';
import type { OperationDone, OperationLog, OperationProgress, OperationStarted } from './model/operation';
import { profileIdSchema, profileInputSchema, type Profile } from './model/profile';
import { sshFingerprintPattern } from './model/sshRoute';
import type { SessionStatus } from './model/session';
import {
  changePassphraseSchema,
  storeBackupSchema,
  storeRestoreSchema,
  useKeychainSchema,
  usePassphraseSchema,
  type StoreBackup,
  type StoreRestore,
  type StoreSecurity,
} from './model/storeSecurity';
import type { MigrationStatus } from './model/status';
import { runActions, type AdoptionPreview, type AdoptionResult, type RunPreview, type RunResult } from './model/run';
import { projectFormats } from './model/revision';
import {
  resetModes,
  type DatabaseCondition,
  type ResetPlan,
  type ResetResult,
  type ResetSession,
  type ResetStepName,
  type Snapshot,
  type StepResult,
} from './model/reset';
import type { WireError } from './errors';
import { authoringRequestSchema, type AuthoringPreview } from './model/authoring';
import type { RevisionAdoption } from './model/revisionAdoption';
import { squashRequestSchema, type SquashPreview } from './model/squash';
import type { UndoableWrite, WriteResult } from './model/writePlan';
import { confirmationSchema } from './model/confirmation';
import { localServerNameSchema, type LocalServer } from './model/localServer';
import { recipeInputSchema, recipePlanSchema, recipeRunSchema, type ResetRecipe } from './model/resetRecipe';
import { groupInputSchema, projectIdSchema, projectInputSchema, type Group, type Project, type ProjectDetection } from './model/project';
import { rolloutExportFormats, rolloutRequestSchema, type Rollout, type RolloutListing, type RolloutProgress } from './model/rollout';
import type { RolloutExport } from './model/rolloutExport';
import type { Matrix } from './model/matrix';
import type { GroupStatus } from './model/groupStatus';
import { importRequestSchema, importRunSchema, type ImportPreview, type ImportResult } from './model/profileImport';
import {
  boundPreviewInputSchema,
  boundRunInputSchema,
  boundStatusInputSchema,
  type BoundDrift,
  type BoundPreview,
  type BoundRehearsalResult,
  type BoundRehearsalStanding,
  type BoundRunResult,
  type BoundStatus,
} from './model/boundRun';
import { promotionPreviewSchema, promotionRunSchema, type PromotionPreview, type PromotionProgress, type PromotionRecord } from './model/promotion';

/** Binds an output type to an input schema; the output only exists for the type checker. */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const empty = z.object({}).strict();
const byId = z.object({ id: profileIdSchema }).strict();
const byProfile = z.object({ profileId: profileIdSchema }).strict();
const tableName = z.object({ schema: z.string().min(1).max(255), name: z.string().min(1).max(255) }).strict();
const runRequestSchema = z
  .object({
    action: z.enum(runActions),
    to: z.string().trim().min(1, 'A revision to go to is required').max(200),
    down: z.boolean().optional(),
    snapshotFirst: z.boolean().optional(),
    endSessions: z.boolean().optional(),
  })
  .strict();

const resetRequestSchema = z
  .object({
    mode: z.enum(resetModes),
    to: z.string().trim().min(1).max(200).optional(),
    seedFile: z.string().trim().min(1).max(4096).optional(),
    snapshotId: z.string().min(1).max(64).optional(),
    takeSnapshot: z.boolean().default(true),
    skipSnapshotAcknowledged: z.boolean().optional(),
  })
  .strict();
const bySnapshot = z.object({ profileId: profileIdSchema, snapshotId: z.string().min(1).max(64) }).strict();
/** Ending sessions is never silent: without endSessions, a database with sessions is refused (E_SESSIONS_CONNECTED, detail: the sessions). */
const snapshotConsent = {
  endSessions: z.boolean().default(false),
  /** On production: the connection's name, typed (and for a restore, "production" acknowledged). */
  ...confirmationSchema.shape,
};

export const api = {
  'session.status': method<SessionStatus>()(empty),
  'session.unlock': method<SessionStatus>()(z.object({ passphrase: z.string().min(1, 'Passphrase is required').max(1024) }).strict()),
  /** Closes the store (and the SSH tunnels) until a key opens it again; every window is told (session.changed). */
  'session.lock': method<SessionStatus>()(empty),
  /** Opens a store whose key the OS keychain keeps (the desktop app, after a lock), without a passphrase; elsewhere E_KEYCHAIN_UNAVAILABLE. */
  'session.unlockWithKeychain': method<SessionStatus>()(empty),

  /** Where the store's key comes from, whether the OS keychain can keep it here, and who else has the store open. */
  'store.security': method<StoreSecurity>()(empty),
  /** A new master passphrase (the current one proves it is the user): rekeyed on a copy and swapped in; the window stays unlocked. */
  'store.changePassphrase': method<StoreSecurity>()(changePassphraseSchema),
  /** The keychain-kept key replaced by a passphrase (the store's rule applies). */
  'store.usePassphrase': method<StoreSecurity>()(usePassphraseSchema),
  /** The passphrase replaced by a key the OS keychain keeps (the desktop app only, else E_KEYCHAIN_UNAVAILABLE). */
  'store.useKeychain': method<StoreSecurity>()(useKeychainSchema),
  /** An encrypted copy of the store (same key) at FILE, its key files at FILE.keys.json; an existing FILE only with replace. */
  'store.backup': method<StoreBackup>()(storeBackupSchema),
  /** Replaces the store with a backup (replaceStore confirmed), refused while another process has it open (E_LOCK_HELD). */
  'store.restore': method<StoreRestore>()(storeRestoreSchema),

  'profiles.list': method<Profile[]>()(empty),
  'profiles.get': method<Profile>()(byId),
  'profiles.create': method<Profile>()(z.object({ profile: profileInputSchema }).strict()),
  'profiles.update': method<Profile>()(z.object({ id: profileIdSchema, profile: profileInputSchema }).strict()),
  'profiles.duplicate': method<Profile>()(byId),
  /** When snapshots of its database exist that no other profile reaches, keep or delete them must be said (else E_SNAPSHOTS_REMAIN). */
  'profiles.remove': method<{ removed: true }>()(
    byId.extend({ snapshots: z.enum(['keep', 'delete']).optional(), confirmation: confirmationSchema.default({}) }),
  ),
  /** Tests a saved profile, or unsaved form values; the stored password stands in for an untyped one only where it was saved for. */
  'profiles.test': method<ConnectionTestResult>()(
    z
      .object({ id: profileIdSchema.optional(), profile: profileInputSchema.optional() })
      .strict()
      .refine((v) => v.id !== undefined || v.profile !== undefined, 'Give a profile id or profile fields'),
  ),
  /** Tests every saved profile as a long operation: one progress event per profile. */
  'profiles.testAll': method<OperationStarted>()(empty),
  'profiles.createDemo': method<Profile>()(empty),
  /** Accepts (pins) the host key a test showed for the profile's SSH host at `position` (0: the outermost). */
  'profiles.trustHost': method<Profile>()(
    byId
      .extend({
        position: z.number().int().min(0).max(7),
        fingerprint: z.string().regex(sshFingerprintPattern, 'A host key is SHA256: and 43 base64 characters'),
      })
      .strict(),
  ),
  /** What importing a file would create (pgAdmin, DBeaver, .pgpass, pg_service.conf, URIs, libpq variables, a bundle): duplicates marked, problems by line. */
  'profiles.importPreview': method<ImportPreview>()(importRequestSchema),
  /** Creates the previewed profiles (passwords straight into the store); duplicates of saved profiles only with includeDuplicates. */
  'profiles.import': method<ImportResult>()(importRunSchema),
  /** The named profiles (all when none) as an encrypted bundle with their passwords; the passphrase must pass the store's rule. */
  'profiles.exportBundle': method<ProfileExport>()(
    z.object({ names: z.array(z.string().min(1).max(100)).max(10_000).optional(), passphrase: z.string().min(1).max(1024) }).strict(),
  ),
  /** The named profiles (all when none) as pgAdmin 4's servers.json, without passwords; SQLite ones left out and said. */
  'profiles.exportPgadmin': method<ProfileExport>()(z.object({ names: z.array(z.string().min(1).max(100)).max(10_000).optional() }).strict()),

  /** Where the connection stands against its bound migration project. */
  'runner.status': method<MigrationStatus>()(z.object({ profileId: profileIdSchema }).strict()),

  /** The plan, the exact SQL and the preflight findings, without running anything. */
  'runner.preview': method<RunPreview>()(z.object({ profileId: profileIdSchema, request: runRequestSchema }).strict()),
  /** Runs the plan as a long operation; op.done carries a RunResult. `rehearsal`: rehearse first, or refuse without a rehearsal (E_NOT_REHEARSED). */
  'runner.run': method<OperationStarted>()(
    z
      .object({
        profileId: profileIdSchema,
        request: runRequestSchema,
        confirmation: confirmationSchema.default({}),
        rehearsal: z.enum(runRehearsals).optional(),
      })
      .strict(),
  ),
  /** Runs the plan on a clone of the database as a long operation (the database itself is only read); op.done carries the Rehearsal. */
  'runner.rehearse': method<OperationStarted>()(z.object({ profileId: profileIdSchema, request: runRequestSchema }).strict()),
  /** Whether this plan was rehearsed on the schema the database has now, and how it went (or why not). */
  'runner.rehearsal': method<RehearsalStanding>()(z.object({ profileId: profileIdSchema, request: runRequestSchema }).strict()),

  /** What adopting another tool's recorded history would write into the project format's bookkeeping (nothing runs). */
  'runner.adoptPreview': method<AdoptionPreview>()(z.object({ profileId: profileIdSchema, from: z.enum(projectFormats) }).strict()),
  /** Records another tool's history in the project format's bookkeeping, in one transaction. */
  'runner.adopt': method<AdoptionResult>()(
    z.object({ profileId: profileIdSchema, from: z.enum(projectFormats), confirmation: confirmationSchema.default({}) }).strict(),
  ),

  /** The bound project's graph and anomalies, with the connection's status (or why it could not be read). */
  'graph.load': method<GraphLoad>()(byProfile),
  /** One revision for the detail panel: SQL, tables it changes, lint findings. */
  'graph.revision': method<RevisionDetail>()(z.object({ profileId: profileIdSchema, revision: z.string().min(1).max(500) }).strict()),

  /** Tables per schema with estimated rows and sizes, and (with a bound project) ok/missing/unexpected/conflict. */
  'inventory.load': method<Inventory>()(byProfile),
  /** Exact sizes (pg_total_relation_size), read after the first screen because they open every file. */
  'inventory.sizes': method<TableSize[]>()(byProfile),
  /** Exact row counts of some tables (or all) as a long operation; each progress event carries one RowCount. */
  'inventory.countRows': method<OperationStarted>()(
    z
      .object({
        profileId: profileIdSchema,
        tables: z.array(tableName).max(100_000).optional(),
        timeoutMs: z.number().int().min(100).max(3_600_000).optional(),
      })
      .strict(),
  ),

  /**
   * What the connection's migrations make, replayed into a scratch database up to what it has applied
   * (or up to `revisions`) and read with the schema model; cached until a file of the project changes.
   */
  'schema.expected': method<ExpectedSchema>()(
    z.object({ profileId: profileIdSchema, revisions: z.array(z.string().trim().min(1).max(200)).max(100).optional() }).strict(),
  ),

  /**
   * The schema diff of two sides (a connection, a snapshot, an expected schema) and the SQL that turns
   * `from` into `to`, written and never run. The noise rules are the diff's own, each one option away.
   */
  'schema.compare': method<SchemaComparison>()(
    z
      .object({
        from: savedSchemaSideSchema,
        to: savedSchemaSideSchema,
        columnOrder: z.boolean().optional(),
        generatedNames: z.boolean().optional(),
        whitespace: z.boolean().optional(),
      })
      .strict(),
  ),
  /**
   * Runs the SQL that makes the database `from` like `to`: compared again first, refused when the
   * statements are not those reviewed; on production the connection's name, typed. Returns the comparison after.
   */
  'schema.apply': method<SchemaComparison>()(
    z
      .object({
        from: savedSchemaSideSchema,
        to: savedSchemaSideSchema,
        columnOrder: z.boolean().optional(),
        generatedNames: z.boolean().optional(),
        whitespace: z.boolean().optional(),
        reviewed: z.array(z.string().max(1_000_000)).max(100_000),
        confirmation: confirmationSchema.default({}),
      })
      .strict(),
  ),

  /**
   * Drift: the connection's schema against what its migrations make up to what it has applied, each
   * drifted object with the revision that made it; another application's objects (the project's
   * exclusion rules) set apart, never drift.
   */
  'schema.drift': method<DriftReport>()(z.object({ profileId: profileIdSchema }).strict()),
  /** The profile's exclusion rules (none: nothing set apart). */
  'schema.exclusions': method<ExclusionRules>()(z.object({ profileId: profileIdSchema }).strict()),
  /** Replaces the profile's exclusion rules; audited. */
  'schema.setExclusions': method<ExclusionRules>()(z.object({ profileId: profileIdSchema, rules: exclusionRulesSchema }).strict()),

  /** Impact (tables, rows, bytes, sessions, privileges), snapshots and the exact statements of every step, changing nothing. */
  'reset.plan': method<ResetPlan>()(z.object({ profileId: profileIdSchema, request: resetRequestSchema }).strict()),
  /** Runs the reset as a long operation: progress per step (detail: StepResult), op.done carries a ResetResult. */
  'reset.run': method<OperationStarted>()(
    z
      .object({
        profileId: profileIdSchema,
        request: resetRequestSchema,
        confirmation: confirmationSchema,
      })
      .strict(),
  ),
  /** Whether the database exists, an interrupted reset, the snapshot to restore; finishes or cleans up interrupted snapshots. */
  'reset.condition': method<DatabaseCondition>()(byProfile),
  /** Saved reset recipes by name; with profileId, only those whose project environment or group has the connection (what its wizard offers). */
  'recipes.list': method<ResetRecipe[]>()(z.object({ profileId: profileIdSchema.optional() }).strict()),
  /** Creates a recipe (a DBA's named reset for a project environment or a group), or replaces the one of `id`; audited. */
  'recipes.save': method<ResetRecipe>()(z.object({ id: z.string().min(1).max(64).optional(), recipe: recipeInputSchema }).strict()),
  /** `id`: the recipe's id or name; audited. */
  'recipes.remove': method<{ removed: true }>()(z.object({ id: z.string().trim().min(1).max(200) }).strict()),
  /** The reset a recipe decides, planned on one connection of its scope (E_OUT_OF_SCOPE elsewhere), changing nothing. */
  'recipes.plan': method<ResetPlan>()(recipePlanSchema),
  /** Runs a recipe on one connection of its scope as reset.run does (same refusals and typed confirmation); any other field is refused. */
  'recipes.run': method<OperationStarted>()(recipeRunSchema),
  /** Snapshots of the profile's database (whichever profile took them), newest first; unfinished ones too. */
  'snapshots.list': method<Snapshot[]>()(byProfile),
  /** The profile's database's snapshots that no other profile reaches: what removing the profile would leave unlisted. */
  'snapshots.exclusive': method<Snapshot[]>()(byProfile),
  /** The sessions a snapshot create or restore would end. */
  'snapshots.sessions': method<ResetSession[]>()(byProfile),
  /** PostgreSQL clones need the database idle: its sessions are ended only with endSessions. */
  'snapshots.create': method<Snapshot & { sessionsEnded: number }>()(
    z.object({ profileId: profileIdSchema, name: z.string().max(200).default(''), ...snapshotConsent }).strict(),
  ),
  'snapshots.restore': method<{ snapshot: Snapshot; durationMs: number }>()(bySnapshot.extend(snapshotConsent)),
  /** On production: the connection's name, typed. */
  'snapshots.delete': method<{ deleted: true }>()(bySnapshot.extend(confirmationSchema.shape)),

  /** PostgreSQL servers Switchyard runs itself, each with a connection profile of its name. */
  'localServers.list': method<LocalServer[]>()(empty),
  /** A new server on 127.0.0.1 (a free port), started, and its profile (environment dev), as a long operation; op.done carries the LocalServer. */
  'localServers.create': method<OperationStarted>()(z.object({ name: localServerNameSchema }).strict()),
  /** Starts it on its port as a long operation; op.done carries the LocalServer. */
  'localServers.start': method<OperationStarted>()(z.object({ name: localServerNameSchema }).strict()),
  'localServers.stop': method<LocalServer>()(z.object({ name: localServerNameSchema }).strict()),
  /** Deletes its data, its profile and its snapshots: the server's name, typed. */
  'localServers.remove': method<{ removed: true }>()(z.object({ name: localServerNameSchema, confirmation: confirmationSchema.default({}) }).strict()),

  /**
   * A fleet rollout: one target run over every database of a group or of a project's environment, as a
   * long operation (progress detail: the rollout's id and one database's row; op.done: the Rollout). Production connections
   * need the group's or environment's name typed. The answer also carries the rollout's id.
   */
  'rollouts.start': method<OperationStarted & { rolloutId: string }>()(
    z.object({ request: rolloutRequestSchema, confirmation: confirmationSchema.default({}) }).strict(),
  ),
  /** Runs every database of a stopped, failed, cancelled or interrupted rollout that is not done, planned again from what it has applied. */
  'rollouts.resume': method<OperationStarted & { rolloutId: string }>()(
    z.object({ id: z.string().trim().min(1).max(64), confirmation: confirmationSchema.default({}) }).strict(),
  ),
  /** Newest first, without their rows; one found running with no live process is interrupted. */
  'rollouts.list': method<RolloutListing[]>()(z.object({ limit: z.number().int().min(1).max(10_000).default(100) }).strict()),
  /** One rollout with a row per database; `id`: an id, its first characters, or `last`. */
  'rollouts.get': method<Rollout>()(z.object({ id: z.string().trim().min(1).max(64) }).strict()),
  /** Its summary as Markdown or CSV. */
  'rollouts.export': method<RolloutExport>()(z.object({ id: z.string().trim().min(1).max(64), format: z.enum(rolloutExportFormats) }).strict()),

  /** Migration projects with their environments in promotion order and their database bindings, by name. */
  'projects.list': method<Project[]>()(empty),
  /** `project`: its name (any case) or its id. */
  'projects.get': method<Project>()(z.object({ project: z.string().trim().min(1).max(100) }).strict()),
  /** Checked (the folder holds migrations, the connections exist, names unique ignoring case) and audited. */
  'projects.create': method<Project>()(z.object({ project: projectInputSchema }).strict()),
  /** Replaces the project whole: fields, environments, members, bindings. */
  'projects.update': method<Project>()(z.object({ id: projectIdSchema, project: projectInputSchema }).strict()),
  /** Forgets the project (its environments and bindings); its connections and databases stay. */
  'projects.remove': method<{ removed: true }>()(z.object({ id: projectIdSchema }).strict()),
  /** What a folder would be as a project: its format, and environments proposed from the connections bound to it. */
  'projects.detect': method<ProjectDetection>()(z.object({ dir: z.string().trim().min(1, 'A folder is required').max(4096) }).strict()),

  /** Connections that take the same migrations (a database per tenant or client). */
  'groups.list': method<Group[]>()(empty),
  'groups.create': method<Group>()(z.object({ group: groupInputSchema }).strict()),
  /** Replaces the name and the members (in rollout order). */
  'groups.update': method<Group>()(z.object({ id: projectIdSchema, group: groupInputSchema }).strict()),
  /** Forgets the group (its connections and databases stay): its name, typed. */
  'groups.remove': method<{ removed: true }>()(z.object({ id: projectIdSchema, confirmation: confirmationSchema.default({}) }).strict()),
  /** Where each member stands against the project's migrations (read as a rollout of the group would reach it); one not read says why. */
  'groups.status': method<GroupStatus>()(z.object({ id: projectIdSchema, project: z.string().trim().min(1, 'A project is required').max(100) }).strict()),

  /**
   * A project's revisions (rows, graph order) by its environments' connections (columns): each cell
   * applied, pending, failed, changed or unknown, with when, who and how long where recorded; the gaps
   * between neighbouring environments. A connection that cannot be read is a column with its error.
   * `tables`: also read the tables each database lacks.
   */
  'matrix.load': method<Matrix>()(
    z.object({ project: z.string().trim().min(1, 'A project is required').max(100), tables: z.boolean().default(false) }).strict(),
  ),
  /** Promoting one environment to the next: the plan (what the previous has and the next lacks), the dry run's SQL, and every gate. */
  'promotion.preview': method<PromotionPreview>()(promotionPreviewSchema),
  /** Runs it as a long operation (progress detail: one connection's line, running then ended; op.done: the PromotionRecord) when every gate passes; E_PROMOTION_REFUSED naming each failed gate. Audited either way. */
  'promotion.run': method<OperationStarted>()(promotionRunSchema),

  /** A project with bindings, per database: each bound database of the environment read through its own connection, narrowed to its own branch. */
  'bindings.status': method<BoundStatus>()(boundStatusInputSchema),
  /**
   * An upgrade or downgrade of an environment split per bound database, run one database after another as a long
   * operation (op.done: the BoundRunResult), stopping all at the first failure (its error's detail: the result so far).
   */
  'bindings.run': method<OperationStarted>()(boundRunInputSchema),
  /** That run's dry run: each database's own SQL and preflight findings, in run order; nothing changes. */
  'bindings.preview': method<BoundPreview>()(boundPreviewInputSchema),
  /** That run rehearsed only, as a long operation (op.done: the BoundRehearsalResult): each database's plan on its own clone; the databases are only read. */
  'bindings.rehearse': method<OperationStarted>()(boundPreviewInputSchema),
  /** Where each database's plan stands against its kept rehearsals (rehearsed on the schema it has now, or why not), and which rehearse by default. */
  'bindings.rehearsal': method<BoundRehearsalStanding>()(boundPreviewInputSchema),
  /** Drift per bound database: each compared with its own branch's migrations up to what it has applied (one that cannot be compared carries its error). */
  'bindings.drift': method<BoundDrift>()(boundStatusInputSchema),

  /** What a new revision, a merge of heads or a re-parent would write (the diff), the graph before and after, git's standing, a re-parent's stamps; nothing is written. */
  'authoring.preview': method<AuthoringPreview>()(z.object({ request: authoringRequestSchema }).strict()),
  /** Writes exactly what that preview showed (this process's, within the hour); refused when a file changed since or holds uncommitted git changes unless `force`. Audited; undoable. */
  'authoring.write': method<WriteResult>()(z.object({ previewId: z.string().uuid(), force: z.boolean().default(false) }).strict()),
  /** Puts back every file of Switchyard's last write in the project folder (E_NOTHING_TO_UNDO, or E_FILE_CHANGED when edited since). Audited. */
  'authoring.undo': method<WriteResult>()(z.object({ project: z.string().trim().min(1, 'A project folder is required').max(4096) }).strict()),
  /** The write `authoring.undo` would take back in the folder, or null. */
  'authoring.lastWrite': method<UndoableWrite | null>()(z.object({ project: z.string().trim().min(1, 'A project folder is required').max(4096) }).strict()),
  /** Whether the connection's database already holds what the revision makes (its project replayed without and with it in scratch databases); nothing changes. A stamp is the run dialog's. */
  'adoptions.check': method<RevisionAdoption>()(
    z.object({ profileId: profileIdSchema, revision: z.string().trim().min(1, 'A revision is required').max(500) }).strict(),
  ),
  /** Squashing FIRST..LAST into one revision: the files (diff), the graph before and after, each bound connection's standing, and the proof (replayed up and down); nothing is written. */
  'squashes.preview': method<SquashPreview>()(z.object({ request: squashRequestSchema }).strict()),
  /** Writes exactly that preview's files (this process's, within the hour) when its proof holds; refused when a file changed since or holds uncommitted git changes unless `force`. Audited; undone by authoring.undo. */
  'squashes.write': method<WriteResult>()(z.object({ previewId: z.string().uuid(), force: z.boolean().default(false) }).strict()),

  'audit.list': method<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(10_000).default(200), profileId: z.string().min(1).optional() }).strict()),
  'audit.verify': method<AuditVerification>()(empty),

  'ops.cancel': method<{ cancelled: boolean }>()(z.object({ opId: z.string().min(1).max(64) }).strict()),
} as const;

export type Api = typeof api;
export type ApiMethod = keyof Api;
export type ApiInput<M extends ApiMethod> = z.input<Api[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<Api[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Api[M]['output'];

export const apiMethods = Object.keys(api) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(api, name);
}

/** An export's file text, the profiles it holds and those its format has no place for. */
export interface ProfileExport {
  text: string;
  profiles: string[];
  leftOut: string[];
}

/** One saved connection's outcome in profiles.testAll. */
export interface ConnectionCheck {
  id: string;
  name: string;
  ok: boolean;
  code?: string;
  /** The server version and latency when ok, else why not. */
  message: string;
}

/** A reset step as it is reported: announced as running, then its result. */
export type ResetStepProgress = StepResult | { step: ResetStepName; outcome: 'running' };

/** The methods that start a long operation: their output is only the operation's id. */
type StartsOperation = { [M in ApiMethod]: ApiOutput<M> extends OperationStarted ? M : never }[ApiMethod];

/**
 * What each long operation reports: the detail of its progress events (never when it has none) and
 * the result its op.done carries. OperationProgressOf indexes it by every method that starts one, so
 * a new long operation does not type-check until it is declared here.
 */
export interface OperationReports {
  'profiles.testAll': { detail: never; result: ConnectionCheck[] };
  'runner.run': { detail: never; result: RunResult };
  'runner.rehearse': { detail: never; result: Rehearsal };
  'inventory.countRows': { detail: RowCount; result: RowCount[] };
  'reset.run': { detail: ResetStepProgress; result: ResetResult };
  'recipes.run': { detail: ResetStepProgress; result: ResetResult };
  'localServers.create': { detail: never; result: LocalServer };
  'localServers.start': { detail: never; result: LocalServer };
  'rollouts.start': { detail: RolloutProgress; result: Rollout };
  'rollouts.resume': { detail: RolloutProgress; result: Rollout };
  'promotion.run': { detail: PromotionProgress; result: PromotionRecord };
  'bindings.run': { detail: never; result: BoundRunResult };
  'bindings.rehearse': { detail: never; result: BoundRehearsalResult };
}

export type OperationMethod = StartsOperation;
export type OperationProgressOf<M extends OperationMethod> = Omit<OperationProgress, 'method' | 'detail'> & {
  method: M;
  detail?: OperationReports[M]['detail'];
};
export type OperationDoneOf<M extends OperationMethod> =
  { opId: string; ok: true; result: OperationReports[M]['result'] } | { opId: string; ok: false; error: WireError };
/** One event of one long operation, typed by the method that started it. */
export type OperationEventOf<M extends OperationMethod> =
  { event: 'op.progress'; payload: OperationProgressOf<M> } | { event: 'op.log'; payload: OperationLog } | { event: 'op.done'; payload: OperationDoneOf<M> };

/** Events pushed from main to every renderer. */
export interface ApiEvents {
  'op.progress': OperationProgress;
  'op.log': OperationLog;
  'op.done': OperationDone;
  'session.changed': SessionStatus;
}

export type ApiEventName = keyof ApiEvents;
export type ApiEventMessage = { [E in ApiEventName]: { event: E; payload: ApiEvents[E] } }[ApiEventName];

/** The envelope every call returns, so error codes survive every transport unchanged. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** Exactly what the preload exposes as window.switchyard, and what the browser client mimics. */
export interface SwitchyardBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  on(listener: (message: ApiEventMessage) => void): () => void;
}
