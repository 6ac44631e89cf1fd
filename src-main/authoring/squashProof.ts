// Pure: a squash's proof — the original project and the squashed one replayed up and downgraded to
// the run's parent, compared with the schema diff — and the Markdown file saved beside the archive.
import { countOf } from '../../src-shared/format/plural';
import type { SchemaModel } from '../../src-shared/model/schema';
import { allDifferences, diffSchemas, type SchemaDiff } from '../../src-shared/schema/schemaDiff';
import { differenceObject, differenceText, schemaSqlScript } from '../../src-shared/schema/schemaComparisonText';
import type { SquashedRevision } from './squashFiles';

export interface ProofCheck {
  /** What was compared, in words. */
  check: string;
  /** Objects each side holds (bookkeeping aside). */
  original: number;
  squashed: number;
  /** The way from the original's schema to the squashed one's: empty when they are identical. */
  diff: SchemaDiff;
}

export interface SquashProof {
  up: ProofCheck;
  down: ProofCheck;
  /** Set when the original could not be downgraded: the squashed downgrade was compared with the original upgraded to the parent instead. */
  downNote?: string;
  replayedIn: string;
  proven: boolean;
}

export function proofCheck(check: string, original: SchemaModel, squashed: SchemaModel): ProofCheck {
  return { check, original: original.objects.length, squashed: squashed.objects.length, diff: diffSchemas(original, squashed) };
}

export function proofLines(proof: SquashProof): string[] {
  const lines: string[] = [];
  for (const c of [proof.up, proof.down]) {
    const verdict = c.diff.equal ? 'identical (diff empty)' : `${countOf(allDifferences(c.diff).length, 'difference')}`;
    lines.push(`${c.check}: original ${countOf(c.original, 'object')}, squashed ${countOf(c.squashed, 'object')} — ${verdict}`);
    for (const d of allDifferences(c.diff)) lines.push(`  ${differenceObject(d)}: ${differenceText(d, { from: 'the original', to: 'the squashed project' })}`);
  }
  if (proof.downNote) lines.push(`note: ${proof.downNote}`);
  return lines;
}

export interface ProofDocument {
  revision: SquashedRevision;
  project: string;
  engine: string;
  files: Array<{ revision: string; from: string; to: string }>;
  proof: SquashProof;
  madeAt: string;
}

export function squashProofMarkdown(doc: ProofDocument): string {
  const { revision: r, proof } = doc;
  const first = r.replaces[0] ?? '';
  const last = r.replaces[r.replaces.length - 1] ?? '';
  return [
    `# Squash of ${first}..${last} into ${r.id}`,
    '',
    `Made by Switchyard at ${doc.madeAt} in \`${doc.project}\` (${doc.engine}), replayed in ${proof.replayedIn}.`,
    `${countOf(r.replaces.length, 'revision')} replaced by \`${r.id}\` (“${r.message}”), parent ${r.parent ?? 'none (a root)'}.`,
    '',
    '## Proof',
    '',
    `Result: **${proof.proven ? 'proven' : 'NOT proven'}**.`,
    '',
    ...proofLines(proof).map((line) => `    ${line}`),
    '',
    '## Archived files',
    '',
    '| Revision | Was | Now |',
    '| --- | --- | --- |',
    ...doc.files.map((f) => `| ${f.revision} | \`${f.from}\` | \`${f.to}\` |`),
    '',
    '## The squashed revision’s SQL',
    '',
    '```sql',
    schemaSqlScript(r.up, `the schema at ${r.parent ?? 'base'}`, `the schema at ${last}`).trimEnd(),
    '```',
    '',
    '```sql',
    schemaSqlScript(r.down, `the schema at ${last}`, `the schema at ${r.parent ?? 'base'}`).trimEnd(),
    '```',
    '',
  ].join('\n');
}
