// `switchyard diff`: the schema diff of any two of a connection, a snapshot and what a project's
// migrations make, for people (text, Markdown) and for CI (its exit code: 4 when they differ).
import type { SchemaComparison, SchemaSide } from '../../../src-shared/model/schemaComparison';
import {
  comparisonSummary,
  sideInWords,
  differenceObject,
  differenceText,
  schemaComparisonMarkdown,
  schemaSqlScript,
  readNoteLines,
  setApartHeading,
  setApartLines,
  unreadLines,
} from '../../../src-shared/schema/schemaComparisonText';
import type { Services } from '../../services';
import type { Command } from '../command';
import { openServices } from '../openServices';
import { printJson, say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';
import { parseSchemaSpec, schemaSpecUsage, type TypedSide } from '../schemaSpec';
import { targetRefOf } from '../targetFlags';

/** The exit code that tells CI the schemas differ: not a failure of the command (1), not a usage error (2). */
export const schemasDifferExitCode = 4;

const usage = `Usage:
  switchyard diff --from SPEC --to SPEC [--sql] [--json|--markdown]

  Compares two schemas: every table, column, constraint, index, view, function, trigger… that one has
  and the other has not, or has otherwise. Column order, names the server made up and whitespace in
  bodies do not count unless --column-order, --generated-names or --whitespace say they do.
  A saved connection's exclusion rules (the side FROM's, else TO's) set another application's objects
  apart, as drift does: listed, never counted, and no statement of --sql touches them.

  --sql          print the statements that turn FROM into TO (destructive ones marked), instead of the differences;
                 what was not read and the notes on the reads end it as comments
  --json         { from, to, diff: { equal, groups, unread, notes }, sql: { statements, ownTransaction, notCovered }, otherApplication? }
  --markdown     the report: both sides, every difference by object, what was not read, notes on the reads (and the SQL with --sql)
  Exit codes: 0 the schemas are the same, 4 they differ, 1 an error, 2 a usage error.

${schemaSpecUsage}`;

const options = {
  from: { type: 'string' },
  to: { type: 'string' },
  sql: { type: 'boolean' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  'column-order': { type: 'boolean' },
  'generated-names': { type: 'boolean' },
  whitespace: { type: 'boolean' },
} as const;

/** A profile's name looked up in the store, a URL checked (and warned about when it holds a password) as --url is. */
function sideOf(typed: TypedSide, services: Services): SchemaSide {
  if ('profileName' in typed) return { kind: 'connection', target: targetRefOf({ profile: typed.profileName }, services) };
  if (typed.kind === 'connection' && 'url' in typed.target) return { kind: 'connection', target: targetRefOf({ url: typed.target.url }, services) };
  return typed;
}

const needsStore = (side: TypedSide) => 'profileName' in side || side.kind === 'snapshot';

function printText(comparison: SchemaComparison): void {
  const sides = { from: 'FROM', to: 'TO' };
  const lines = [`FROM ${sideInWords(comparison.from)}`, `TO   ${sideInWords(comparison.to)}`, ''];
  for (const group of comparison.diff.groups) {
    lines.push(differenceObject({ kind: group.kind, key: group.object }));
    for (const d of group.differences)
      lines.push(`  ${{ added: '+', removed: '-', changed: '~' }[d.change]} ${differenceObject(d)}: ${differenceText(d, sides)}`);
  }
  if (comparison.diff.groups.length > 0) lines.push('');
  lines.push(comparisonSummary(comparison));
  const unread = unreadLines(comparison);
  if (unread.length > 0) lines.push('', 'Not read (the diff cannot speak for these):', ...unread.map((u) => `  ${u}`));
  const notes = readNoteLines(comparison);
  if (notes.length > 0) lines.push('', ...notes);
  const apart = setApartLines(comparison);
  if (apart.length > 0) lines.push('', setApartHeading(comparison), ...apart.map((a) => `  ${a}`));
  say(`${lines.join('\n')}\n`);
}

/** The script, then as comments what it cannot speak for; each comment one line, whatever a name holds. */
function sqlText(comparison: SchemaComparison): string {
  const said = [
    ...unreadLines(comparison).map((u) => `-- Not read, so no statement here covers it: ${u}`),
    ...readNoteLines(comparison).map((n) => `-- ${n}`),
    ...setApartLines(comparison).map((a) => `-- Another application's, so no statement here touches it: ${a}`),
  ].map((line) => line.replace(/[\r\n]+/g, ' '));
  const script = schemaSqlScript(comparison.sql, comparison.from.name, comparison.to.name);
  return said.length === 0 ? script : `${script}${said.join('\n')}\n`;
}

async function run(args: string[]): Promise<number> {
  const { values: flags } = parseFlags(args, { options }, usage);
  if (!flags.from || !flags.to) throw new UsageError(`Give both --from and --to.\n\n${usage}`);
  if (flags.json && flags.markdown) throw new UsageError('Choose one of --json and --markdown.');
  const from = parseSchemaSpec(flags.from, '--from');
  const to = parseSchemaSpec(flags.to, '--to');
  // Only a saved connection or a snapshot needs the store; URLs and projects run unattended.
  const services = await openServices({ store: needsStore(from) || needsStore(to) ? 'required' : 'unattended' });
  let comparison: SchemaComparison;
  try {
    comparison = await services.schemaComparison.compare(sideOf(from, services), sideOf(to, services), {
      columnOrder: Boolean(flags['column-order']),
      generatedNames: Boolean(flags['generated-names']),
      whitespace: Boolean(flags.whitespace),
    });
  } finally {
    services.close();
  }
  if (flags.json) printJson(comparison);
  else if (flags.markdown) say(schemaComparisonMarkdown(comparison, new Date().toISOString(), Boolean(flags.sql)));
  else if (flags.sql) say(sqlText(comparison));
  else printText(comparison);
  return comparison.diff.equal ? 0 : schemasDifferExitCode;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'the schema diff of two databases, snapshots or projects, and the SQL that makes one like the other',
  usage,
  run,
};
