// Writes into a user's migration project: shown as a diff first, refused when a file changed since it
// was shown or holds uncommitted git changes (unless forced), written atomically (a temp file in the
// same folder, fsync, rename) in each file's own line ends, encoding and BOM, and undoable until the next.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { FileWrite, GitStanding, WritePlan, WriteResult, WrittenAction, WrittenFile } from '../../src-shared/model/writePlan';
import { unifiedDiff } from '../../src-shared/text/unifiedDiff';
import { plainStyle, readStyled, styledBytes, type FileStyle, type StyledText } from './fileStyle';
import { gitStanding } from './gitStanding';
import type { UndoFile, UndoRecords } from './undoRecords';

/** The absolute path of a plan's file, refused when it would leave the project folder. */
function pathIn(projectDir: string, path: string): string {
  const full = resolve(projectDir, path);
  const inside = relative(projectDir, full);
  if (isAbsolute(path) || inside === '' || inside.startsWith('..') || isAbsolute(inside))
    throw new SwitchyardError('E_INVALID_INPUT', `${path} is not a file inside the project folder ${projectDir}. Nothing was written.`);
  return full;
}

function readStyledFile(full: string): StyledText | null {
  if (!existsSync(full)) return null;
  if (!statSync(full).isFile()) throw new SwitchyardError('E_INVALID_INPUT', `${full} is not a file. Nothing was written.`);
  return readStyled(readFileSync(full));
}

/** A project file's text as the readers see it (no BOM, `\n` line ends), or null when there is none. */
export function readProjectFile(projectDir: string, path: string): string | null {
  return readStyledFile(pathIn(projectDir, path))?.text ?? null;
}

function actionOf(file: FileWrite): WrittenAction {
  if (file.before === null) return 'created';
  return file.after === null ? 'deleted' : 'changed';
}

/** The plan as one unified diff, file after file, as git prints it (`a/` and `b/` names). */
export function diffOf(plan: WritePlan): string {
  return plan.files.map((f) => unifiedDiff({ name: `a/${f.path}`, text: f.before }, { name: `b/${f.path}`, text: f.after })).join('');
}

export interface WriteCheck {
  git: GitStanding;
  /** Files that are no longer what the plan was made from (or a file to create that now exists). */
  changedSinceShown: string[];
  /** Files the plan overwrites or deletes that hold uncommitted git changes. */
  uncommittedTouched: string[];
}

/** What stands in the way of a plan now, without writing anything. */
export async function checkWritePlan(plan: WritePlan): Promise<WriteCheck> {
  const changedSinceShown = plan.files.filter((f) => (readStyledFile(pathIn(plan.projectDir, f.path))?.text ?? null) !== f.before).map((f) => f.path);
  const git = await gitStanding(plan.projectDir);
  const uncommitted = new Set(git.uncommitted);
  return { git, changedSinceShown, uncommittedTouched: plan.files.filter((f) => f.before !== null && uncommitted.has(f.path)).map((f) => f.path) };
}

/** The style a file is written in: its own, else the `like` file's, else another file of the plan with its extension. */
function stylesOf(plan: WritePlan): Map<string, FileStyle> {
  const own = new Map<string, FileStyle>();
  for (const f of plan.files) {
    const styled = readStyledFile(pathIn(plan.projectDir, f.path));
    if (styled) own.set(f.path, styled.style);
  }
  const styles = new Map<string, FileStyle>();
  for (const f of plan.files) {
    const like = f.like === undefined ? undefined : readStyledFile(pathIn(plan.projectDir, f.like))?.style;
    const sibling = [...own].find(([path]) => extname(path) === extname(f.path))?.[1];
    styles.set(f.path, own.get(f.path) ?? like ?? sibling ?? plainStyle);
  }
  return styles;
}

function writeTemp(full: string, bytes: Buffer, mode: number | undefined): string {
  mkdirSync(dirname(full), { recursive: true });
  const temp = join(dirname(full), `.${randomBytes(6).toString('hex')}.switchyard-write`);
  const fd = openSync(temp, 'wx', mode ?? 0o644);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some systems (Windows) cannot open a folder to sync it; the renames are still each atomic.
  }
}

interface Staged {
  file: FileWrite;
  full: string;
  temp: string | null;
  done: boolean;
}

/** Puts back the files a failed write had already replaced, from their before-texts. */
function rollBack(staged: readonly Staged[], styles: ReadonlyMap<string, FileStyle>): void {
  for (const s of staged) {
    if (s.temp && existsSync(s.temp)) rmSync(s.temp, { force: true });
    if (!s.done) continue;
    if (s.file.before === null) rmSync(s.full, { force: true });
    else renameSync(writeTemp(s.full, styledBytes(s.file.before, styles.get(s.file.path) ?? plainStyle), undefined), s.full);
  }
}

