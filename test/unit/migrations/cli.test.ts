import { describe, expect, it } from 'vitest';
import type { GraphReport, Plan } from '../../../src-shared/model/revision';
import { main } from '../../../src-main/cli/main';
import { fixtures } from '../../support/revisions';
import { captureTerminal } from '../../support/terminalCapture';

const terminal = captureTerminal();

describe('switchyard graph', () => {
  it('prints the stable JSON shape: revisions with file and line, heads, bases, anomalies', async () => {
    expect(await main(['graph', '--project', `${fixtures}seed-tree`, '--json'])).toBe(0);
    const report = JSON.parse(terminal.output) as GraphReport;
    expect(report.format).toBe('alembic');
    expect(report.revisions[0]).toEqual({
      id: '000_core_tables',
      parents: [],
      dependsOn: [],
      branchLabels: [],
      onBranches: [],
      message: 'Core tables',
      createdAt: '2026-01-10 10:00:00.000000',
      file: 'alembic/versions/000_core_tables.py',
      line: 13,
    });
    expect(report.heads).toHaveLength(10);
    expect(report.bases).toContain('001_add_tenant_id_fields');
    expect(report.anomalies.map((a) => a.kind)).toEqual(expect.arrayContaining(['extraRoot', 'multipleHeads', 'tableCreatedTwice']));
    for (const anomaly of report.anomalies) expect(Object.keys(anomaly).sort()).toEqual(['file', 'kind', 'line', 'message', 'revisions']);
  });

  it('draws the lanes with ids, labels and messages, then lists the anomalies', async () => {
    expect(await main(['graph', '--project', `${fixtures}native-branchy`])).toBe(0);
    expect(terminal.output).toContain('*  0005 (head, merges 0004 + 0003, @rbac)  merge rbac and search');
    expect(terminal.output).toContain('| /\n*  0001 (base)  create documents');
    expect(terminal.output).toContain('heads: 0005, 0006');
    expect(terminal.output).toContain('[several heads] 2 heads: 0005, 0006.');
    expect(terminal.output).not.toContain('multipleHeads');
  });

  it('reports revisions given with --applied that no file defines', async () => {
    await main(['graph', '--project', `${fixtures}native-branchy`, '--applied', '0001,9999', '--json']);
    expect((JSON.parse(terminal.output) as GraphReport).anomalies).toContainEqual(expect.objectContaining({ kind: 'unknownApplied', revisions: ['9999'] }));
  });

  it('says clearly when the folder holds no project', async () => {
    expect(await main(['graph', '--project', `${fixtures}nowhere`, '--json'])).toBe(1);
    expect(JSON.parse(terminal.output)).toEqual({ error: { code: 'E_PROJECT_NOT_FOUND', message: expect.stringContaining('nowhere') } });
  });
});

describe('switchyard plan', () => {
  it('prints the ordered upgrade steps from an applied set as { steps: [{ revision, direction }] }', async () => {
    expect(await main(['plan', '--project', `${fixtures}native-branchy`, '--applied', '0002', '--to', '0005', '--json'])).toBe(0);
    expect(JSON.parse(terminal.output) as Plan).toEqual({
      steps: [
        { revision: '0003', direction: 'up' },
        { revision: '0004', direction: 'up' },
        { revision: '0005', direction: 'up' },
      ],
    });
  });

  it('plans a downgrade with --down, children first', async () => {
    expect(await main(['plan', '--project', `${fixtures}native-branchy`, '--applied', '0005,0006', '--to', '0001', '--down', '--json'])).toBe(0);
    const steps = (JSON.parse(terminal.output) as Plan).steps;
    expect(steps.map((s) => s.direction)).toEqual(['down', 'down', 'down', 'down', 'down']);
    expect(steps.findIndex((s) => s.revision === '0005')).toBeLessThan(steps.findIndex((s) => s.revision === '0003'));
  });

  it('refuses `head` when there are several heads, naming them', async () => {
    expect(await main(['plan', '--project', `${fixtures}seed-tree`, '--to', 'head'])).toBe(1);
    expect(terminal.errors).toContain('[E_MULTIPLE_HEADS]');
    expect(terminal.errors).toContain('version_lineage_002');
  });

  it('asks for --to', async () => {
    expect(await main(['plan', '--project', `${fixtures}seed-tree`])).toBe(2);
    expect(terminal.errors).toContain('--to');
  });
});
