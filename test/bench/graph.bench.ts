// Reading a 5,000-revision branchy Alembic project and building its graph with anomalies, beside
// `alembic heads` on the same files; and the same for a 10,000-revision native SQL project.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../../src-main/migrations/project';
import { generateRevisions, writeAlembicProject, writeNativeProject, type Shape } from '../fixtures/migrations/generator';
import { inTurns, medianMs, withBaseline, type BenchmarkSuite, type Measure } from './harness';

const python = '/usr/bin/python3';
const root = join(import.meta.dirname, '..', '..');

// A branch every ~25 revisions, merges, three open heads.
const branchy = (revisions: number): Shape => ({
  revisions,
  branchChance: 1 / 25,
  mergeChance: 1 / 30,
  dependsOnChance: 0.005,
  labelChance: 0.002,
  rootChance: 0,
  heads: 3,
});

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
}

/**
 * bin/switchyard.mjs in a copy of the checkout's sources with its bundle built after them, as `npm install`
 * leaves it: the command a user runs, freshness check included. In the checkout itself, a source saved
 * while the bench runs makes bin run the TypeScript through tsx, and the process measured is the compiler's.
 */
function installedCli(dir: string): string {
  for (const folder of ['bin', 'src-main', 'src-shared']) cpSync(join(root, folder), join(dir, folder), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  run(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), join(dir, 'dist', 'cli')]);
  return join(dir, 'bin', 'switchyard.mjs');
}

export const graphSuite: BenchmarkSuite = {
  name: 'migration graph',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-graph-'));
    try {
      const alembicDir = join(dir, 'alembic');
      const nativeDir = join(dir, 'native');
      writeAlembicProject(
        alembicDir,
        generateRevisions(5, branchy(5000)),
        (_r, i) => `    op.create_table("table_${i}", sa.Column("id", sa.Integer(), primary_key=True))\n`,
      );
      writeNativeProject(nativeDir, generateRevisions(10, branchy(10000)));

      const cli = installedCli(join(dir, 'checkout'));
      const inProcessGraph = () => loadProject(alembicDir);
      const graphProcess = () => run(process.execPath, [cli, 'graph', '--project', alembicDir, '--json']);
      const native = await medianMs(() => loadProject(nativeDir), 7);
      const measures: Measure[] = [{ name: 'graph: read + build + anomalies, 10,000 native revisions', value: native, unit: 'ms', goal: '< 300 ms' }];

      const haveAlembic = spawnSync(python, ['-c', 'import alembic'], { stdio: 'ignore' }).status === 0;
      if (!haveAlembic) {
        process.stderr.write(`  skipping the alembic baseline: ${python} cannot import alembic (apt-get install python3-alembic)\n`);
        const [inProcess, wholeCli] = inTurns([inProcessGraph, graphProcess], 7) as [number, number];
        measures.unshift(
          { name: 'graph: read + build + anomalies, 5,000 Alembic revisions (in-process)', value: inProcess, unit: 'ms' },
          { name: 'graph: `switchyard graph --json` process, 5,000 Alembic revisions', value: wholeCli, unit: 'ms' },
        );
        return measures;
      }
      const alembicHeads = () => run(python, ['-m', 'alembic', '-c', join(alembicDir, 'alembic.ini'), 'heads']);
      // In turns with alembic, so a burst of load on a shared machine slows both sides of each ratio alike.
      const [inProcess, wholeCli, alembic] = inTurns([inProcessGraph, graphProcess, alembicHeads], 5) as [number, number, number];
      measures.unshift(
        withBaseline({
          name: 'graph: read + build + anomalies, 5,000 Alembic revisions (in-process) vs `alembic heads`',
          value: inProcess,
          baseline: alembic,
          unit: 'ms',
          goal: 'ratio ≤ 0.05 (≥ 20× faster)',
        }),
        withBaseline({
          name: 'graph: `switchyard graph --json` process vs `alembic heads`, 5,000 revisions',
          value: wholeCli,
          baseline: alembic,
          unit: 'ms',
          goal: 'ratio ≤ 0.167 (≥ 6× faster)',
        }),
      );
      return measures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
