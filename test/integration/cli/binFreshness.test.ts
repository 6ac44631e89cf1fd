// bin/switchyard.mjs runs the bundle only while it is at least as new as every source, and the
// sources (through tsx) as soon as one is edited after it: an edited checkout never runs stale code.
// In a copy of the checkout, as `npm install` leaves it; the bundle's help and the sources' help are
// told apart by a word written into one of them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'switchyard-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, 'dist', 'cli', 'main.mjs');
const source = join(dir, 'src-main', 'cli', 'main.ts');
const deep = join(dir, 'src-shared', 'graph', 'planner.ts');

function help(): string {
  const run = spawnSync(process.execPath, [join(dir, 'bin', 'switchyard.mjs'), '--help'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Sets a file's modification time `seconds` from now. */
function touch(path: string, seconds: number): void {
  const when = new Date(Date.now() + seconds * 1000);
  utimesSync(path, when, when);
}

beforeAll(() => {
  for (const path of ['bin', 'src-main', 'src-shared', 'package.json', 'tsconfig.base.json']) cpSync(join(root, path), join(dir, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), join(dir, 'dist', 'cli')], { encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  // The bundle says "from the bundle" and the sources "from the sources" in the same place of the help.
  writeFileSync(
    bundle,
    readFileSync(bundle, 'utf8').replace('Usage: switchyard <command> [options]', 'Usage (from the bundle): switchyard <command> [options]'),
  );
  writeFileSync(
    source,
    readFileSync(source, 'utf8').replace('Usage: switchyard <command> [options]', 'Usage (from the sources): switchyard <command> [options]'),
  );
}, 120_000);

describe('bin/switchyard.mjs', () => {
  it('runs the bundle while it is newer than every source', () => {
    for (const path of [source, deep]) touch(path, -60);
    touch(bundle, 0);
    expect(help()).toContain('Usage (from the bundle)');
  });

  it('runs the sources once any one of them, however deep, is edited after the bundle', () => {
    touch(bundle, -60);
    touch(source, -120);
    touch(deep, 0);
    expect(help()).toContain('Usage (from the sources)');
    touch(deep, -120);
    touch(source, 0);
    expect(help()).toContain('Usage (from the sources)');
  }, 60_000);

  it('runs the sources when the bundle cannot be loaded', () => {
    touch(bundle, 0);
    for (const path of [source, deep]) touch(path, -60);
    const text = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, `import './chunk-that-is-not-there.mjs';\n${text}`);
    try {
      expect(help()).toContain('Usage (from the sources)');
    } finally {
      writeFileSync(bundle, text);
    }
  }, 60_000);
});
