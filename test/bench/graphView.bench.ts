// The graph screen with a generated 10,000-revision project, in Chromium through the browser host:
// time from the graph data arriving to the first rows painted, and the worst frame while scrolling
// from top to bottom (requestAnimationFrame deltas measured in the page).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { serve } from '../e2e/browserHost';
import { generateRevisions, writeNativeProject } from '../fixtures/migrations/generator';
import { round, withBaseline, type BenchmarkSuite, type Measure } from './harness';

const passphrase = 'graph view bench passphrase';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The renderer of the sources as they are, built beside the bench's data: dist/renderer may be stale. */
export function buildRenderer(outDir: string): void {
  const result = spawnSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed: ${result.stderr}`);
}

function addProfile(home: string, project: string, database: string): void {
  const cli = resolve('bin/switchyard.mjs');
  const args = [cli, 'profiles', 'add', '--name', 'Bench', '--engine', 'sqlite', '--sqlite-path', database, '--project', project, '--format', 'native'];
  const result = spawnSync(process.execPath, args, { env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`profiles add failed: ${result.stderr}`);
}

export const graphViewSuite: BenchmarkSuite = {
  name: 'graph screen',
  async run() {
    const home = mkdtempSync(join(tmpdir(), 'switchyard-bench-graphview-'));
    const project = join(home, 'project');
    writeNativeProject(
      project,
      generateRevisions(11, {
        revisions: 10_000,
        branchChance: 1 / 25,
        mergeChance: 1 / 30,
        dependsOnChance: 0.005,
        labelChance: 0.002,
        rootChance: 0,
        heads: 3,
      }),
    );
    const database = join(home, 'bench.sqlite');
    writeFileSync(database, '');
    addProfile(home, project, database);
    const renderer = join(home, 'renderer');
    buildRenderer(renderer);
    const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase }, ['--renderer', renderer]);
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(app.url);
      await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /Bench/ }).click();
      await page.getByRole('tab', { name: 'Graph', exact: true }).click();
      await page.getByRole('listbox', { name: 'Revisions' }).waitFor({ timeout: 120_000 });
      await page.waitForFunction(`performance.getEntriesByName('graph:rows-painted').length > 0`);
      // Page code as strings: tsx would wrap functions in its own helpers, which the page lacks.
      const firstPaint = (await page.evaluate(
        `performance.getEntriesByName('graph:rows-painted')[0].startTime - performance.getEntriesByName('graph:data-received')[0].startTime`,
      )) as number;
      // The baseline: the worst frame of the same page doing nothing, which is what a busy machine costs.
      const idle = (await page.evaluate(`new Promise((done) => {
        const deltas = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          if (deltas.length > 240) done(Math.max(...deltas.slice(1)));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      })`)) as number;
      // Every row, none folded: the scroll covers all 10,000.
      await page.getByLabel('Collapse linear runs').uncheck();
      const scroll = (await page.evaluate(`new Promise((done) => {
        const viewport = document.querySelector('.graph-viewport');
        const deltas = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) {
            done({ worst: Math.max(...deltas.slice(1)), frames: deltas.length });
            return;
          }
          viewport.scrollTop += 600;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      })`)) as { worst: number; frames: number };
      const measures: Measure[] = [
        { name: 'graph screen: data received → first rows painted, 10,000 revisions (Chromium)', value: round(firstPaint), unit: 'ms', goal: '< 500 ms' },
        withBaseline({
          name: `graph screen: worst frame scrolling top to bottom, 10,000 revisions (${scroll.frames} frames, 600 px each) vs the worst idle frame`,
          value: round(scroll.worst),
          baseline: round(idle),
          unit: 'ms',
          goal: '< 50 ms',
        }),
      ];
      return measures;
    } finally {
      await browser.close();
      await app.stop();
      rmSync(home, { recursive: true, force: true });
    }
  },
};
