// Named snapshots per connection: the copy on the server or on disk, the record in the store, and
// an audit entry for every create, restore and delete.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Snapshot } from '../../src-shared/model/reset';
import { SwitchyardError } from '../../src-shared/errors';
import type { MigrationTarget } from '../runner/migrationTarget';
import { targetStatus } from '../runner/runnerService';
import type { StoreSession } from '../session/storeSession';
import { openLifecycle, type DatabaseLifecycle } from './lifecycle';

/** Which connection a snapshot belongs to: a profile id, or "url:<connection>" for a CLI --url target. */
export interface SnapshotScope {
  key: string;
  target: MigrationTarget;
}

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

export class SnapshotService {
  constructor(
    private readonly session: StoreSession,
    readonly snapshotDir: string,
  ) {}

  list(key: string): Snapshot[] {
    return this.session.store.snapshots.list(key);
  }

  find(key: string, snapshotId: string): Snapshot {
    const snapshot = this.session.store.snapshots.get(snapshotId);
    if (snapshot.profileId !== key) throw new SwitchyardError('E_NOT_FOUND', `Snapshot ${snapshotId} belongs to another connection.`);
    return snapshot;
  }

  open(target: MigrationTarget): Promise<DatabaseLifecycle> {
    return openLifecycle(target.connection, this.snapshotDir);
  }

  /** Takes a snapshot through an open lifecycle (the reset's), or opens its own. */
  async create(scope: SnapshotScope, name: string, actor: string, lifecycle?: DatabaseLifecycle): Promise<Snapshot & { sessionsEnded: number }> {
    const own = lifecycle ? undefined : await this.open(scope.target);
    const database = (lifecycle ?? own) as DatabaseLifecycle;
    try {
      const heads = await currentHeads(scope.target);
      const id = randomUUID();
      const copy = await database.snapshot(id);
      const snapshot: Snapshot = {
        id,
        profileId: scope.key,
        name: name.trim() || `Snapshot ${new Date().toISOString()}`,
        createdAt: new Date().toISOString(),
        sizeBytes: copy.sizeBytes,
        heads,
        engine: scope.target.connection.engine,
        location: copy.location,
      };
      const { snapshots, audit } = this.session.store;
      snapshots.add(snapshot);
      audit.append({ actor, action: 'snapshot.create', target: scope.target.name, detail: { id, name: snapshot.name, location: copy.location, sizeBytes: copy.sizeBytes, heads, sessionsEnded: copy.sessionsEnded } });
      return { ...snapshot, sessionsEnded: copy.sessionsEnded };
    } finally {
      await own?.close();
    }
  }

  async restore(scope: SnapshotScope, snapshotId: string, actor: string, confirmProduction: boolean): Promise<{ snapshot: Snapshot; durationMs: number }> {
    refuseReadOnly(scope.target);
    if (scope.target.environment === 'prod' && !confirmProduction) {
      throw new SwitchyardError('E_CONFIRMATION_REQUIRED', `${scope.target.name} is a production connection: confirm explicitly to restore a snapshot over it.`);
    }
    const snapshot = this.find(scope.key, snapshotId);
    const started = performance.now();
    const database = await this.open(scope.target);
    const { audit } = this.session.store;
    try {
      await database.restore(snapshot.location);
    } catch (error) {
      audit.append({ actor, action: 'snapshot.restore', target: scope.target.name, detail: { id: snapshot.id, name: snapshot.name, ok: false, error: (error as Error).message } });
      throw error;
    } finally {
      await database.close();
    }
    const durationMs = Math.round(performance.now() - started);
    audit.append({ actor, action: 'snapshot.restore', target: scope.target.name, detail: { id: snapshot.id, name: snapshot.name, ok: true, durationMs } });
    return { snapshot, durationMs };
  }

  async remove(scope: SnapshotScope, snapshotId: string, actor: string): Promise<void> {
    const snapshot = this.find(scope.key, snapshotId);
    const database = await this.open(scope.target);
    try {
      await database.deleteSnapshot(snapshot.location);
    } finally {
      await database.close();
    }
    const { snapshots, audit } = this.session.store;
    snapshots.remove(snapshot.id);
    audit.append({ actor, action: 'snapshot.delete', target: scope.target.name, detail: { id: snapshot.id, name: snapshot.name, location: snapshot.location } });
  }
}