/** Writes every file or none: the new texts are made beside the old ones first, then each is renamed over. */
function writeAll(plan: WritePlan, styles: ReadonlyMap<string, FileStyle>): WrittenFile[] {
  const staged: Staged[] = [];
  try {
    for (const file of plan.files) {
      const full = pathIn(plan.projectDir, file.path);
      const mode = existsSync(full) ? statSync(full).mode & 0o777 : undefined;
      staged.push({
        file,
        full,
        temp: file.after === null ? null : writeTemp(full, styledBytes(file.after, styles.get(file.path) ?? plainStyle), mode),
        done: false,
      });
    }
    for (const s of staged) {
      if (s.temp) renameSync(s.temp, s.full);
      else rmSync(s.full);
      s.done = true;
    }
  } catch (error) {
    rollBack(staged, styles);
    if (error instanceof SwitchyardError) throw error;
    throw new SwitchyardError('E_WRITE_FAILED', `The project could not be written (${(error as Error).message}); every file is as it was.`);
  }
  for (const folder of new Set(staged.map((s) => dirname(s.full)))) syncFolder(folder);
  return plan.files.map((f) => ({ path: f.path, action: actionOf(f) }));
}

function refuseChanged(paths: readonly string[]): void {
  if (paths.length > 0)
    throw new SwitchyardError(
      'E_FILE_CHANGED',
      `${paths.join(', ')} changed since the write was shown. Nothing was written: look at the change again and write it anew.`,
      { files: paths },
    );
}

/** The folders of the plan's new files that do not exist yet, deepest first. */
function newFolders(plan: WritePlan): string[] {
  const folders = new Set<string>();
  for (const f of plan.files) {
    if (f.before !== null) continue;
    for (let dir = dirname(f.path); dir !== '.' && dir !== '/' && dir !== ''; dir = dirname(dir))
      if (!existsSync(pathIn(plan.projectDir, dir))) folders.add(dir);
  }
  return [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
}

export interface ApplyOptions {
  undo: UndoRecords;
  /** Overwrite files with uncommitted git changes. */
  force?: boolean;
}

/** Writes the plan (all of it or nothing) and keeps what undoes it; refused with nothing written when a file changed or is uncommitted. */
export async function applyWritePlan(plan: WritePlan, options: ApplyOptions): Promise<WriteResult> {
  const check = await checkWritePlan(plan);
  refuseChanged(check.changedSinceShown);
  if (check.uncommittedTouched.length > 0 && !options.force)
    throw new SwitchyardError(
      'E_UNCOMMITTED_CHANGES',
      `${check.uncommittedTouched.join(', ')} ${check.uncommittedTouched.length === 1 ? 'has' : 'have'} uncommitted changes in git. Nothing was written: commit or stash them first, or force the write.`,
      { files: check.uncommittedTouched },
    );
  const styles = stylesOf(plan);
  const undoFiles: UndoFile[] = plan.files.map((f) => ({
    path: f.path,
    action: actionOf(f),
    before: f.before,
    after: f.after,
    style: styles.get(f.path) ?? plainStyle,
  }));
  // Kept before the first rename: a write cut off half-way can still be undone.
  const previous = options.undo.read(plan.projectDir);
  const folders = newFolders(plan);
  options.undo.save({ projectDir: plan.projectDir, at: new Date().toISOString(), files: undoFiles, ...(folders.length > 0 ? { folders } : {}) });
  let written: WrittenFile[];
  try {
    written = writeAll(plan, styles);
  } catch (error) {
    // Nothing was written, so the write before it is still the one to undo.
    if (previous) options.undo.save(previous);
    else options.undo.forget(plan.projectDir);
    throw error;
  }
  return { projectDir: plan.projectDir, written, uncommitted: (await gitStanding(plan.projectDir)).uncommitted };
}

/** Puts every file of the folder's last write back as it was; refused with nothing changed when one was edited since. */
export async function undoLastWrite(projectDir: string, options: { undo: UndoRecords }): Promise<WriteResult> {
  const record = options.undo.read(projectDir);
  if (!record) throw new SwitchyardError('E_NOTHING_TO_UNDO', `Switchyard has made no write in ${projectDir} that can still be undone.`);
  const reverse: WritePlan = { projectDir, files: record.files.map((f) => ({ path: f.path, before: f.after, after: f.before })) };
  const changed = reverse.files.filter((f) => (readStyledFile(pathIn(projectDir, f.path))?.text ?? null) !== f.before).map((f) => f.path);
  if (changed.length > 0)
    throw new SwitchyardError(
      'E_FILE_CHANGED',
      `${changed.join(', ')} changed since Switchyard wrote ${changed.length === 1 ? 'it' : 'them'}. Nothing was put back.`,
      {
        files: changed,
      },
    );
  const written = writeAll(reverse, new Map(record.files.map((f) => [f.path, f.style])));
  for (const folder of record.folders ?? []) {
    try {
      rmdirSync(pathIn(projectDir, folder));
    } catch {
      // Not empty: something else was put in it since, and stays.
    }
  }
  options.undo.forget(projectDir);
  return { projectDir, written, uncommitted: (await gitStanding(projectDir)).uncommitted };
}
