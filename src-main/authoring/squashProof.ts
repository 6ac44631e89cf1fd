// Pure: a squash's proof — the original project and the squashed one replayed up and downgraded to
// the run's parent, compared with the schema diff — and the Markdown file saved beside the archive.
import { countOf } from '../../src-shared/format/plural';
import type { SchemaModel } from '../../src-shared/model/schema';
import { proofLines, type ProofCheck, type SquashedRevision, type SquashProof } from '../../src-shared/model/squash';
import { diffSchemas } from '../../src-shared/schema/schemaDiff';
import { schemaSqlScript } from '../../src-shared/schema/schemaComparisonText';

export function proofCheck(check: string, original: SchemaModel, squashed: SchemaModel): ProofCheck {
  return { check, original: original.objects.length, squashed: squashed.objects.length, diff: diffSchemas(original, squashed) };
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
