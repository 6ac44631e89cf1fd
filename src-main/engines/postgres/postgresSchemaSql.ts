// PostgreSQL's "SQL to make B like A": from the diff of B (`from`, the database to change) to A (`to`),
// the statements in an order the server accepts. Drops first, dependents before what they need (a
// view before the columns it reads, a foreign key before the table it references); then creations and
// changes, each after what it needs (schemas and types before tables, functions before the triggers
// that call them); foreign keys last. Anything PostgreSQL cannot change in place (a view, an index, a
// constraint, a column's generated expression) is dropped and created again, with everything that
// depends on it; a column's new type takes the views, policies and triggers that read it along.
// Identifiers come from the keys, which quote every part, or through quoteIdentifier: never as typed.
import type { SchemaModel, SchemaObject, SchemaObjectOf } from '../../../src-shared/model/schema';
import { allDifferences, type SchemaDiff, type SchemaDifference } from '../../../src-shared/schema/schemaDiff';
import type { SchemaSql, SchemaStatement } from '../../../src-shared/schema/schemaSql';
import { quoteIdentifier } from '../../drivers/identifier';
import {
  counterpart,
  dependencyOrder,
  indexModel,
  insideOneOf,
  refuseOtherEngines,
  withDependents,
  type ChangeStep,
  type ModelIndex,
} from '../../schema/schemaChangeOrder';

/** The SQL spelling of a key's object: its path, every part quoted (`"public"."orders"`, `"s"."f"(integer)`). */
function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** Among steps free to run together: what others are made of first, foreign keys last. */
const rank: Record<SchemaObject['kind'], number> = {
  schema: 0,
  extension: 1,
  enum: 2,
  domain: 3,
  sequence: 4,
  function: 5,
  procedure: 5,
  table: 6,
  partition: 7,
  column: 8,
  'primary key': 9,
  unique: 10,
  check: 11,
  exclusion: 12,
  index: 13,
  view: 14,
  'materialized view': 15,
  trigger: 16,
  policy: 17,
  comment: 18,
  'foreign key': 19,
};

/** Column changes that PostgreSQL refuses while a view, rule, policy or trigger reads the column. */
const typeAttributes = new Set(['type', 'collation']);
const readersOfAColumn = new Set<SchemaObject['kind']>(['view', 'materialized view', 'policy', 'trigger']);
const holdsData = new Set<SchemaObject['kind']>(['table', 'partition', 'column']);

function statement(object: SchemaObject, sql: string, destroys: string | null = null): SchemaStatement {
  return { sql, object: object.key, destroys };
}

function alterTable(member: SchemaObject, clause: string): string {
  return `ALTER TABLE ${nameOf(member.parent ?? '')} ${clause}`;
}

function dropStatement(object: SchemaObject): SchemaStatement {
  const name = nameOf(object.key);
  const on = () => nameOf(object.parent ?? '');
  switch (object.kind) {
    case 'schema':
      return statement(object, `DROP SCHEMA ${name}`, `schema ${name}`);
    case 'extension':
      return statement(object, `DROP EXTENSION ${name}`, `extension ${name} and its objects`);
    case 'enum':
      return statement(object, `DROP TYPE ${name}`, `type ${name}`);
    case 'domain':
      return statement(object, `DROP DOMAIN ${name}`, `domain ${name}`);
    case 'sequence':
      // A sequence owned by a column that goes first goes with it.
      return statement(object, `DROP SEQUENCE IF EXISTS ${name}`, `sequence ${name} and its current value`);
    case 'function':
    case 'procedure':
      return statement(object, `DROP ${object.kind.toUpperCase()} ${name}`, `${object.kind} ${name}`);
    case 'table':
    case 'partition':
      return statement(object, `DROP TABLE ${name}`, `table ${name} and its rows`);
    case 'column':
      return statement(object, alterTable(object, `DROP COLUMN ${quoteIdentifier(object.name)}`), `column ${name} and its values`);
    case 'primary key':
    case 'unique':
    case 'foreign key':
    case 'check':
    case 'exclusion':
      // A constraint on a column dropped before it went with the column.
      return statement(object, alterTable(object, `DROP CONSTRAINT IF EXISTS ${quoteIdentifier(object.name)}`), `${object.kind} constraint ${name}`);
    case 'index':
      return statement(object, `DROP INDEX IF EXISTS ${name}`, `index ${name}`);
    case 'view':
      return statement(object, `DROP VIEW ${name}`, `view ${name}`);
    case 'materialized view':
      return statement(object, `DROP MATERIALIZED VIEW ${name}`, `materialized view ${name} and its rows`);
    case 'trigger':
      return statement(object, `DROP TRIGGER IF EXISTS ${quoteIdentifier(object.name)} ON ${on()}`, `trigger ${name}`);
    case 'policy':
      return statement(object, `DROP POLICY IF EXISTS ${quoteIdentifier(object.name)} ON ${on()}`, `policy ${name}`);
    case 'comment':
      return statement(object, withoutComment(object), `comment on ${nameOf(object.parent ?? object.key)}`);
  }
}

