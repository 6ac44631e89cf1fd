// The store's lifecycle: locked until a key opens it, then the repositories every service uses.
import type { SessionStatus, KeySource } from '../../src-shared/model/session';
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import { AuditLog } from '../store/auditLog';
import { ExclusionRepository } from '../store/exclusionRepository';
import { GroupRepository } from '../store/groupRepository';
import type { KeyProvider } from '../store/keyProvider';
import { openStore, storeExists, type StoreDatabase } from '../store/openStore';
import { ProfileRepository } from '../store/profileRepository';
import { ProjectRepository } from '../store/projectRepository';
import { SnapshotRepository } from '../store/snapshotRepository';
import { holdStore, watchLockRequests } from '../store/storeHolders';

export interface OpenedStore {
  db: StoreDatabase;
  profiles: ProfileRepository;
  audit: AuditLog;
  snapshots: SnapshotRepository;
  exclusions: ExclusionRepository;
  projects: ProjectRepository;
  groups: GroupRepository;
}

/** This process as `switchyard store lock` and a refused rekey name it. */
function holderName(): string {
  const args = process.argv.slice(2, 4).filter((arg) => !arg.startsWith('-') && !arg.includes('/'));
  return process.versions.electron ? 'the Switchyard desktop app' : `switchyard ${args.join(' ') || '(a process)'}`;
}

export class StoreSession {
  private opened: OpenedStore | undefined;
  private welcome: (() => Promise<void>) | undefined;
  /** Why an unlock at start failed (a damaged store, a missing key file), shown where the passphrase is asked. */
  private startFailure: string | undefined;
  /** While open: this process's entry among the store's holders, and its watch for `switchyard store lock`. */
  private held: (() => void)[] = [];
  private readonly lockListeners: (() => void)[] = [];
  /** The key provider that opened the store, while it is open (a backup copies with it; a failed key change reopens with it). */
  private keys: KeyProvider | undefined;

  constructor(
    readonly storeDir: string,
    private keySource: KeySource,
    private readonly reason?: string,
  ) {}

  status(): SessionStatus {
    const status: SessionStatus = { locked: !this.opened, storeExists: storeExists(this.storeDir), keySource: this.keySource };
    const reason = this.opened ? this.reason : (this.startFailure ?? this.reason);
    if (reason) status.reason = reason;
    return status;
  }

  /**
   * The desktop's unlock with the keychain's key at start: a store that cannot be opened stays
   * locked and says why on the unlock screen, instead of the app failing before it has a window.
   */
  async unlockAtStart(keys: KeyProvider): Promise<void> {
    try {
      await this.unlock(keys);
    } catch (error) {
      const wire = toWireError(error);
      this.startFailure = `${wire.message} [${wire.code}]`;
      if (wire.code === 'E_INTERNAL') console.error('[switchyard] the store could not be opened:', error);
    }
  }

  /** Runs once, right after this session creates the store (the app's first run). */
  onFirstRun(welcome: () => Promise<void>): void {
    this.welcome = welcome;
  }

  async unlock(keys: KeyProvider): Promise<SessionStatus> {
    if (!this.opened) {
      const firstRun = !storeExists(this.storeDir);
      // Checked here, where every new store is made (CLI, browser host, desktop), not only in the UI.
      const refusal = firstRun ? keys.newStoreRefusal?.() : undefined;
      if (refusal) throw new SwitchyardError('E_WEAK_PASSPHRASE', `${refusal} No store was created.`);
      const db = await openStore(this.storeDir, keys);
      this.opened = {
        db,
        profiles: new ProfileRepository(db),
        audit: new AuditLog(db),
        snapshots: new SnapshotRepository(db),
        exclusions: new ExclusionRepository(db),
        projects: new ProjectRepository(db),
        groups: new GroupRepository(db),
      };
      this.keys = keys;
      this.keySource = keys.source;
      this.held = [holdStore(this.storeDir, holderName()), watchLockRequests(this.storeDir, () => this.lock())];
      // A failed welcome (say, the demo folder is missing) must not keep the store locked.
      if (firstRun) await this.welcome?.().catch((error: unknown) => console.error('[switchyard] first-run setup failed:', error));
    }
    return this.status();
  }

  get store(): OpenedStore {
    if (!this.opened) throw new SwitchyardError('E_STORE_LOCKED', 'The store is locked: unlock it with your passphrase first.');
    return this.opened;
  }

  close(): void {
    this.opened?.db.close();
    this.opened = undefined;
    this.keys = undefined;
    for (const release of this.held.splice(0)) release();
  }

  /** The key provider that opened the store; refused while locked. */
  openedWith(): KeyProvider {
    if (!this.keys) throw new SwitchyardError('E_STORE_LOCKED', 'The store is locked: unlock it with your passphrase first.');
    return this.keys;
  }

  /**
   * Closes the store for a change that replaces its file (a new key, a restore), then opens it with the
   * key provider the change returns; when the change fails, opens it again with the key that opened it.
   * The window stays unlocked throughout: no lock listener runs.
   */
  async whileClosed<T>(change: () => Promise<{ keys: KeyProvider; value: T }>): Promise<T> {
    const before = this.openedWith();
    this.close();
    let changed: { keys: KeyProvider; value: T };
    try {
      changed = await change();
    } catch (error) {
      await this.unlock(before);
      throw error;
    }
    await this.unlock(changed.keys);
    return changed.value;
  }

  /** Runs when the store is locked while open (`switchyard store lock`, session.lock): connections close, screens ask again. */
  onLocked(listener: () => void): void {
    this.lockListeners.push(listener);
  }

  /** Closes the store until a key opens it again, and tells whoever listens. */
  lock(): SessionStatus {
    const wasOpen = Boolean(this.opened);
    this.close();
    if (wasOpen) for (const listener of this.lockListeners) listener();
    return this.status();
  }
}
