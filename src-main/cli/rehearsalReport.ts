// A rehearsal as a terminal prints it: how the clone was made, each revision's time, the failure with
// its file and line, the locks on existing tables in plain words, and the schema change (with what
// its reads of the clone could not do).
import { lockSentence, rehearsalReadLines, type Rehearsal } from '../../src-shared/model/rehearsal';
import { countOf } from '../../src-shared/format/plural';
import { allDifferences } from '../../src-shared/schema/schemaDiff';

const signs = { added: '+', removed: '-', changed: '~' } as const;

export function rehearsalReport(rehearsal: Rehearsal): string {
  const { request, steps, locks, schemaChange } = rehearsal;
  const lines = [
    `Rehearsal of ${request.action} to ${request.to} on ${rehearsal.target}: ${rehearsal.ok ? 'succeeded' : 'FAILED'} in ${rehearsal.totalMs} ms`,
    `  on ${rehearsal.clone.description}`,
    ...steps.map((s) => `  ${s.direction === 'up' ? '▲' : '▼'} ${s.revision} ${s.message} (${s.file})  ${s.durationMs} ms`),
  ];
  if (rehearsal.failure) lines.push(`  failed: ${rehearsal.failure.message}`, `  [${rehearsal.failure.code}]`);
  lines.push(`Locks on existing tables (${rehearsal.locksNote}):`);
  lines.push(...(locks.length === 0 ? ['  none seen'] : locks.map((lock) => `  ${lockSentence(lock)}`)));
  const differences = schemaChange ? allDifferences(schemaChange) : [];
  lines.push(`Schema change: ${differences.length === 0 ? 'none' : countOf(differences.length, 'difference')}`);
  for (const d of differences) lines.push(`  ${signs[d.change]} ${d.kind} ${d.key.slice(d.key.indexOf(':') + 1)}`);
  lines.push(...rehearsalReadLines(rehearsal).map((line) => `  ${line}`));
  lines.push(`The clone was dropped; ${rehearsal.target} itself was only read.`);
  return `${lines.join('\n')}\n`;
}