/** `COMMENT ON … IS '…'` made `COMMENT ON … IS NULL`, which is how a comment is removed. */
function withoutComment(comment: SchemaObject): string {
  return comment.definition.replace(/\s+IS\s+E?'(?:[^']|'')*'\s*;?\s*$/s, ' IS NULL');
}

/** A new table with its own columns in one statement: the columns' definitions are its lines. */
function createTable(table: SchemaObjectOf<'table'>, columns: SchemaObject[]): string {
  const { persistence, inherits, partitionBy } = table.attributes;
  const lines = columns.map((c) => `  ${c.definition}`).join(',\n');
  const inheritsClause = inherits.length === 0 ? '' : ` INHERITS (${inherits.map(nameOf).join(', ')})`;
  const partitionClause = partitionBy === null ? '' : ` PARTITION BY ${partitionBy}`;
  return `CREATE ${persistence === 'unlogged' ? 'UNLOGGED ' : ''}TABLE ${nameOf(table.key)} (\n${lines}\n)${inheritsClause}${partitionClause}`;
}

function createSequence(sequence: SchemaObjectOf<'sequence'>): string {
  const a = sequence.attributes;
  return (
    `CREATE SEQUENCE ${nameOf(sequence.key)} AS ${a.type} INCREMENT BY ${a.increment} MINVALUE ${a.min} MAXVALUE ${a.max} ` +
    `START WITH ${a.start} CACHE ${a.cache}${a.cycle ? ' CYCLE' : ' NO CYCLE'}`
  );
}

function ownedBy(sequence: SchemaObjectOf<'sequence'>): string {
  return `ALTER SEQUENCE ${nameOf(sequence.key)} OWNED BY ${sequence.attributes.ownedBy === null ? 'NONE' : nameOf(sequence.attributes.ownedBy)}`;
}

/** A trigger that is not simply enabled says so after it is created: pg_get_triggerdef leaves that out. */
const triggerStates: Record<string, string> = { D: 'DISABLE TRIGGER', R: 'ENABLE REPLICA TRIGGER', A: 'ENABLE ALWAYS TRIGGER', O: 'ENABLE TRIGGER' };

function triggerState(trigger: SchemaObjectOf<'trigger'>): string {
  return alterTable(trigger, `${triggerStates[trigger.attributes.enabled] ?? 'ENABLE TRIGGER'} ${quoteIdentifier(trigger.name)}`);
}

/** Row security is a table's switch, not part of CREATE TABLE. */
function rowSecurity(table: SchemaObjectOf<'table' | 'partition'>): SchemaStatement[] {
  const name = nameOf(table.key);
  return [
    ...(table.attributes.rowSecurity ? [statement(table, `ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY`)] : []),
    ...(table.attributes.forceRowSecurity ? [statement(table, `ALTER TABLE ${name} FORCE ROW LEVEL SECURITY`)] : []),
  ];
}

/** The statements that create an object as `to` has it; a table's columns come with it. */
function createStatements(object: SchemaObject, columnsOf: (table: string) => SchemaObject[]): SchemaStatement[] {
  switch (object.kind) {
    case 'table':
      return [statement(object, createTable(object, columnsOf(object.key))), ...rowSecurity(object)];
    case 'partition':
      return [statement(object, object.definition), ...rowSecurity(object)];
    case 'sequence':
      return [statement(object, createSequence(object))];
    case 'column':
      return [statement(object, alterTable(object, `ADD COLUMN ${object.definition}`))];
    case 'primary key':
    case 'unique':
    case 'foreign key':
    case 'check':
    case 'exclusion':
      return [statement(object, alterTable(object, `ADD CONSTRAINT ${quoteIdentifier(object.name)} ${object.definition}`))];
    case 'trigger':
      return object.attributes.enabled === 'O'
        ? [statement(object, object.definition)]
        : [statement(object, object.definition), statement(object, triggerState(object))];
    default:
      // Schemas, extensions, types, functions, indexes, views, policies and comments: the
      // server's own CREATE (or COMMENT ON) statement, as the reader keeps it.
      return [statement(object, object.definition)];
  }
}

