// Named snapshots of a database: the copy on the server or on disk, the record in the store (written
// before the copy starts, so a killed copy is found again), and an audit entry for every change.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sessionInWords, type ResetSession, type Snapshot } from '../../src-shared/model/reset';
import { SwitchyardError } from '../../src-shared/errors';
import type { Confirmation } from '../../src-shared/model/confirmation';
import type { MigrationTarget } from '../targets/migrationTarget';
import { targetStatus } from '../runner/targetStatus';
import type { StoreSession } from '../session/storeSession';
import { requireConfirmation } from '../targets/requireConfirmation';
import { ResetJournal } from '../store/resetJournal';
import { databaseKeyOf } from './databaseKey';
import { engineFor } from '../engines/engineFor';
import type { DatabaseLifecycle } from './lifecycle';
import { processAlive } from './liveProcess';
import { formatMoment } from '../../src-shared/format/moment';
import { countOf } from '../../src-shared/format/plural';

/** Which database, and who acts on it: a profile id, or "url:<connection>" for a CLI --url target. */
export interface SnapshotScope {
  key: string;
  target: MigrationTarget;
}

/** What the user agreed to before a snapshot is taken, restored or deleted: the sessions may be ended, and on production the name typed. */
export type SnapshotConsent = Confirmation & {
  /** The sessions were listed and may be ended. */
  endSessions: boolean;
};

export function snapshotDirOf(dataDir: string): string {
  return join(dataDir, 'snapshots');
}

/** Heads recorded in the database now; a database without a readable project has none to tell. */
async function currentHeads(target: MigrationTarget): Promise<string[]> {
  if (!target.projectDir) return [];
  try {
    return (await targetStatus(target)).heads;
  } catch {
    return [];
  }
}

export function refuseReadOnly(target: MigrationTarget): void {
  if (target.connection.readOnly) throw new SwitchyardError('E_READ_ONLY', `${target.name} is a read-only connection: Switchyard will not change it.`);
}

function confirmed(scope: SnapshotScope, consent: Confirmation, what: string, productionWord = false): void {
  requireConfirmation({ connection: scope.target.name, environment: scope.target.environment, what, productionWord }, consent);
}

async function requireSessionsConsent(database: DatabaseLifecycle, consent: SnapshotConsent, what: string): Promise<void> {
  const sessions = await database.sessions();
  if (sessions.length === 0 || consent.endSessions) return;
  throw new SwitchyardError(
    'E_SESSIONS_CONNECTED',
    `${countOf(sessions.length, 'session')} connected to ${database.databaseName} would be ended to ${what}: ${sessions.map(sessionInWords).join('; ')}. Confirm ending them to go on. Nothing was changed.`,
    { sessions },
  );
}

export class SnapshotService {
  constructor(
    private readonly session: StoreSession,
    readonly snapshotDir: string,
  ) {}

  /** Resets in progress, in the same store as the snapshots they take. */
  get journal(): ResetJournal {
    return new ResetJournal(this.session.store.db);
  }

  /** The snapshots of the scope's database, whichever profile took them; newest first, unfinished ones too. */
  list(scope: SnapshotScope): Snapshot[] {
    return this.session.store.snapshots.list(databaseKeyOf(scope.target.connection));
  }

  find(scope: SnapshotScope, snapshotId: string): Snapshot {
    const snapshot = this.session.store.snapshots.get(snapshotId);
    if (snapshot.databaseKey !== databaseKeyOf(scope.target.connection))
      throw new SwitchyardError('E_NOT_FOUND', `Snapshot ${snapshotId} is a copy of another database.`);
    return snapshot;
  }

  open(target: MigrationTarget): Promise<DatabaseLifecycle> {
    return engineFor(target.connection.engine).openLifecycle(target.connection, this.snapshotDir);
  }

  /** The sessions a snapshot or a restore would end. */
  async sessions(scope: SnapshotScope): Promise<ResetSession[]> {
    const database = await this.open(scope.target);
    try {
      return await database.sessions();
    } finally {
      await database.close();
    }
  }

  /** A snapshot asked for by a user: refused on read-only, named on production, sessions ended only when agreed. */
  async create(
    scope: SnapshotScope,
    name: string,
    actor: string,
    consent: SnapshotConsent = { endSessions: false },
  ): Promise<Snapshot & { sessionsEnded: number }> {
    refuseReadOnly(scope.target);
    confirmed(scope, consent, 'take a snapshot (its sessions are ended)');
    const database = await this.open(scope.target);
    try {
      if (!(await database.exists())) throw new SwitchyardError('E_DATABASE_MISSING', `${database.databaseName} does not exist: there is nothing to copy.`);
      await requireSessionsConsent(database, consent, 'copy it');
      return await this.take(scope, name, actor, database);
    } finally {
      await database.close();
    }
  }

