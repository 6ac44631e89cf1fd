#!/usr/bin/env node
// `npm run test:integration`: the integration files in lanes, each lane its own Vitest process with its
// own PostgreSQL server (the project's global setup starts one per process), so lanes never share a
// database, a role or a snapshot, and a file keeps the server to itself as it always did.
//
// Files go to the lane with the least work so far, longest first, by the seconds each took when last
// recorded (test/integration/durations.json; a file not listed counts as the median). The durations
// only balance the lanes: a stale list makes the run slower, never wrong.
//
//   node scripts/test-integration.mjs                 all files in lanes (default 3)
//   node scripts/test-integration.mjs --lanes 2       the same in 2 lanes; or SWITCHYARD_INTEGRATION_LANES=2
//                                                     (SWITCHYARD_TEST_LANES, its older name, still works)
//   node scripts/test-integration.mjs --plan          prints how the files would be dealt to the lanes, runs nothing
//   node scripts/test-integration.mjs --record        the same, then writes the durations just measured
// Three by default: a file's tests wait on PostgreSQL and child processes for half their time or more (wall
// 1.8–2.8× CPU), so a third lane fills two cores: 133 files in 874 s against ~1,070 s in two (2 December 2026).
//   node scripts/test-integration.mjs FILTER…         one Vitest run of the files matching, as `vitest run`
import { spawn } from 'node:child_process';
import { balance, laneCount, readDurations, runLanes, withoutLanes } from './lanes.mjs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const durationsFile = join(root, 'test/integration/durations.json');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const args = process.argv.slice(2);
const lanesWanted = laneCount(args, ['SWITCHYARD_INTEGRATION_LANES', 'SWITCHYARD_TEST_LANES'], 3);
const record = args.includes('--record');
const planOnly = args.includes('--plan');
const filters = withoutLanes(args).filter((a) => a !== '--record' && a !== '--plan');

if (filters.length > 0) {
  const child = spawn(process.execPath, [vitest, 'run', '--project', 'integration', ...filters], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await runIntegrationLanes();
}

function testFiles() {
  return readdirSync(join(root, 'test/integration'), { recursive: true })
    .map((f) => `test/integration/${String(f).split('\\').join('/')}`)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
}

function measured(reportFile) {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    return report.testResults.map((r) => [relative(root, r.name).split('\\').join('/'), Math.round((r.endTime - r.startTime) / 100) / 10]);
  } catch {
    return [];
  }
}

async function runIntegrationLanes() {
  const files = testFiles();
  const lanes = balance(files, readDurations(durationsFile), lanesWanted);
  for (const [i, lane] of lanes.entries()) {
    console.log(`[lane ${i + 1}] ${lane.files.length} files, about ${Math.round(lane.seconds)} s recorded`);
    if (planOnly) for (const file of lane.files) console.log(`[lane ${i + 1}]   ${file}`);
  }
  if (planOnly) process.exit(0);
  const reports = mkdtempSync(join(tmpdir(), 'switchyard-lanes-'));
  const passed = await runLanes(
    lanes.map((lane, i) => ({
      args: [
        vitest,
        'run',
        '--project',
        'integration',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reports, `lane-${i + 1}.json`)}`,
        ...lane.files,
      ],
    })),
    root,
  );
  if (record) {
    const durations = Object.fromEntries(lanes.flatMap((_, i) => measured(join(reports, `lane-${i + 1}.json`))).sort((a, b) => a[0].localeCompare(b[0])));
    writeFileSync(durationsFile, `${JSON.stringify(durations, null, 2)}\n`);
    console.log(`Durations of ${Object.keys(durations).length} files written to ${relative(root, durationsFile)}.`);
  }
  rmSync(reports, { recursive: true, force: true });
  process.exit(passed ? 0 : 1);
}