/** Why a change is left to a person: PostgreSQL has no statement for it that keeps the data. */
type Alteration = { statements: SchemaStatement[] } | { recreate: true } | { notCovered: string };

function changed(d: SchemaDifference, attribute: string): boolean {
  return d.attributes.some((a) => a.attribute === attribute);
}

function alterColumn(d: SchemaDifference, from: SchemaObjectOf<'column'>, to: SchemaObjectOf<'column'>): Alteration {
  if (changed(d, 'generated') || changed(d, 'generatedKind')) {
    if (to.attributes.generated !== null) return { recreate: true };
  }
  const column = quoteIdentifier(to.name);
  const alter = (clause: string, destroys: string | null = null) => statement(to, alterTable(to, `ALTER COLUMN ${column} ${clause}`), destroys);
  const out: SchemaStatement[] = [];
  const a = from.attributes;
  const b = to.attributes;
  if (a.generated !== null && b.generated === null) out.push(alter('DROP EXPRESSION'));
  if (a.identity !== null && b.identity === null) out.push(alter('DROP IDENTITY'));
  const retyped = changed(d, 'type') || changed(d, 'collation');
  // A default is cast with the column: drop it first and set the new one after the new type.
  if (a.default !== null && (retyped || (changed(d, 'default') && b.default === null))) out.push(alter('DROP DEFAULT'));
  if (retyped) {
    const collate = b.collation === null ? '' : ` COLLATE ${b.collation}`;
    out.push(
      alter(
        `TYPE ${b.type}${collate} USING ${column}::${b.type}`,
        `values of column ${nameOf(to.key)} converted from ${a.type} to ${b.type}: a conversion can fail or lose precision`,
      ),
    );
  }
  if (b.default !== null && (retyped || changed(d, 'default'))) out.push(alter(`SET DEFAULT ${b.default}`));
  if (changed(d, 'nullable')) out.push(alter(b.nullable ? 'DROP NOT NULL' : 'SET NOT NULL'));
  if (b.identity !== null && a.identity === null) out.push(alter(`ADD GENERATED ${b.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`));
  else if (b.identity !== null && a.identity !== b.identity) out.push(alter(`SET GENERATED ${b.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`));
  if (changed(d, 'position')) return { notCovered: `PostgreSQL cannot move column ${nameOf(to.key)} to position ${b.position} without rebuilding its table` };
  return { statements: out };
}

function alterTableItself(d: SchemaDifference, from: SchemaObjectOf<'table' | 'partition'>, to: SchemaObjectOf<'table' | 'partition'>): Alteration {
  if (changed(d, 'partitionBy')) return { notCovered: `changing how ${nameOf(to.key)} is partitioned means rebuilding it, which is left to a migration` };
  const table = nameOf(to.key);
  const out: SchemaStatement[] = [];
  const b = to.attributes;
  if (to.kind === 'partition' && from.kind === 'partition' && changed(d, 'bound')) {
    const parent = nameOf(to.parent ?? '');
    out.push(
      statement(to, `ALTER TABLE ${parent} DETACH PARTITION ${table}`),
      statement(to, `ALTER TABLE ${parent} ATTACH PARTITION ${table} ${to.attributes.bound}`),
    );
  }
  if (changed(d, 'persistence')) out.push(statement(to, `ALTER TABLE ${table} SET ${b.persistence === 'unlogged' ? 'UNLOGGED' : 'LOGGED'}`));
  if (changed(d, 'rowSecurity')) out.push(statement(to, `ALTER TABLE ${table} ${b.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`));
  if (changed(d, 'forceRowSecurity')) out.push(statement(to, `ALTER TABLE ${table} ${b.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`));
  if (changed(d, 'inherits')) {
    const before = new Set(from.attributes.inherits);
    const after = new Set(b.inherits);
    for (const parent of before) if (!after.has(parent)) out.push(statement(to, `ALTER TABLE ${table} NO INHERIT ${nameOf(parent)}`));
    for (const parent of after) if (!before.has(parent)) out.push(statement(to, `ALTER TABLE ${table} INHERIT ${nameOf(parent)}`));
  }
  return { statements: out };
}

