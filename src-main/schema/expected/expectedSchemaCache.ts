// Replays kept by what determines them — the project's checksum, its format, the engine and the
// revisions replayed — in memory and as files under the data folder, so a second look, in this
// process or the next, reads instead of replaying. A changed file changes the checksum, so a stale
// entry is never found again; the oldest files go past a limit.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedSchema } from '../../../src-shared/model/expectedSchema';

export interface ReplayKey {
  projectChecksum: string;
  engine: string;
  format: string;
  alembicCommand: string;
  /** Every revision replayed (with its ancestors), sorted: the applied set. */
  applied: string[];
}

/** Answers kept on disk: enough for every project and environment a user compares, small enough to never matter. */
const keptFiles = 200;

export class ExpectedSchemaCache {
  private readonly memory = new Map<string, ExpectedSchema>();

  constructor(private readonly folder: string) {}

  private static idOf(key: ReplayKey): string {
    return createHash('sha256').update(JSON.stringify(key)).digest('hex');
  }

  get(key: ReplayKey): ExpectedSchema | undefined {
    const id = ExpectedSchemaCache.idOf(key);
    const held = this.memory.get(id);
    if (held) return held;
    try {
      const stored = JSON.parse(readFileSync(join(this.folder, `${id}.json`), 'utf8')) as ExpectedSchema;
      this.memory.set(id, stored);
      return stored;
    } catch {
      // Not there, or a file cut short by a crash: replay again.
      return undefined;
    }
  }

  put(key: ReplayKey, expected: ExpectedSchema): void {
    const id = ExpectedSchemaCache.idOf(key);
    this.memory.set(id, expected);
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    // A file torn by a crash is only a missed entry: get reads it as absent.
    writeFileSync(join(this.folder, `${id}.json`), JSON.stringify(expected), { mode: 0o600 });
    this.prune();
  }

  private prune(): void {
    const files = readdirSync(this.folder).filter((name) => name.endsWith('.json'));
    if (files.length <= keptFiles) return;
    const byAge = files.map((name) => ({ name, at: statSync(join(this.folder, name)).mtimeMs })).sort((a, b) => a.at - b.at);
    for (const { name } of byAge.slice(0, files.length - keptFiles)) rmSync(join(this.folder, name), { force: true });
  }
}
