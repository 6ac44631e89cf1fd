// The Alembic tree of the field report shared/seeds/000_*: eleven heads nobody could read from
// `alembic history`, and a stray root — `001_add_tenant_id_fields` written with `down_revision = None`
// where it builds on `add_business_logic_001`. Bodies are `pass`: the tree's shape is what is repaired.
import { readFileSync } from 'node:fs';
import { plainAlembicEnv, writeFiles } from './alembicFolders';

/** id → parents, as the report draws the tree before its fix. */
export const seedTree: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['d01fd5049733', []],
  ['security_001', ['d01fd5049733']],
  ['sync_001', ['security_001']],
  ['version_lineage_001', ['sync_001']],
  ['version_lineage_002', ['version_lineage_001']],
  ['add_business_logic_001', []],
  ['001_add_tenant_id_fields', []],
  ['2f6b0cbeb30c', ['add_business_logic_001', 'sync_001']],
  ['003_add_workspace_columns', ['2f6b0cbeb30c']],
  ['004_extend_audit_tables', ['003_add_workspace_columns']],
  ['005_audit_storage_optimization', ['004_extend_audit_tables']],
  ['006_add_rbac_tables', ['005_audit_storage_optimization']],
  ['006_add_sensitivity_policies', ['005_audit_storage_optimization']],
  ['007_add_audit_integrity_support', ['006_add_sensitivity_policies']],
  ['cf61a2f229a1', ['004_extend_audit_tables']],
  ['008_add_llm_integration', ['2f6b0cbeb30c']],
  ['009_ai_annotation', ['008_add_llm_integration']],
  ['010_collab_workflow', ['009_ai_annotation']],
  ['011_quality_workflow', ['010_collab_workflow']],
  ['012_add_admin_config', ['011_quality_workflow']],
  ['000_core_tables', []],
  ['20260113_security', []],
  ['20260113_mtw', []],
  ['sync_pipeline_001', []],
  ['text_to_sql_001', []],
];

/** The slip: a root that should build on add_business_logic_001. */
export const strayRoot = '001_add_tenant_id_fields';

/** Debian's python3-alembic's own generic template, which `alembic init` copies into a project. */
export const alembicGenericTemplate = '/usr/lib/python3/dist-packages/alembic/templates/generic/script.py.mako';

function revisionFile(id: string, parents: readonly string[], quote: string): string {
  const q = (s: string) => `${quote}${s}${quote}`;
  const down = parents.length === 0 ? 'None' : parents.length === 1 ? q(parents[0] as string) : `(${parents.map(q).join(', ')})`;
  return [
    `"""${id.replace(/_/g, ' ')}`,
    '',
    `Revision ID: ${id}`,
    `Revises: ${parents.join(', ')}`,
    'Create Date: 2026-01-13 09:00:00.000000',
    '',
    '"""',
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    '',
    '# revision identifiers, used by Alembic.',
    `revision = ${q(id)}`,
    `down_revision = ${down}`,
    'branch_labels = None',
    'depends_on = None',
    '',
    '',
    'def upgrade():',
    '    pass',
    '',
    '',
    'def downgrade():',
    '    pass',
    '',
  ].join('\n');
}

/**
 * Writes the tree as an Alembic project in `dir` (alembic.ini, alembic/env.py, script.py.mako,
 * versions/). The stray root's file is written as a Windows editor left it: CRLF, a BOM, double quotes.
 */
export function writeSeedTree(dir: string): void {
  const files: Record<string, string> = {
    'alembic.ini':
      '[alembic]\nscript_location = alembic\nsqlalchemy.url = sqlite://\n\n[loggers]\nkeys = root\n\n[handlers]\nkeys = console\n\n[formatters]\nkeys = generic\n\n[logger_root]\nlevel = WARN\nhandlers = console\n\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n\n[formatter_generic]\nformat = %(levelname)s %(message)s\n',
    'alembic/env.py': plainAlembicEnv,
    'alembic/script.py.mako': readFileSync(alembicGenericTemplate, 'utf8'),
  };
  for (const [id, parents] of seedTree) {
    const text = revisionFile(id, parents, id === strayRoot ? '"' : "'");
    files[`alembic/versions/${id}.py`] = id === strayRoot ? `\ufeff${text.replace(/\n/g, '\r\n')}` : text;
  }
  writeFiles(dir, files);
}