function alterEnum(from: SchemaObjectOf<'enum'>, to: SchemaObjectOf<'enum'>): Alteration {
  const before = from.attributes.labels;
  const after = to.attributes.labels;
  // Only added labels can be had in place: PostgreSQL can neither remove nor reorder an enum's labels.
  const kept = after.filter((label) => before.includes(label));
  if (before.some((label) => !after.includes(label)) || kept.some((label, i) => label !== before[i])) {
    return {
      notCovered: `PostgreSQL cannot remove or reorder the labels of enum ${nameOf(to.key)}; it must be replaced by a migration that converts its columns`,
    };
  }
  const out: SchemaStatement[] = [];
  after.forEach((label, i) => {
    if (before.includes(label)) return;
    const next = after.slice(i + 1).find((l) => before.includes(l));
    const place = next === undefined ? '' : ` BEFORE '${next.replaceAll("'", "''")}'`;
    out.push(statement(to, `ALTER TYPE ${nameOf(to.key)} ADD VALUE '${label.replaceAll("'", "''")}'${place}`));
  });
  return { statements: out };
}

function alterDomain(d: SchemaDifference, from: SchemaObjectOf<'domain'>, to: SchemaObjectOf<'domain'>): Alteration {
  const domain = nameOf(to.key);
  if (changed(d, 'type') || changed(d, 'collation')) return { notCovered: `PostgreSQL cannot change the type or collation of domain ${domain} in place` };
  const removed = from.attributes.checks.filter((check) => !to.attributes.checks.includes(check));
  if (removed.length > 0) return { notCovered: `the model does not name domain ${domain}'s checks, so ${removed.join(', ')} cannot be dropped by name` };
  const out: SchemaStatement[] = [];
  if (changed(d, 'default'))
    out.push(statement(to, `ALTER DOMAIN ${domain} ${to.attributes.default === null ? 'DROP DEFAULT' : `SET DEFAULT ${to.attributes.default}`}`));
  if (changed(d, 'nullable')) out.push(statement(to, `ALTER DOMAIN ${domain} ${to.attributes.nullable ? 'DROP NOT NULL' : 'SET NOT NULL'}`));
  for (const check of to.attributes.checks) if (!from.attributes.checks.includes(check)) out.push(statement(to, `ALTER DOMAIN ${domain} ADD ${check}`));
  return { statements: out };
}

function alterSequence(d: SchemaDifference, to: SchemaObjectOf<'sequence'>): Alteration {
  const a = to.attributes;
  const out: SchemaStatement[] = [];
  if (d.attributes.some((c) => c.attribute !== 'ownedBy')) {
    out.push(
      statement(
        to,
        `ALTER SEQUENCE ${nameOf(to.key)} AS ${a.type} INCREMENT BY ${a.increment} MINVALUE ${a.min} MAXVALUE ${a.max} START WITH ${a.start} CACHE ${a.cache}${a.cycle ? ' CYCLE' : ' NO CYCLE'}`,
      ),
    );
  }
  if (changed(d, 'ownedBy')) out.push(statement(to, ownedBy(to)));
  return { statements: out };
}

/** How one changed object is carried out: in place, by dropping and creating it again, or not at all. */
function alteration(d: SchemaDifference): Alteration {
  const from = d.from as SchemaObject;
  const to = d.to as SchemaObject;
  if (from.kind === 'column' && to.kind === 'column') return alterColumn(d, from, to);
  if ((from.kind === 'table' || from.kind === 'partition') && (to.kind === 'table' || to.kind === 'partition')) return alterTableItself(d, from, to);
  if (from.kind === 'enum' && to.kind === 'enum') return alterEnum(from, to);
  if (from.kind === 'domain' && to.kind === 'domain') return alterDomain(d, from, to);
  if (to.kind === 'sequence') return alterSequence(d, to);
  if (to.kind === 'extension') {
    const out: SchemaStatement[] = [];
    if (changed(d, 'version')) out.push(statement(to, `ALTER EXTENSION ${nameOf(to.key)} UPDATE TO '${to.attributes.version.replaceAll("'", "''")}'`));
    if (changed(d, 'schema')) out.push(statement(to, `ALTER EXTENSION ${nameOf(to.key)} SET SCHEMA ${quoteIdentifier(to.attributes.schema)}`));
    return { statements: out };
  }
  if (to.kind === 'comment') return { statements: [statement(to, to.definition)] };
  if (to.kind === 'trigger' && d.attributes.every((c) => c.attribute === 'enabled')) return { statements: [statement(to, triggerState(to))] };
  // CREATE OR REPLACE keeps what depends on a routine, as long as its result type stays.
  if ((to.kind === 'function' || to.kind === 'procedure') && !changed(d, 'returns') && !changed(d, 'arguments'))
    return { statements: [statement(to, to.definition)] };
  // Views, indexes, constraints, triggers, policies and routines with a new result are made again.
  return { recreate: true };
}

