// A schema comparison in words, for people: each difference in a line, the SQL as a script a person
// reviews (what each statement destroys said above it), and the Markdown report. The CLI prints these
// and the Compare screen exports the same, so both say the same thing.
import { countOf } from '../format/plural';
import { mdCode } from '../model/inventoryExport';
import type { SchemaAttributeValue } from '../model/schema';
import type { ComparedSide, SchemaComparison } from '../model/schemaComparison';
import { allDifferences, type SchemaDiff, type SchemaDifference } from './schemaDiff';
import type { SchemaSql } from './schemaSql';

/** `column "public"."orders"."total"`: the kind, then the key's path as the key spells it. */
export function differenceObject(d: Pick<SchemaDifference, 'kind' | 'key'>): string {
  return `${d.kind} ${d.key.slice(d.kind.length + 1)}`;
}

export function attributeValueText(value: SchemaAttributeValue): string {
  if (value === null) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

/** What differs, in words: `only in <to>`, `only in <from>`, or each changed attribute's two sides. */
export function differenceText(d: SchemaDifference, sides: { from: string; to: string }): string {
  if (d.change === 'added') return `only in ${sides.to}`;
  if (d.change === 'removed') return `only in ${sides.from}`;
  return d.attributes.map((a) => `${a.attribute} ${attributeValueText(a.from)} → ${attributeValueText(a.to)}`).join('; ');
}

/** Its name, and where it was read when that says more (the copy of a snapshot, where a replay ran). */
export function sideInWords(side: ComparedSide): string {
  return side.readFrom === side.name ? side.name : `${side.name} (${side.readFrom})`;
}

export function comparisonSummary(comparison: SchemaComparison): string {
  const { diff } = comparison;
  const apart = comparison.otherApplication?.objects.length ?? 0;
  const setApart = apart === 0 ? '' : ` (${countOf(apart, 'object')} of another application set apart)`;
  if (diff.equal) return `The schemas are the same${setApart}.`;
  return `${countOf(allDifferences(diff).length, 'difference')} in ${countOf(diff.groups.length, 'object')}${setApart}.`;
}

/** Another application's objects the rules set apart (neither counted nor in the SQL), and a rule that could not apply. */
export function setApartLines(comparison: SchemaComparison): string[] {
  const apart = comparison.otherApplication;
  if (!apart) return [];
  return [...apart.objects.map((o) => `${o.kind} ${o.schema}.${o.name} (${o.rule})`), ...apart.notApplied.map((why) => `Rule not applied: ${why}`)];
}

/** The heading above `setApartLines`: whose rules. */
export function setApartHeading(comparison: SchemaComparison): string {
  return `Another application's, by ${comparison.otherApplication?.connection ?? ''}'s rules (not counted, not in the SQL):`;
}

/** Revisions a database records as applied that no file defines: an expected schema cannot hold what they made. */
function unknownAppliedLine(side: ComparedSide): string[] {
  const unknown = side.expected?.unknownApplied ?? [];
  if (unknown.length === 0) return [];
  return [
    `${side.name}: ${countOf(unknown.length, 'revision')} recorded as applied that no file of the project defines (${unknown.join(', ')}) — what they made is not in it`,
  ];
}

/** What neither side's reader could model, or an expected schema could not replay: the diff cannot speak for it. */
export function unreadLines(comparison: SchemaComparison): string[] {
  return [...unknownAppliedLine(comparison.from), ...unknownAppliedLine(comparison.to), ...diffUnreadLines(comparison.diff, sideNames(comparison))];
}

const sideNames = (comparison: SchemaComparison) => ({ from: comparison.from.name, to: comparison.to.name });

/** Each object a side's reader could not model: `<side>: <object> — <reason>`. */
export function diffUnreadLines(diff: SchemaDiff, sides: { from: string; to: string }): string[] {
  return [...diff.unread.from.map((u) => `${sides.from}: ${u.object} — ${u.reason}`), ...diff.unread.to.map((u) => `${sides.to}: ${u.object} — ${u.reason}`)];
}

/** `Note on reading <side>: <note>`: how a read went otherwise than planned (fewer sessions than it meant to share it among…). */
export function sideNoteLines(side: string, notes: readonly string[] = []): string[] {
  return notes.map((note) => `Note on reading ${side}: ${note}`);
}

/** Both sides' notes on their reads, `from`'s first. */
export function diffNoteLines(diff: SchemaDiff, sides: { from: string; to: string }): string[] {
  return [...sideNoteLines(sides.from, diff.notes?.from), ...sideNoteLines(sides.to, diff.notes?.to)];
}

/** How each side's read went otherwise than planned: said beside the diff wherever it is shown. */
export function readNoteLines(comparison: SchemaComparison): string[] {
  return diffNoteLines(comparison.diff, sideNames(comparison));
}

/**
 * The statements as a script: each destructive one announced above it, what no statement carries out
 * listed at the end, inside a transaction unless the statements hold their own.
 */
export function schemaSqlScript(sql: SchemaSql, from: string, to: string): string {
  const lines = [`-- SQL that makes ${from} like ${to}, written by Switchyard. Review it before running it.`];
  if (sql.statements.length === 0) lines.push('-- No statement is needed.');
  else if (!sql.ownTransaction) lines.push('BEGIN;');
  for (const statement of sql.statements) {
    if (statement.destroys !== null) lines.push(`-- DESTRUCTIVE: destroys ${statement.destroys}`);
    lines.push(`${statement.sql};`);
  }
  if (sql.statements.length > 0 && !sql.ownTransaction) lines.push('COMMIT;');
  for (const left of sql.notCovered) lines.push(`-- Not carried out by any statement: ${left.object}: ${left.reason}`);
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function sideCell(d: SchemaDifference, side: 'from' | 'to'): string {
  if (d.change === 'changed') return cell(d.attributes.map((a) => `${a.attribute}: ${attributeValueText(a[side])}`).join('; '));
  const object = d[side];
  return object ? mdCode(cell(object.definition)) : '—';
}

/** The report a DBA attaches to a release: the sides, every difference by object, what was not read, the notes on the reads, and the SQL when asked. */
export function schemaComparisonMarkdown(comparison: SchemaComparison, generatedAt: string, withSql: boolean): string {
  const { from, to, diff } = comparison;
  const lines = [
    `# Schema diff — ${from.name} → ${to.name}`,
    '',
    `Generated by Switchyard on ${generatedAt}.`,
    '',
    `- **From:** ${sideInWords(from)}`,
    `- **To:** ${sideInWords(to)}`,
    '',
    comparisonSummary(comparison),
    '',
  ];
  for (const group of diff.groups) {
    lines.push(`## ${group.kind} ${mdCode(group.object.slice(group.kind.length + 1))}`, '', '| Change | Object | From | To |', '| --- | --- | --- | --- |');
    for (const d of group.differences) lines.push(`| ${d.change} | ${mdCode(cell(differenceObject(d)))} | ${sideCell(d, 'from')} | ${sideCell(d, 'to')} |`);
    lines.push('');
  }
  const unread = unreadLines(comparison);
  if (unread.length > 0) lines.push('## Not read', '', 'The diff cannot speak for these:', '', ...unread.map((u) => `- ${cell(u)}`), '');
  const notes = readNoteLines(comparison);
  if (notes.length > 0) lines.push('## Notes on the read', '', ...notes.map((n) => `- ${cell(n)}`), '');
  const apart = setApartLines(comparison);
  if (apart.length > 0) lines.push('## Other application', '', setApartHeading(comparison), '', ...apart.map((a) => `- ${cell(a)}`), '');
  if (withSql)
    lines.push(`## SQL that makes ${from.name} like ${to.name}`, '', '```sql', schemaSqlScript(comparison.sql, from.name, to.name).trimEnd(), '```', '');
  return lines.join('\n');
}
