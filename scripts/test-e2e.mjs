#!/usr/bin/env node
// `npm run test:e2e` (after the renderer's build): Playwright in lanes, each lane its own Playwright
// process with its share of the spec files, its own PostgreSQL (the e2e global setup starts one per
// process) and its own artifacts folder, one test at a time inside a lane as before. Specs are dealt
// longest first by the seconds they took when last recorded (test/e2e/durations.json; --record rewrites
// it). SWITCHYARD_E2E_LANES (or --lanes N) sets the count: 1 by default, since two lanes measured no faster on
// two cores (Chromium keeps both busy; 11.4 and 13.2 min against about 12 in one) and made a 26 s spec time out. Other arguments (spec files, -g …) run one
// Playwright process with them instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { balance, laneCount, readDurations, runLanes, withoutLanes } from './lanes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const durationsFile = join(root, 'test/e2e/durations.json');
const playwright = join(root, 'node_modules/@playwright/test/cli.js');
const config = ['test', '-c', 'test/e2e/playwright.config.ts'];
const args = process.argv.slice(2);
const lanesWanted = laneCount(args, ['SWITCHYARD_E2E_LANES'], 1);
const record = args.includes('--record');
const filters = withoutLanes(args).filter((a) => a !== '--record');

if (filters.length > 0) {
  const child = spawn(process.execPath, [playwright, ...config, ...filters], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const specs = readdirSync(join(root, 'test/e2e'))
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => `test/e2e/${f}`)
    .sort();
  const lanes = balance(specs, readDurations(durationsFile), lanesWanted);
  const reports = mkdtempSync(join(tmpdir(), 'switchyard-e2e-lanes-'));
  for (const [i, lane] of lanes.entries()) {
    console.log(`[lane ${i + 1}] ${lane.files.length} spec files, about ${Math.round(lane.seconds)} s recorded`);
  }
  const passed = await runLanes(
    lanes.map((lane, i) => ({
      // Playwright takes each file argument as a pattern over the path: `^…$` keeps one from matching another.
      args: [playwright, ...config, '--reporter=list,json', ...lane.files.map((f) => `${join(root, f).replaceAll('.', '\\.')}$`)],
      env: { E2E_OUTPUT_DIR: `test-results/e2e-artifacts/lane-${i + 1}`, PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, `lane-${i + 1}.json`) },
    })),
    root,
  );
  if (record) {
    const seconds = {};
    for (const [i] of lanes.entries()) {
      try {
        const report = JSON.parse(readFileSync(join(reports, `lane-${i + 1}.json`), 'utf8'));
        const walk = (suite) => {
          for (const spec of suite.specs ?? []) {
            const file = relative(root, join(root, 'test/e2e', spec.file))
              .split('\\')
              .join('/');
            const ms = spec.tests.flatMap((t) => t.results).reduce((sum, r) => sum + r.duration, 0);
            seconds[file] = Math.round(((seconds[file] ?? 0) * 1000 + ms) / 100) / 10;
          }
          for (const child of suite.suites ?? []) walk(child);
        };
        for (const suite of report.suites ?? []) walk(suite);
      } catch {
        // A lane that wrote no report records nothing.
      }
    }
    const sorted = Object.fromEntries(Object.entries(seconds).sort((a, b) => a[0].localeCompare(b[0])));
    writeFileSync(durationsFile, `${JSON.stringify(sorted, null, 2)}\n`);
    console.log(`Durations of ${Object.keys(sorted).length} spec files written to ${relative(root, durationsFile)}.`);
  }
  rmSync(reports, { recursive: true, force: true });
  process.exit(passed ? 0 : 1);
}