interface Plan {
  /** `from` keys that go, with everything that depends on them. */
  dropped: Set<string>;
  /** `to` keys created whole. */
  created: Set<string>;
  /** In-place changes, by `to` key. */
  altered: Map<string, SchemaStatement[]>;
  notCovered: SchemaSql['notCovered'];
}

function plan(diff: SchemaDiff, from: ModelIndex, to: ModelIndex): Plan {
  const dropSeeds: string[] = [];
  const created = new Set<string>();
  const altered = new Map<string, SchemaStatement[]>();
  const notCovered: SchemaSql['notCovered'] = [];
  for (const d of allDifferences(diff)) {
    if (d.change === 'added') created.add((d.to as SchemaObject).key);
    else if (d.change === 'removed') dropSeeds.push((d.from as SchemaObject).key);
    else {
      const how = alteration(d);
      if ('recreate' in how) {
        dropSeeds.push((d.from as SchemaObject).key);
        created.add((d.to as SchemaObject).key);
      } else if ('notCovered' in how) notCovered.push({ object: d.key, reason: how.notCovered });
      else altered.set(d.key, how.statements);
      // A new type for a column: what reads it must go first and come back after.
      if (d.kind === 'column' && d.attributes.some((a) => typeAttributes.has(a.attribute))) {
        for (const reader of from.dependents.get((d.from as SchemaObject).key) ?? []) {
          if (readersOfAColumn.has(from.byKey.get(reader)?.kind ?? 'schema')) dropSeeds.push(reader);
        }
      }
    }
  }
  // Tables and columns hold data: what they depend on that goes (a sequence, a type) is their own
  // change in the diff, never a reason to drop them with it.
  const dropped = withDependents(dropSeeds, from, (o) => !holdsData.has(o.kind));
  // What goes and is still in `to` (changed, or dropped for what it depends on) comes back as `to` has it.
  for (const key of dropped) {
    const object = from.byKey.get(key) as SchemaObject;
    const again = counterpart(object, to);
    if (again) {
      created.add(again.key);
      altered.delete(again.key);
    }
  }
  for (const key of created) altered.delete(key);
  return { dropped, created, altered, notCovered };
}

function dropSteps(dropped: Set<string>, from: ModelIndex): ChangeStep[] {
  const steps = new Map<string, ChangeStep>();
  const covered: SchemaObject[] = [];
  for (const key of dropped) {
    const object = from.byKey.get(key) as SchemaObject;
    // Dropping a table takes its columns, constraints, indexes, triggers, policies and comments; a
    // column takes its comment; a table or column takes the sequences it owns.
    const owner = object.kind === 'sequence' && object.attributes.ownedBy !== null ? from.byKey.get(object.attributes.ownedBy) : undefined;
    if (insideOneOf(object, dropped, from) || (owner && (dropped.has(owner.key) || insideOneOf(owner, dropped, from)))) {
      covered.push(object);
      continue;
    }
    // Dropping goes in reverse: foreign keys first, schemas last.
    steps.set(key, { provides: key, needs: needsOf(object), rank: -rank[object.kind], statements: [dropStatement(object)] });
  }
  // What a dropped table's columns need (an enum, a sequence) it needs itself: it goes before them.
  for (const object of covered) {
    let top: SchemaObject | undefined = object;
    while (top && !steps.has(top.key)) top = top.parent === null ? undefined : from.byKey.get(top.parent);
    if (top) steps.get(top.key)?.needs.push(...object.dependsOn.filter((k) => k !== top.key));
  }
  return dependencyOrder([...steps.values()], 'drop');
}

