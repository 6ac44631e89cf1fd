// `switchyard matrix`: where every environment of a project stands, revision by revision, and what
// each environment lacks of the one before it. --markdown writes the status report teams used to
// write by hand (with the graph as a Mermaid gitGraph); --json the matrix itself.
import { gapSentence, matrixMarkdown } from '../../../src-shared/matrix/matrixMarkdown';
import type { Matrix } from '../../../src-shared/model/matrix';
import type { Command } from '../command';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';

const usage = `Usage:
  switchyard matrix --project NAME [--json | --markdown]

  Reads every connection of every environment of the project (a few at a time) and prints, for each
  revision (newest first), where each connection stands: applied, pending, failed, changed or unknown
  (a connection that cannot be read: its error is printed, its column is unknown). Then what each
  environment lacks of the one before it, in plan order, and whether that is a plain upgrade or needs
  a downgrade first. On a project with bindings each connection is the database of its role: it shows
  (—) and compares only its own branches, against the previous environment's database of that role.
  --markdown   the status report: per environment applied, pending per branch, missing tables,
               anomalies; the gaps; the graph as a Mermaid gitGraph
  --json       { project, readAt, rows, columns: [{ environment, profileName, error, heads, cells… }], environments, gaps, anomalies }`;

const stateMark: Record<string, string> = { applied: 'applied', pending: '·', failed: 'FAILED', changed: 'CHANGED', unknown: '?', elsewhere: '—' };

function printText(matrix: Matrix): void {
  const headers = ['REVISION', ...matrix.columns.map((c) => `${c.environment}/${c.profileName}${matrix.bindings ? ` (${c.role})` : ''}`)];
  printTable(
    headers,
    matrix.rows.map((row, i) => [row.id, ...matrix.columns.map((c) => stateMark[c.cells[i]?.state ?? 'unknown'] ?? '?')]),
  );
  const unread = matrix.columns.filter((c) => c.error);
  for (const c of unread) say(`${c.environment}/${c.profileName} could not be read: ${c.error?.message ?? ''} [${c.error?.code ?? ''}]\n`);
  for (const env of matrix.environments) if (env.columns.length === 0) say(`${env.name} has no connections.\n`);
  for (const c of matrix.columns) {
    if ((c.foreign?.length ?? 0) > 0)
      say(`${c.environment}/${c.profileName} (the ${c.role} database) records ${c.foreign?.join(', ')}, which live on another database.\n`);
  }
  if (matrix.bindings) say(`Databases, in binding order: ${matrix.bindings.databases.map((d) => `${d.role} (${d.labels.join(', ')})`).join(', ')}.\n`);
  for (const a of matrix.bindings?.anomalies ?? []) say(`Binding anomaly: ${a.message}\n`);
  for (const gap of matrix.gaps) say(`${gapSentence(gap).replace(/`/g, '')}.\n`);
  if (matrix.anomalies.length > 0) say(`The project has ${matrix.anomalies.length} anomalies: switchyard graph shows them.\n`);
}

export const matrixCommand: Command = {
  name: 'matrix',
  summary: 'every environment of a project, revision by revision, and what each lacks of the one before it',
  usage,
  async run(args) {
    const { values } = parseFlags(args, { options: { project: { type: 'string' }, json: { type: 'boolean' }, markdown: { type: 'boolean' } } }, usage);
    if (!values.project) throw new UsageError(`Give --project NAME (a stored project: switchyard projects list).\n\n${usage}`);
    if (values.json && values.markdown) throw new UsageError(`--json and --markdown do not go together.\n\n${usage}`);
    const services = await openServices();
    try {
      const matrix = await call(services, 'matrix.load', { project: values.project, tables: Boolean(values.markdown) });
      if (values.json) printJson(matrix);
      else if (values.markdown) say(matrixMarkdown(matrix));
      else printText(matrix);
      return 0;
    } finally {
      services.close();
    }
  },
};
