// A rollout's summary as a file: Markdown for a status report, CSV for a spreadsheet. The same for the
// CLI, the API and the app.
import { csvCell } from './inventoryExport';
import { rehearsalOutcomeSentence } from './rehearsalOutcome';
import { rolloutItemSentence, type Rollout, type RolloutExportFormat } from './rollout';
import { runFailureLocation } from './runFailure';

export interface RolloutExport {
  fileName: string;
  mediaType: string;
  text: string;
}

/** "28 done, 1 failed, 1 locked of 30": the counts in words, the zero ones left out. */
export function rolloutCountsSentence(rollout: Pick<Rollout, 'counts'>): string {
  const { total, done, failed, locked, unfinished } = rollout.counts;
  const parts = [
    `${done} done`,
    ...(failed ? [`${failed} failed`] : []),
    ...(locked ? [`${locked} locked`] : []),
    ...(unfinished ? [`${unfinished} not finished`] : []),
  ];
  return `${parts.join(', ')} of ${total}`;
}

/** A rollout of a project with bindings: each database is a role, said beside its name. */
export function rolloutHasRoles(rollout: Pick<Rollout, 'items'>): boolean {
  return rollout.items.some((item) => item.role !== undefined);
}

/** Whether a rollout's rows say their rehearsal: some database rehearsed or had its rehearsal skipped (dev and test ones are never asked). */
export function rolloutHasRehearsals(rollout: Pick<Rollout, 'items'>): boolean {
  return rollout.items.some((item) => item.rehearsal !== undefined && item.rehearsal.state !== 'notAsked' && item.rehearsal.state !== 'nothing');
}

const rehearsalModeWords = {
  canary: 'the first staging or production database of each role rehearsed on a clone first (canary)',
  each: 'every staging and production database rehearsed on a clone first',
  skip: 'not rehearsed (--no-rehearse)',
} as const;

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function rolloutMarkdown(rollout: Rollout): string {
  const roles = rolloutHasRoles(rollout);
  const rehearsals = rolloutHasRehearsals(rollout);
  const lines = [
    `# Rollout to ${rollout.request.to} — ${rollout.scope}`,
    '',
    `Rollout ${rollout.id}, started ${rollout.createdAt} by ${rollout.actor}; ${rollout.state}${rollout.finishedAt ? ` at ${rollout.finishedAt}` : ''}.`,
    `${rolloutCountsSentence(rollout)}; ${rollout.request.concurrency} at a time, ${rollout.request.continueOnError ? 'continuing after a failure' : 'stopping at the first failure'}${rehearsals ? `; ${rehearsalModeWords[rollout.request.rehearsal]}` : ''}.`,
    '',
    `| # | Database |${roles ? ' Role |' : ''} State | Applied | What happened |${rehearsals ? ' Rehearsal |' : ''}`,
    `| ---: | --- |${roles ? ' --- |' : ''} --- | ---: | --- |${rehearsals ? ' --- |' : ''}`,
    ...rollout.items.map(
      (item) =>
        `| ${item.position + 1} | ${markdownCell(item.name)} |${roles ? ` ${markdownCell(item.role ?? '')} |` : ''} ${item.state} | ${item.applied.length} | ${markdownCell(rolloutItemSentence(item))} |${rehearsals ? ` ${markdownCell(item.rehearsal ? rehearsalOutcomeSentence(item.rehearsal) : '')} |` : ''}`,
    ),
    '',
  ];
  return lines.join('\n');
}

const csvHeader = [
  'position',
  'database',
  'state',
  'applied',
  'revisions',
  'holder',
  'failure_code',
  'failure_location',
  'failure',
  'started_at',
  'finished_at',
  // Last, so the columns before keep their places: empty unless the project has bindings.
  'role',
];

export function rolloutCsv(rollout: Rollout): string {
  const rows = rollout.items.map((item) => [
    item.position + 1,
    item.name,
    item.state,
    item.applied.length,
    item.applied.join(' '),
    item.holder ?? '',
    item.failure?.code ?? '',
    runFailureLocation(item.failure),
    item.failure?.message ?? '',
    item.startedAt ?? '',
    item.finishedAt ?? '',
    item.role ?? '',
  ]);
  return [csvHeader, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function rolloutExport(rollout: Rollout, format: RolloutExportFormat): RolloutExport {
  const base = `rollout-${rollout.id.slice(0, 8)}`;
  return format === 'csv'
    ? { fileName: `${base}.csv`, mediaType: 'text/csv', text: rolloutCsv(rollout) }
    : { fileName: `${base}.md`, mediaType: 'text/markdown', text: rolloutMarkdown(rollout) };
}
