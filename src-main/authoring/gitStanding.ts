// Which files of a project folder git holds uncommitted changes for: asked of git itself (execFile,
// never a shell), read-only. Switchyard never commits on the user's behalf.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { GitStanding } from '../../src-shared/model/writePlan';

const run = promisify(execFile);

/** The project-relative paths in `git status --porcelain=v1 -z` output (the path a rename came from, too). */
function uncommittedPaths(porcelain: string, workTree: string, projectDir: string): string[] {
  const fields = porcelain.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i] as string;
    if (field.length < 4) continue;
    const status = field.slice(0, 2);
    paths.push(field.slice(3));
    // A rename or copy is followed by the path it came from, in a field of its own.
    if (status.includes('R') || status.includes('C')) {
      i += 1;
      if (fields[i]) paths.push(fields[i] as string);
    }
  }
  return paths
    .map((path) => relative(projectDir, join(workTree, path)))
    .filter((path) => path !== '' && !path.startsWith('..') && !isAbsolute(path))
    .map((path) => path.split(sep).join('/'))
    .sort();
}

export async function gitStanding(projectDir: string): Promise<GitStanding> {
  const dir = realpathSync(projectDir);
  let workTree: string;
  try {
    workTree = (await run('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' })).stdout.trim();
  } catch (error) {
    // Not a work tree is the common case and no problem; anything else is said, since nothing could be checked.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { workTree: null, uncommitted: [], reason: 'git is not installed, so uncommitted changes could not be checked' };
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/not a git repository/i.test(stderr)) return { workTree: null, uncommitted: [], reason: null };
    return {
      workTree: null,
      uncommitted: [],
      reason: `git could not read the folder, so uncommitted changes could not be checked: ${stderr.trim().split('\n')[0] ?? ''}`,
    };
  }
  const { stdout } = await run('git', ['-C', workTree, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { workTree, uncommitted: uncommittedPaths(stdout, workTree, dir), reason: null };
}
