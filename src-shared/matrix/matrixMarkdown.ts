// The status report the teams in the field wrote by hand, generated from the matrix: per environment
// what is applied, what is pending per branch, the tables missing, the anomalies; the gaps between
// neighbouring environments; the graph drawn as a Mermaid gitGraph.
import { formatMoment } from '../format/moment';
import { countOf } from '../format/plural';
import { anomalyName } from '../graph/anomalyNames';
import type { Matrix, MatrixColumn, NeighbourGap } from '../model/matrix';
import { mermaidGitGraph } from './mermaidGitGraph';

const code = (id: string) => `\`${id}\``;
const ids = (list: readonly string[]) => list.map(code).join(', ');

function cellsIn(matrix: Matrix, column: MatrixColumn, state: 'changed' | 'failed'): string[] {
  return column.cells.flatMap((cell, i) => {
    if (cell.state !== state) return [];
    const row = matrix.rows[i];
    if (!row) return [];
    const when = cell.at ? `, ${formatMoment(cell.at)}` : '';
    const who = cell.by ? ` by ${cell.by}` : '';
    return [`${code(row.id)}${when}${who}: ${cell.note ?? state}`];
  });
}

function columnSection(matrix: Matrix, column: MatrixColumn): string[] {
  const title = `### ${column.environment}: ${column.profileName}${column.role === 'main' ? '' : ` (${column.role})`}${column.production ? ' (production)' : ''}`;
  if (column.error) return [title, '', `**Not read**: ${column.error.message} (${column.error.code}). Every revision is unknown here.`, ''];
  const applied = column.counts.applied + column.counts.changed;
  const pending = column.counts.pending + column.counts.failed;
  const lines = [title, ''];
  lines.push(`- **Applied**: ${countOf(applied, 'revision')}${column.heads.length > 0 ? `; at ${ids(column.heads)}` : ''}`);
  lines.push(`- **Pending**: ${pending === 0 ? 'nothing, up to date' : countOf(pending, 'revision')}`);
  for (const branch of column.pendingByBranch) lines.push(`  - towards ${code(branch.head)}: ${ids(branch.revisions)}`);
  const failed = cellsIn(matrix, column, 'failed');
  if (failed.length > 0) lines.push(`- **Failed**:`, ...failed.map((f) => `  - ${f}`));
  const changed = cellsIn(matrix, column, 'changed');
  if (changed.length > 0) lines.push(`- **Changed since applied**:`, ...changed.map((c) => `  - ${c}`));
  if (column.missingTables === undefined) lines.push('- **Missing tables**: not read');
  else lines.push(`- **Missing tables**: ${column.missingTables.length === 0 ? 'none' : column.missingTables.map(code).join(', ')}`);
  const anomalies = [
    ...(column.runRefusal ? [column.runRefusal] : []),
    ...(column.unknownApplied.length > 0 ? [`recorded as applied but in no file of the project: ${ids(column.unknownApplied)}`] : []),
    ...((column.foreign?.length ?? 0) > 0 ? [`recorded as applied but living on another database: ${ids(column.foreign ?? [])}`] : []),
  ];
  lines.push(`- **Anomalies**: ${anomalies.length === 0 ? 'none' : ''}`, ...anomalies.map((a) => `  - ${a}`));
  lines.push('');
  return lines;
}

/** A gap in words: "prod lacks 3 revisions of staging: a, b, c (a plain upgrade)". */
export function gapSentence(gap: NeighbourGap): string {
  if (gap.kind === 'unknown') return `${gap.to} against ${gap.from}: unknown (${gap.note ?? 'not read'})`;
  if (gap.kind === 'level') return `${gap.to} has everything ${gap.from} has`;
  const apply = gap.toApply.length > 0 ? `${gap.to} lacks ${countOf(gap.toApply.length, 'revision')} of ${gap.from}: ${ids(gap.toApply)}` : '';
  if (gap.kind === 'upgrade') return `${apply} (a plain upgrade)`;
  const revert = `${gap.to} has ${countOf(gap.toRevert.length, 'revision')} ${gap.from} has not, reverted first: ${ids(gap.toRevert)}`;
  return apply ? `${apply}; ${revert} (a downgrade first)` : `${revert} (a downgrade first)`;
}

export function matrixMarkdown(matrix: Matrix, timeZone?: string): string {
  const lines = [
    `# Migration status: ${matrix.project.name}`,
    '',
    `Read ${formatMoment(matrix.readAt, timeZone)} from ${countOf(matrix.columns.length, 'connection')}. Format ${matrix.project.format}, folder ${code(matrix.project.dir)}: ${countOf(matrix.rows.length, 'revision')}, heads ${ids(matrix.heads)}.`,
    '',
    '## Graph',
    '',
  ];
  const drawing = mermaidGitGraph(matrix.rows);
  if (drawing.source) lines.push('```mermaid', drawing.source, '```', '');
  else lines.push(drawing.note ?? '', '');
  if (matrix.bindings) {
    lines.push('## Databases', '');
    for (const d of matrix.bindings.databases) lines.push(`- **${d.role}**: ${ids(d.labels)}`);
    lines.push('', 'Each connection is the database of its role: it is read, compared and promoted on its own branches only.', '');
  }
  lines.push('## Environments', '');
  for (const environment of matrix.environments) {
    if (environment.columns.length === 0) {
      lines.push(`### ${environment.name}`, '', 'No connections in this environment.', '');
      continue;
    }
    for (const index of environment.columns) {
      const column = matrix.columns[index];
      if (column) lines.push(...columnSection(matrix, column));
    }
  }
  if (matrix.gaps.length > 0) {
    lines.push('## Promotion', '');
    for (const gap of matrix.gaps) lines.push(`- ${gapSentence(gap)}`);
    lines.push('');
  }
  lines.push('## Anomalies of the project', '');
  const bindingAnomalies = matrix.bindings?.anomalies ?? [];
  if (matrix.anomalies.length === 0 && bindingAnomalies.length === 0) lines.push('None.');
  for (const anomaly of bindingAnomalies) lines.push(`- binding: ${anomaly.message}`);
  for (const anomaly of matrix.anomalies) {
    const where = anomaly.file ? ` (${anomaly.file}${anomaly.line ? `:${anomaly.line}` : ''})` : '';
    lines.push(`- ${anomalyName(anomaly.kind)}: ${anomaly.message}${where}`);
  }
  return `${lines.join('\n')}\n`;
}
