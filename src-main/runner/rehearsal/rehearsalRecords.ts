// Rehearsals kept per database, newest first, as files under the data folder: a run in this process
// or the next (`upgrade --rehearsed` after `upgrade --rehearse`) finds the one for its plan and schema.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rehearsal, RehearsalStanding } from '../../../src-shared/model/rehearsal';

/** Per database: enough for the plans a release tries in turn. */
const keptPerDatabase = 20;

/** What a run is about to do, identified: the exact plan on the schema the database has now. */
export interface RehearsalKey {
  databaseKey: string;
  planFingerprint: string;
  schemaFingerprint: string;
}

export class RehearsalRecords {
  constructor(private readonly folder: string) {}

  private fileOf(databaseKey: string): string {
    return join(this.folder, `${createHash('sha256').update(databaseKey).digest('hex')}.json`);
  }

  private read(databaseKey: string): Rehearsal[] {
    try {
      return JSON.parse(readFileSync(this.fileOf(databaseKey), 'utf8')) as Rehearsal[];
    } catch {
      // None yet, or a file cut short by a crash: no rehearsal is known, which only asks for another.
      return [];
    }
  }

  keep(databaseKey: string, rehearsal: Rehearsal): void {
    const kept = [rehearsal, ...this.read(databaseKey)].slice(0, keptPerDatabase);
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const file = this.fileOf(databaseKey);
    // Written beside and renamed: a reader never sees half a file.
    writeFileSync(`${file}.partial`, JSON.stringify(kept), { mode: 0o600 });
    renameSync(`${file}.partial`, file);
  }

  standing({ databaseKey, planFingerprint, schemaFingerprint }: RehearsalKey): RehearsalStanding {
    const kept = this.read(databaseKey);
    const same = kept.find((r) => r.planFingerprint === planFingerprint && r.schemaFingerprint === schemaFingerprint);
    if (same?.ok) return { state: 'rehearsed', why: '', rehearsal: same };
    if (same) return { state: 'failed', why: `its rehearsal failed: ${same.failure?.message ?? 'unknown failure'}`, rehearsal: same };
    if (kept.some((r) => r.planFingerprint === planFingerprint))
      return { state: 'stale', why: 'the schema changed since this plan was rehearsed: rehearse it again' };
    if (kept.length > 0) return { state: 'stale', why: 'the rehearsals kept for this database are of another plan' };
    return { state: 'none', why: 'no rehearsal of this plan on this database yet' };
  }
}
