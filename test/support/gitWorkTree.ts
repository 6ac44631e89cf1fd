// git run in a test's folder as a user would, with an identity of its own (a test machine may have none).
import { execFileSync } from 'node:child_process';

const identity = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, ...identity } });
}

/** `dir` made a git work tree with everything in it committed once. */
export function committedWorkTree(dir: string, message: string): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', message);
}
