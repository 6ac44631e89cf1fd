// What Switchyard means to write into a user's migration project, shown as a diff before it is written.

/**
 * One file of a write. Texts are as the readers give them (no BOM, `\n` line ends); the file's own
 * line ends, encoding and BOM are put back when it is written. `before: null` creates the file,
 * `after: null` deletes it (a move into an archive folder is a delete and a create).
 */
export interface FileWrite {
  /** Relative to the project folder, with forward slashes. */
  path: string;
  before: string | null;
  after: string | null;
  /** For a created file: an existing file of the project whose line ends, encoding and BOM it takes. */
  like?: string;
}

export interface WritePlan {
  /** The project folder (absolute); every path is inside it. */
  projectDir: string;
  files: FileWrite[];
}

export type WrittenAction = 'created' | 'changed' | 'deleted';

export interface WrittenFile {
  path: string;
  action: WrittenAction;
}

export interface WriteResult {
  projectDir: string;
  written: WrittenFile[];
  /** Files of the project with uncommitted git changes after the write (none when it is not a git work tree). */
  uncommitted: string[];
}

/** Where a project folder stands in git, said before a write. */
export interface GitStanding {
  /** The work tree's top folder, or null when the project is not in a git work tree (or git is missing: `reason`). */
  workTree: string | null;
  /** Project files (relative to the project) with uncommitted changes, untracked ones included. */
  uncommitted: string[];
  /** Why git could not be asked, when it could not; null otherwise. */
  reason: string | null;
}

/** The write `undo` would take back: the last one Switchyard made in the folder. */
export interface UndoableWrite {
  projectDir: string;
  at: string;
  /** What the write did; undo does the reverse. */
  written: WrittenFile[];
}
