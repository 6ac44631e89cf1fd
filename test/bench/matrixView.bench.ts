// The Matrix tab with a generated 10,000-revision project by 20 environments (a SQLite connection
// each, its version table at its own point), in Chromium through the browser host: time from the
// matrix data arriving in the page to the first rows painted, beside the Graph tab's same span for
// the same project in the same page (a virtualised screen of the same rows, as its baseline); and
// from asking for the matrix to its first rows, the server's reading of 20 databases included.
// The page is timed from outside the app's code: fetch is wrapped before the app loads, marking when
// matrix.load's answer is parsed, and each frame after it looks for the grid's first cell.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { ApiInput, ApiMethod, ApiOutput } from '../../src-shared/api';
import { buildGraph } from '../../src-shared/graph/revisionGraph';
import { loadProject } from '../../src-main/migrations/project';
import { createServices } from '../../src-main/services';
import { openSqlite } from '../../src-main/sqliteModule';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';
import { serve } from '../e2e/browserHost';
import { generateRevisions, writeNativeProject } from '../fixtures/migrations/generator';
import { buildRenderer } from './graphView.bench';
import { round, withBaseline, type BenchmarkSuite } from './harness';

const passphrase = 'matrix view bench passphrase';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const environmentCount = 20;
const turns = 3;

/** Page code as a string: tsx would wrap functions in its own helpers, which the page lacks. */
const timeMatrix = `(() => {
  const fetchFirst = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const asked = typeof init?.body === 'string' && init.body.includes('"method":"matrix.load"');
    if (asked) performance.mark('matrix:asked');
    const response = await fetchFirst(input, init);
    if (!asked) return response;
    const json = response.json.bind(response);
    response.json = async () => {
      const value = await json();
      performance.mark('matrix:data-received');
      const look = () => {
        if (document.querySelector('[role="grid"] [role="gridcell"]')) performance.mark('matrix:rows-painted');
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      return value;
    };
    return response;
  };
})()`;

/** Each environment's SQLite database with its version table: all but the newest i × 150 revisions applied. */
function writeDatabases(home: string, project: string): string[] {
  const loaded = loadProject(project, { format: 'native', engine: 'sqlite' });
  const { format } = loaded;
  if (format.runner !== 'sql') throw new Error('The generated project is not read as a native SQL project.');
  const checksums = new Map(loaded.files.files.map((f) => [f.revision.id, format.bookkeeping.checksum(f) ?? '']));
  const order = loaded.graph.topological;
  return Array.from({ length: environmentCount }, (_, i) => {
    const path = join(home, `env${i}.sqlite`);
    const db = openSqlite(path);
    try {
      db.exec(
        'CREATE TABLE switchyard_migrations (revision TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, applied_by TEXT NOT NULL, duration_ms INTEGER NOT NULL)',
      );
      const insert = db.prepare('INSERT INTO switchyard_migrations VALUES (?, ?, ?, ?, ?)');
      db.transaction(() =>
        order.slice(0, order.length - i * 150).forEach((id, n) => insert.run(id, checksums.get(id), '2026-11-30T09:00:00Z', 'deploy', n % 50)),
      )();
    } finally {
      db.close();
    }
    return path;
  });
}

/** The connections and the project, written through the services as the app would, before the host opens the store. */
async function writeStore(home: string, project: string, databases: string[]): Promise<void> {
  const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
  try {
    await services.session.unlock(passphraseKeyProvider(passphrase));
    const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
      const result = await services.dispatch(method, input, { actor: 'bench' });
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as ApiOutput<M>;
    };
    const ids: string[] = [];
    for (const [i, sqlitePath] of databases.entries()) {
      const environment = i === environmentCount - 1 ? 'prod' : 'staging';
      const profile = { name: `db${i}`, environment, engine: 'sqlite', sqlitePath, projectDir: project, projectFormat: 'native' } as const;
      ids.push((await call('profiles.create', { profile })).id);
    }
    const environments = ids.map((profileId, i) => ({ name: `env${i}`, members: [{ profileId }] }));
    await call('projects.create', { project: { name: 'bench', dir: project, format: 'native', environments } });
  } finally {
    services.close();
  }
}

async function spanOf(page: Page, from: string, to: string): Promise<number> {
  // Polled from here: waitForFunction evaluates its string inside the page, which the app's CSP refuses.
  const until = Date.now() + 300_000;
  while (!(await page.evaluate(`performance.getEntriesByName('${to}').length > 0`))) {
    if (Date.now() > until) throw new Error(`No ${to} within 5 minutes.`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return (await page.evaluate(`performance.getEntriesByName('${to}')[0].startTime - performance.getEntriesByName('${from}')[0].startTime`)) as number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export const matrixViewSuite: BenchmarkSuite = {
  name: 'matrix screen',
  async run() {
    const home = mkdtempSync(join(tmpdir(), 'switchyard-bench-matrixview-'));
    const project = join(home, 'project');
    const revisions = generateRevisions(15, {
      revisions: 10_000,
      branchChance: 1 / 25,
      mergeChance: 1 / 30,
      dependsOnChance: 0.005,
      labelChance: 0.002,
      rootChance: 0,
      heads: 3,
    });
    writeNativeProject(project, revisions);
    const databases = writeDatabases(home, project);
    await writeStore(home, project, databases);
    const renderer = join(home, 'renderer');
    buildRenderer(renderer);
    const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase }, ['--renderer', renderer]);
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const matrix: number[] = [];
    const asked: number[] = [];
    const graph: number[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript(timeMatrix);
      // The Graph tab goes on to read the connection's drift and inventory: the drift replays 10,000 revisions
      // into a scratch database, minutes of the server's one thread that would hold up the next turn. Neither is timed.
      await page.route('**/api/invoke', (route) =>
        /"method":"(schema\.drift|inventory\.load)"/.test(route.request().postData() ?? '') ? route.abort() : route.continue(),
      );
      // In turns, each on a fresh page: the matrix of the project, then the graph of its first connection.
      for (let turn = 0; turn < turns; turn += 1) {
        await page.goto(app.url, { timeout: 120_000 });
        await page
          .getByRole('list', { name: 'Projects' })
          .getByRole('button', { name: /^bench/ })
          .click();
        await page.getByRole('tablist', { name: 'Project screens' }).getByRole('tab', { name: 'Matrix' }).click();
        matrix.push(await spanOf(page, 'matrix:data-received', 'matrix:rows-painted'));
        asked.push(await spanOf(page, 'matrix:asked', 'matrix:rows-painted'));
        await page.goto(app.url, { timeout: 120_000 });
        await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /^db0/ }).click();
        await page.getByRole('tab', { name: 'Graph', exact: true }).click();
        graph.push(await spanOf(page, 'graph:data-received', 'graph:rows-painted'));
      }
      const rows = buildGraph(revisions.map((r) => ({ ...r, message: '', createdAt: null, file: '', line: 1 }))).topological.length;
      return [
        withBaseline({
          name: `matrix screen: data received → first rows painted, ${rows.toLocaleString('en-US')} revisions × ${environmentCount} environments (Chromium, median of ${turns}) vs the graph screen's, same project`,
          value: round(median(matrix)),
          baseline: round(median(graph)),
          unit: 'ms',
          goal: '< 500 ms',
        }),
        {
          name: `matrix screen: asked → first rows painted, the server reading ${environmentCount} SQLite databases included (median of ${turns})`,
          value: round(median(asked)),
          unit: 'ms',
        },
      ];
    } finally {
      await browser.close();
      await app.stop();
      rmSync(home, { recursive: true, force: true });
    }
  },
};