  /** Takes the copy through an open lifecycle (the reset's, whose confirmation covered it); `onRecorded` hears of it before the copy starts. */
  async take(
    scope: SnapshotScope,
    name: string,
    actor: string,
    database: DatabaseLifecycle,
    onRecorded?: (snapshot: Snapshot) => void,
  ): Promise<Snapshot & { sessionsEnded: number }> {
    const { snapshots, audit } = this.session.store;
    const id = randomUUID();
    const shape = database.recordedShape();
    const recorded: Snapshot = {
      id,
      profileId: scope.key,
      databaseKey: databaseKeyOf(scope.target.connection),
      state: 'creating',
      name: name.trim() || `Snapshot ${formatMoment(new Date().toISOString())}`,
      createdAt: new Date().toISOString(),
      sizeBytes: 0,
      heads: await currentHeads(scope.target),
      engine: scope.target.connection.engine,
      location: database.snapshotLocation(id),
      ...(shape ? { shape } : {}),
    };
    snapshots.add(recorded, process.pid);
    onRecorded?.(recorded);
    let copy;
    try {
      copy = await database.snapshot(id);
    } catch (error) {
      // A copy that failed is not a snapshot. If removing it fails too, the record stays 'creating' and the next settle finishes the job.
      try {
        await database.deleteSnapshot(recorded.location);
        snapshots.remove(id);
      } catch {
        /* the copy's error below is the one to report */
      }
      throw error;
    }
    snapshots.markReady(id, copy.sizeBytes);
    const snapshot: Snapshot = { ...recorded, state: 'ready', sizeBytes: copy.sizeBytes };
    audit.append({
      actor,
      action: 'snapshot.create',
      target: scope.target.name,
      detail: { id, name: snapshot.name, location: copy.location, sizeBytes: copy.sizeBytes, heads: snapshot.heads, sessionsEnded: copy.sessionsEnded },
    });
    return { ...snapshot, sessionsEnded: copy.sessionsEnded };
  }

  /**
   * Snapshots left 'creating' by a process that died: kept when the copy is complete, else what was
   * half-made is removed. Returns what was done, in words.
   */
  async settle(scope: SnapshotScope, database: DatabaseLifecycle, actor: string): Promise<string[]> {
    const { snapshots, audit } = this.session.store;
    const done: string[] = [];
    for (const { snapshot, creatorPid } of snapshots.creating(databaseKeyOf(scope.target.connection))) {
      if (creatorPid !== null && processAlive(creatorPid)) continue;
      const outcome = await database.settleSnapshot(snapshot.location);
      if (outcome === 'in progress') continue;
      if (outcome === undefined) {
        snapshots.remove(snapshot.id);
        done.push(`The snapshot "${snapshot.name}" was interrupted before its copy was complete; the half-made copy was removed.`);
      } else {
        snapshots.markReady(snapshot.id, outcome);
        done.push(`The snapshot "${snapshot.name}" was interrupted after its copy was complete; it is kept and can be restored.`);
      }
      audit.append({
        actor,
        action: 'snapshot.settle',
        target: scope.target.name,
        detail: { id: snapshot.id, name: snapshot.name, location: snapshot.location, kept: outcome !== undefined },
      });
    }
    return done;
  }

  /** On production the name is typed and the environment acknowledged: a restore replaces the whole database. */
  async restore(scope: SnapshotScope, snapshotId: string, actor: string, consent: SnapshotConsent): Promise<{ snapshot: Snapshot; durationMs: number }> {
    refuseReadOnly(scope.target);
    confirmed(scope, consent, 'restore a snapshot over it', true);
    const snapshot = this.find(scope, snapshotId);
    if (snapshot.state !== 'ready') throw new SwitchyardError('E_INVALID_INPUT', `The snapshot "${snapshot.name}" was never finished: it cannot be restored.`);
    const started = performance.now();
    const database = await this.open(scope.target);
    const { audit } = this.session.store;
    try {
      await requireSessionsConsent(database, consent, 'restore over it');
      await database.restore(snapshot.location, snapshot.shape);
    } catch (error) {
      audit.append({
        actor,
        action: 'snapshot.restore',
        target: scope.target.name,
        detail: { id: snapshot.id, name: snapshot.name, ok: false, error: (error as Error).message },
      });
      throw error;
    } finally {
      await database.close();
    }
    const durationMs = Math.round(performance.now() - started);
    // The restore is the way out of a killed reset: it is no longer news.
    const { journal } = this;
    for (const entry of journal.of(snapshot.databaseKey)) if (!processAlive(entry.pid)) journal.finish(entry.id);
    audit.append({ actor, action: 'snapshot.restore', target: scope.target.name, detail: { id: snapshot.id, name: snapshot.name, ok: true, durationMs } });
    return { snapshot, durationMs };
  }

  /** On production the name is typed: a deleted snapshot is a way back gone. */
  async remove(scope: SnapshotScope, snapshotId: string, actor: string, confirmation: Confirmation): Promise<void> {
    confirmed(scope, confirmation, 'delete one of its snapshots');
    const snapshot = this.find(scope, snapshotId);
    const database = await this.open(scope.target);
    try {
      await database.deleteSnapshot(snapshot.location);
    } finally {
      await database.close();
    }
    const { snapshots, audit } = this.session.store;
    snapshots.remove(snapshot.id);
    audit.append({
      actor,
      action: 'snapshot.delete',
      target: scope.target.name,
      detail: { id: snapshot.id, name: snapshot.name, location: snapshot.location },
    });
  }
}
