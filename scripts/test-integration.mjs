#!/usr/bin/env node
// `npm run test:integration`: the integration files in lanes, each lane its own Vitest process with its
// own PostgreSQL server (the project's global setup starts one per process), so lanes never share a
// database, a role or a snapshot, and a file keeps the server to itself as it always did.
//
// Files go to the lane with the least work so far, longest first, by the seconds each took when last
// recorded (test/integration/durations.json; a file not listed counts as the median). The durations
// only balance the lanes: a stale list makes the run slower, never wrong.
//
//   node scripts/test-integration.mjs                 all files, SWITCHYARD_TEST_LANES lanes (default 2)
//   node scripts/test-integration.mjs --record        the same, then writes the durations just measured
//   node scripts/test-integration.mjs FILTER…         one Vitest run of the files matching, as `vitest run`
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const durationsFile = join(root, 'test/integration/durations.json');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const args = process.argv.slice(2);
const record = args.includes('--record');
const filters = args.filter((a) => a !== '--record');

if (filters.length > 0) {
  const child = spawn(process.execPath, [vitest, 'run', '--project', 'integration', ...filters], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await runLanes();
}

function testFiles() {
  return readdirSync(join(root, 'test/integration'), { recursive: true })
    .map((f) => `test/integration/${String(f).split('\\').join('/')}`)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
}

function readDurations() {
  try {
    return JSON.parse(readFileSync(durationsFile, 'utf8'));
  } catch {
    return {};
  }
}

/** Longest first, each to the lane with the least seconds so far. */
function balance(files, durations, laneCount) {
  const known = files
    .map((f) => durations[f])
    .filter((s) => typeof s === 'number')
    .sort((a, b) => a - b);
  const median = known.length > 0 ? known[Math.floor(known.length / 2)] : 1;
  const weighted = files.map((file) => ({ file, seconds: typeof durations[file] === 'number' ? durations[file] : median }));
  weighted.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const lanes = Array.from({ length: laneCount }, () => ({ files: [], seconds: 0 }));
  for (const item of weighted) {
    const lane = lanes.reduce((least, l) => (l.seconds < least.seconds ? l : least));
    lane.files.push(item.file);
    lane.seconds += item.seconds;
  }
  return lanes.filter((l) => l.files.length > 0);
}

function runLane(index, files, reportFile) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...files],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }) } },
    );
    const prefix = `[lane ${index + 1}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
      });
      stream.on('end', () => {
        if (rest) process.stdout.write(`${prefix}${rest}\n`);
      });
    }
    child.on('exit', (code, signal) => resolve({ index, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000 }));
  });
}

function measured(reportFile) {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    return report.testResults.map((r) => [relative(root, r.name).split('\\').join('/'), Math.round((r.endTime - r.startTime) / 100) / 10]);
  } catch {
    return [];
  }
}

async function runLanes() {
  const laneCount = Math.max(1, Number.parseInt(process.env.SWITCHYARD_TEST_LANES ?? '2', 10) || 2);
  const files = testFiles();
  const lanes = balance(files, readDurations(), laneCount);
  const reports = mkdtempSync(join(tmpdir(), 'switchyard-lanes-'));
  for (const [i, lane] of lanes.entries()) {
    console.log(`[lane ${i + 1}] ${lane.files.length} files, about ${Math.round(lane.seconds)} s recorded`);
  }
  const results = await Promise.all(lanes.map((lane, i) => runLane(i, lane.files, join(reports, `lane-${i + 1}.json`))));
  for (const r of results) {
    const how = r.code === 0 ? 'passed' : r.signal ? `ended by ${r.signal}` : `failed (exit code ${r.code})`;
    console.log(`[lane ${r.index + 1}] ${how} in ${Math.round(r.seconds)} s`);
  }
  if (record) {
    const durations = Object.fromEntries(lanes.flatMap((_, i) => measured(join(reports, `lane-${i + 1}.json`))).sort((a, b) => a[0].localeCompare(b[0])));
    writeFileSync(durationsFile, `${JSON.stringify(durations, null, 2)}\n`);
    console.log(`Durations of ${Object.keys(durations).length} files written to ${relative(root, durationsFile)}.`);
  }
  rmSync(reports, { recursive: true, force: true });
  process.exit(results.every((r) => r.code === 0) ? 0 : 1);
}
