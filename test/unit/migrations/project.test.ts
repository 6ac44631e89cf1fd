import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src-main/migrations/project';
import { fixtures } from '../../support/revisions';

describe("the seeds' tree (000): a dozen branches and a stray root", () => {
  const project = loadProject(`${fixtures}seed-tree`);

  it('shows its heads', () => {
    expect([...project.graph.heads].sort()).toEqual([
      '001_add_tenant_id_fields',
      '006_add_rbac_tables',
      '007_add_audit_integrity_support',
      '012_add_admin_config',
      '20260113_mtw',
      '20260113_security',
      'cf61a2f229a1',
      'sync_pipeline_001',
      'text_to_sql_001',
      'version_lineage_002',
    ]);
  });

  it('flags the down_revision = None slip as an extra root, at its file', () => {
    expect(project.anomalies).toContainEqual(
      expect.objectContaining({ kind: 'extraRoot', revisions: ['001_add_tenant_id_fields'], file: 'alembic/versions/001_add_tenant_id_fields.py' }),
    );
  });
});
