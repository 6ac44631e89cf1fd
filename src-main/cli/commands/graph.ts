// `switchyard graph`: a migration project's revisions, heads, bases and anomalies.
import { projectFormats, type Anomaly } from '../../../src-shared/model/revision';
import { renderAsciiGraph } from '../../../src-shared/graph/asciiGraph';
import { anomalyName } from '../../../src-shared/graph/anomalyNames';
import { countOf } from '../../../src-shared/format/plural';
import { graphReport, loadProject } from '../../migrations/project';
import { analyseTables, tablesCreatedTwice } from '../../migrations/staticAnalysis';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { printJson, say, UsageError } from '../output';
import { appliedOption, engineOption, formatOption, projectOptions } from './projectOptions';

const usage = `Usage:
  switchyard graph --project DIR [--format NAME] [--engine postgres|sqlite] [--applied REV,REV...] [--json]

  --project   the migrations folder, or a folder holding alembic.ini, sqitch.plan…
  --format    skip detection and read the project in this format: ${projectFormats.join(', ')}
  --engine    the engine whose files to take where a format has per-engine files (pop); default postgres
  --applied   revisions a database records; those no file defines are reported
  --json      print { revisions, heads, bases, anomalies, ... } (see the README)`;

function parse(args: string[]) {
  return parseFlags(args, { options: projectOptions }, usage).values;
}

function anomalyLine(anomaly: Anomaly): string {
  const where = anomaly.file === null ? '' : `${anomaly.file}${anomaly.line === null ? '' : `:${anomaly.line}`}: `;
  return `  ${where}[${anomalyName(anomaly.kind)}] ${anomaly.message.startsWith(where.trim()) ? anomaly.message.slice(where.trim().length).trim() : anomaly.message}`;
}

async function run(args: string[]): Promise<number> {
  const flags = parse(args);
  if (!flags.project) throw new UsageError(`--project is required\n\n${usage}`);
  const project = loadProject(flags.project, {
    format: formatOption(flags.format),
    engine: engineOption(flags.engine),
    recorded: appliedOption(flags.applied),
  });
  const tables = await analyseTables(project.files.files, project.files.format);
  const report = graphReport(project, tablesCreatedTwice(project.graph, tables));
  if (flags.json) {
    printJson(report);
    return 0;
  }
  const { graph } = project;
  const out = [
    renderAsciiGraph(graph),
    `${graph.revisions.length} revisions (${report.format}: ${report.detection}) in ${report.project}`,
    `heads: ${graph.heads.join(', ') || '(none)'}`,
    `bases: ${graph.bases.join(', ') || '(none)'}`,
  ];
  if (report.anomalies.length === 0) out.push('no anomalies');
  else out.push(`${countOf(report.anomalies.length, 'anomaly', 'anomalies')}:`, ...report.anomalies.map(anomalyLine));
  say(`${out.join('\n')}\n`);
  return 0;
}

export const graphCommand: Command = {
  name: 'graph',
  summary: 'show a migration project as a graph: revisions, heads, bases, anomalies',
  usage,
  run,
};
