// The last write Switchyard made in each project folder, kept so it can be undone until the next one:
// the texts before and after and each file's style, one private file (0600) per folder in the data folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UndoableWrite, WrittenFile } from '../../src-shared/model/writePlan';
import type { FileStyle } from './fileStyle';

export interface UndoFile extends WrittenFile {
  before: string | null;
  after: string | null;
  /** The style the file had before the write (of the file written, for a created one). */
  style: FileStyle;
}

export interface UndoRecord {
  projectDir: string;
  at: string;
  files: UndoFile[];
  /** Folders the write created for its new files (an archive/), deepest first: undo removes them again when empty. */
  folders?: string[];
}

export class UndoRecords {
  constructor(private readonly folder: string) {}

  private fileOf(projectDir: string): string {
    return join(this.folder, `${createHash('sha256').update(projectDir).digest('hex').slice(0, 32)}.json`);
  }

  save(record: UndoRecord): void {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    const file = this.fileOf(record.projectDir);
    writeFileSync(`${file}.partial`, JSON.stringify(record), { mode: 0o600 });
    renameSync(`${file}.partial`, file);
  }

  read(projectDir: string): UndoRecord | null {
    const file = this.fileOf(projectDir);
    if (!existsSync(file)) return null;
    const record = JSON.parse(readFileSync(file, 'utf8')) as UndoRecord;
    return record.projectDir === projectDir ? record : null;
  }

  summary(projectDir: string): UndoableWrite | null {
    const record = this.read(projectDir);
    return record && { projectDir, at: record.at, written: record.files.map(({ path, action }) => ({ path, action })) };
  }

  forget(projectDir: string): void {
    rmSync(this.fileOf(projectDir), { force: true });
  }
}
