// The text a squash writes in an Alembic project: the squashed revision rendered from the project's
// own script.py.mako (as `alembic revision` renders it) with upgrade() and downgrade() executing the
// net schema change's statements, and a child's down_revision pointed at it (every other byte kept).
import type { SquashedRevision } from '../../src-shared/model/squash';
import type { FileWrite } from '../../src-shared/model/writePlan';
import type { SchemaSql } from '../../src-shared/schema/schemaSql';
import type { AlembicLayout } from '../migrations/readers/alembicIni';
import { alembicReparented, alembicRevisionFile } from './alembicRevisionFile';
import { pyRepr } from './makoSubset';

/**
 * A function body as Alembic's autogenerate hands it to the template (its first line indented by the
 * template, the others here): each statement through op.execute, in order; SQL that holds its own
 * transaction (an enum's labels, SQLite's rebuild) inside an autocommit block.
 */
function body(sql: SchemaSql, note: string): string {
  const statements = sql.statements.flatMap((s) => [...(s.destroys === null ? [] : [`# DESTRUCTIVE: destroys ${s.destroys}`]), `op.execute(${pyRepr(s.sql)})`]);
  const inner = statements.length === 0 ? ['pass'] : statements;
  const lines = sql.ownTransaction ? ['with op.get_context().autocommit_block():', ...inner.map((line) => `    ${line}`)] : inner;
  return [`# ${note}`, ...lines].join('\n    ');
}

export function alembicSquashedFile(layout: AlembicLayout, project: string, r: SquashedRevision, parentFile: string | undefined, now: Date): FileWrite {
  const from = `Squashed by Switchyard from ${r.replaces.length} revisions (${r.replaces[0]}..${r.replaces[r.replaces.length - 1]}), archived with the proof`;
  return alembicRevisionFile(
    layout,
    project,
    { id: r.id, parents: r.parent === null ? [] : [r.parent], label: r.branchLabels[0] ?? null, message: r.message, now },
    parentFile === undefined ? [] : [parentFile],
    { upgrades: body(r.up, `${from}: the net schema change.`), downgrades: body(r.down, `${from}: its reverse.`) },
  );
}

/** The child's text with `from` replaced by `to` among its down_revision's ids. */
export function alembicChildReparented(text: string, parents: readonly string[], from: string, to: string, file: string): string {
  return alembicReparented(
    text,
    parents.map((p) => (p === from ? to : p)),
    file,
  );
}
