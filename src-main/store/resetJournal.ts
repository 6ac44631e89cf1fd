// Resets in progress, one row each, written before every step and deleted at the end: a row that
// outlives its process is a reset that was killed, and says at which step and with which snapshot.
import type { ResetStepName } from '../../src-shared/model/reset';
import type { StoreDatabase } from './openStore';

export interface JournalStep {
  step: ResetStepName;
  title: string;
}

export interface ResetJournalEntry {
  id: string;
  databaseKey: string;
  connection: string;
  startedAt: string;
  steps: JournalStep[];
  /** 0-based index of the step that was running. */
  stepIndex: number;
  snapshotId: string | null;
  pid: number;
}

interface JournalRow {
  id: string;
  database_key: string;
  connection: string;
  started_at: string;
  steps: string;
  step_index: number;
  snapshot_id: string | null;
  pid: number;
}

export class ResetJournal {
  constructor(private readonly db: StoreDatabase) {}

  start(entry: Omit<ResetJournalEntry, 'stepIndex' | 'snapshotId'>): void {
    this.db
      .prepare('INSERT INTO reset_journal (id, database_key, connection, started_at, steps, step_index, snapshot_id, pid) VALUES (?, ?, ?, ?, ?, 0, NULL, ?)')
      .run(entry.id, entry.databaseKey, entry.connection, entry.startedAt, JSON.stringify(entry.steps), entry.pid);
  }

  stepStarted(id: string, stepIndex: number): void {
    this.db.prepare('UPDATE reset_journal SET step_index = ? WHERE id = ?').run(stepIndex, id);
  }

  snapshotRecorded(id: string, snapshotId: string): void {
    this.db.prepare('UPDATE reset_journal SET snapshot_id = ? WHERE id = ?').run(snapshotId, id);
  }

  finish(id: string): void {
    this.db.prepare('DELETE FROM reset_journal WHERE id = ?').run(id);
  }

  /** Newest first. */
  of(databaseKey: string): ResetJournalEntry[] {
    const rows = this.db.prepare('SELECT * FROM reset_journal WHERE database_key = ? ORDER BY started_at DESC').all(databaseKey) as JournalRow[];
    return rows.map((row) => ({
      id: row.id,
      databaseKey: row.database_key,
      connection: row.connection,
      startedAt: row.started_at,
      steps: JSON.parse(row.steps) as JournalStep[],
      stepIndex: row.step_index,
      snapshotId: row.snapshot_id,
      pid: row.pid,
    }));
  }
}