/** What an object needs to exist first: its dependencies and its table. */
function needsOf(object: SchemaObject, extra: string[] = []): string[] {
  return [...new Set([...object.dependsOn, ...(object.parent === null ? [] : [object.parent]), ...extra].filter((k) => k !== object.key))];
}

function createSteps(planned: Plan, to: ModelIndex): ChangeStep[] {
  const columnsOf = (table: string) =>
    [...(to.dependents.get(table) ?? [])]
      .map((k) => to.byKey.get(k) as SchemaObject)
      .filter((o) => o.kind === 'column' && o.parent === table)
      .sort((a, b) => (a.kind === 'column' && b.kind === 'column' ? a.attributes.position - b.attributes.position : 0));
  const steps: ChangeStep[] = [];
  for (const key of planned.created) {
    const object = to.byKey.get(key) as SchemaObject;
    // A new table's columns are created with it.
    if (object.kind === 'column' && object.parent !== null && planned.created.has(object.parent) && to.byKey.get(object.parent)?.kind === 'table') continue;
    if (object.kind === 'table') {
      const columns = columnsOf(key);
      const needs = needsOf(
        object,
        columns.flatMap((c) => c.dependsOn),
      );
      steps.push({
        provides: key,
        needs: needs.filter((k) => !columns.some((c) => c.key === k)),
        rank: rank.table,
        statements: createStatements(object, columnsOf),
      });
      for (const column of columns) steps.push({ provides: column.key, needs: [key], rank: rank.column, statements: [] });
      continue;
    }
    if (object.kind === 'sequence') {
      // Made before the column whose default reads it, owned by that column after.
      const owner = object.attributes.ownedBy;
      steps.push({ provides: key, needs: needsOf(object).filter((k) => k !== owner), rank: rank.sequence, statements: createStatements(object, columnsOf) });
      if (owner !== null) steps.push({ provides: `${key}#owned`, needs: [key, owner], rank: rank.column, statements: [statement(object, ownedBy(object))] });
      continue;
    }
    steps.push({ provides: key, needs: needsOf(object), rank: rank[object.kind], statements: createStatements(object, columnsOf) });
  }
  for (const [key, statements] of planned.altered) {
    const object = to.byKey.get(key) as SchemaObject;
    const extra = object.kind === 'sequence' && object.attributes.ownedBy !== null ? [object.attributes.ownedBy] : [];
    steps.push({ provides: key, needs: needsOf(object, extra), rank: rank[object.kind], statements });
  }
  const ordered = dependencyOrder(steps, 'create');
  const foreignKeysLast = (step: ChangeStep) => to.byKey.get(step.provides)?.kind === 'foreign key';
  return [...ordered.filter((s) => !foreignKeysLast(s)), ...ordered.filter(foreignKeysLast)];
}

const addsLabel = /^ALTER TYPE .* ADD VALUE /s;

/** A statement of the script itself, acting on no object. */
function bare(sql: string): SchemaStatement {
  return { sql, object: '', destroys: null };
}

export function postgresSchemaSql(from: SchemaModel, to: SchemaModel, diff: SchemaDiff): SchemaSql {
  refuseOtherEngines('postgres', from, to);
  const fromIndex = indexModel(from);
  const toIndex = indexModel(to);
  const planned = plan(diff, fromIndex, toIndex);
  const creations = createSteps(planned, toIndex);
  // A function's body may read tables created after it, as in pg_dump's output.
  const routines = creations.some((step) => /^(?:function|procedure):/.test(step.provides) && planned.created.has(step.provides));
  const statements = [
    ...(routines ? [bare('SET check_function_bodies = off')] : []),
    ...dropSteps(planned.dropped, fromIndex).flatMap((s) => s.statements),
    ...creations.flatMap((s) => s.statements),
  ];
  // An enum's new label cannot be used in the transaction that added it: labels are added first and
  // committed (adding one loses nothing; the COMMIT also ends the implicit transaction of a script sent
  // as one message), then the rest runs in a transaction of the script's own.
  const labels = statements.filter((s) => addsLabel.test(s.sql));
  if (labels.length === 0) return { statements, ownTransaction: false, notCovered: planned.notCovered };
  const rest = statements.filter((s) => !addsLabel.test(s.sql));
  return { statements: [...labels, bare('COMMIT'), bare('BEGIN'), ...rest, bare('COMMIT')], ownTransaction: true, notCovered: planned.notCovered };
}
