// Reading and planning the tool formats whose trees are many files: a 700-version ory/pop folder in
// three dialects and a 342-folder diesel project, each beside a plain readdir + read of every file of
// the same tree (what any reader must at least do). Trees are generated in a temp folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planUpgrade } from '../../src-shared/graph/planner';
import { loadProject } from '../../src-main/migrations/project';
import { sideBySide, withBaseline, type BenchmarkSuite } from './harness';

const popVersions = 700;
const popDialects = ['postgres', 'sqlite3', 'mysql'];
const dieselFolders = 342;

const table = (i: number) =>
  `CREATE TABLE table_${i} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TIMESTAMP);\nCREATE INDEX table_${i}_name ON table_${i} (name);\n`;

function writePopTree(dir: string): void {
  mkdirSync(dir);
  for (let i = 1; i <= popVersions; i += 1) {
    const version = String(20200101000000 + i);
    for (const dialect of popDialects) {
      writeFileSync(join(dir, `${version}_table_${i}.${dialect}.up.sql`), table(i));
      writeFileSync(join(dir, `${version}_table_${i}.${dialect}.down.sql`), `DROP TABLE table_${i};\n`);
    }
  }
}

function writeDieselTree(dir: string): void {
  mkdirSync(join(dir, 'migrations'), { recursive: true });
  writeFileSync(join(dir, 'diesel.toml'), '[migrations_directory]\ndir = "migrations"\n');
  for (let i = 1; i <= dieselFolders; i += 1) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
    const folder = join(dir, 'migrations', `${day.slice(0, 10)}-${day.slice(11, 19).replace(/:/g, '')}_table_${i}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'up.sql'), table(i));
    writeFileSync(join(folder, 'down.sql'), `DROP TABLE table_${i};\n`);
  }
}

/** The reference: list the folder (and its sub-folders) and read every file in it. */
function readEveryFile(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? readEveryFile(path) : readFileSync(path, 'utf8').length;
  }
  return bytes;
}

function readAndPlan(dir: string, expected: number): void {
  const project = loadProject(dir, { engine: 'postgres' });
  const plan = planUpgrade(project.graph, 'heads', new Set());
  if (plan.steps.length !== expected) throw new Error(`${dir}: planned ${plan.steps.length} steps, expected ${expected}`);
}

export const formatsSuite: BenchmarkSuite = {
  name: 'tool formats',
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-formats-'));
    try {
      const pop = join(dir, 'pop');
      const diesel = join(dir, 'diesel');
      writePopTree(pop);
      writeDieselTree(diesel);
      const popTimes = sideBySide(
        () => readAndPlan(pop, popVersions),
        () => readEveryFile(pop),
      );
      const dieselTimes = sideBySide(
        () => readAndPlan(diesel, dieselFolders),
        () => readEveryFile(diesel),
      );
      return Promise.resolve([
        withBaseline({
          name: `formats: read + plan, pop ${popVersions} versions × ${popDialects.length} dialects (baseline: readdir + read all ${popVersions * popDialects.length * 2} files)`,
          ...popTimes,
          unit: 'ms',
          goal: '≤ 2× the baseline',
        }),
        withBaseline({
          name: `formats: read + plan, diesel ${dieselFolders} folders (baseline: readdir + read all ${dieselFolders * 2} files)`,
          ...dieselTimes,
          unit: 'ms',
          goal: '≤ 2× the baseline',
        }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
