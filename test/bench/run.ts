// `npm run bench`: runs every suite (or, with `npm run bench -- graph …`, those whose name holds one of
// the words), prints a table, writes bench-results.json.
import { writeFileSync } from 'node:fs';
import type { BenchmarkSuite, Measure } from './harness';
import { formatsSuite } from './formats.bench';
import { graphSuite } from './graph.bench';
import { graphViewSuite } from './graphView.bench';
import { problemsSuite } from './problems.bench';
import { inventorySuite } from './inventory.bench';
import { runnerSuite } from './runner.bench';
import { statementsSuite } from './statements.bench';
import { resetSuite } from './reset.bench';
import { storeSuite } from './store.bench';
import { expectedSchemaSuite } from './expectedSchema.bench';
import { schemaSuite } from './schema.bench';
import { schemaCheckSuite } from './schemaCheck.bench';
import { rehearsalSuite } from './rehearsal.bench';
import { rolloutSuite } from './rollout.bench';
import { matrixSuite } from './matrix.bench';
import { matrixViewSuite } from './matrixView.bench';
import { projectsSuite } from './projects.bench';

const suites: BenchmarkSuite[] = [
  storeSuite,
  graphSuite,
  formatsSuite,
  statementsSuite,
  inventorySuite,
  runnerSuite,
  graphViewSuite,
  problemsSuite,
  resetSuite,
  expectedSchemaSuite,
  schemaSuite,
  schemaCheckSuite,
  rehearsalSuite,
  rolloutSuite,
  matrixSuite,
  matrixViewSuite,
  projectsSuite,
];

const wanted = process.argv.slice(2);
const chosen = suites.filter((suite) => wanted.length === 0 || wanted.some((word) => suite.name.includes(word)));
if (chosen.length === 0) throw new Error(`No suite's name holds ${wanted.join(' or ')}: ${suites.map((s) => s.name).join(', ')}`);

const results: Measure[] = [];
for (const suite of chosen) {
  process.stderr.write(`running ${suite.name}…\n`);
  results.push(...(await suite.run()));
}

const rows = results.map((m) => [
  m.name,
  `${m.value} ${m.unit}`,
  m.baseline === undefined ? '' : `${m.baseline} ${m.unit}`,
  m.ratio === undefined ? '' : `${m.ratio}×`,
  m.goal ?? '',
]);
const headers = ['measure', 'value', 'baseline', 'ratio', 'goal'];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
console.log(line(headers));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));

writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench-results.json');
