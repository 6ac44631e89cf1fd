import { describe, expect, it } from 'vitest';
import { auditedRuns } from '../../../../src-shared/matrix/auditedRuns';
import { buildMatrix, type ColumnInput, type ColumnRead } from '../../../../src-shared/matrix/buildMatrix';
import { matrixMarkdown } from '../../../../src-shared/matrix/matrixMarkdown';
import { promotionPlan } from '../../../../src-shared/matrix/promotionPlan';
import type { AuditEntry } from '../../../../src-shared/model/audit';
import type { Matrix } from '../../../../src-shared/model/matrix';
import type { AppliedRecord } from '../../../../src-shared/model/status';
import { graphOf, rev } from '../../../support/revisions';

// base ─ a ─┬─ b1 ─ b2 ─┐
//           └─ c1 ───────┴─ m
const graph = graphOf(rev('base'), rev('a', ['base']), rev('b1', ['a']), rev('b2', ['b1']), rev('c1', ['a']), rev('m', ['b2', 'c1']));

const record = (revision: string, extra: Partial<AppliedRecord> = {}): AppliedRecord => ({
  revision,
  checksum: null,
  appliedAt: null,
  appliedBy: null,
  durationMs: null,
  ...extra,
});

const noRuns = auditedRuns([]);

function column(environment: string, profileName: string, read: ColumnRead, runs = noRuns): ColumnInput {
  return { environment, profileId: `id-${profileName}`, profileName, role: 'main', production: environment === 'prod', read, runs };
}

const readOf = (...records: AppliedRecord[]): ColumnRead => ({ ok: true, records, runRefusal: null });

function matrixOf(environments: Array<{ name: string; columns: ColumnInput[] }>, fileChecksums = new Map<string, string | null>()): Matrix {
  return buildMatrix({
    project: { id: 'p', name: 'shop', dir: '/p', format: 'native' },
    graph,
    fileChecksums,
    anomalies: [],
    environments,
    readAt: '2026-12-01T10:00:00Z',
  });
}

const stateOf = (matrix: Matrix, columnIndex: number, id: string) => matrix.columns[columnIndex]?.cells[matrix.rows.findIndex((r) => r.id === id)]?.state;

describe('the matrix', () => {
  it('has the revisions newest first, lanes beside them, and a cell per connection', () => {
    const matrix = matrixOf([{ name: 'dev', columns: [column('dev', 'dev-db', readOf(record('m')))] }]);
    expect(matrix.rows.map((r) => r.id)[0]).toBe('m');
    expect(matrix.rows.at(-1)?.id).toBe('base');
    expect(matrix.laneCount).toBe(2);
    expect(matrix.rows.find((r) => r.id === 'm')?.merge).toBe(true);
    // Alembic records only heads: everything below m is applied too.
    expect(matrix.columns[0]?.cells.every((c) => c.state === 'applied')).toBe(true);
  });

  it('takes when, who and how long from the version table, then from the audit log, and leaves out what nobody recorded', () => {
    const entries: AuditEntry[] = [
      {
        seq: 1,
        at: '2026-11-30T09:00:00Z',
        actor: 'bob via cli',
        action: 'runner.upgrade',
        target: 'staging-db',
        detail: { revisions: ['up a', 'up b1'], ms: [12, 30], totalMs: 50 },
        hash: '',
      },
    ];
    const matrix = matrixOf([
      {
        name: 'staging',
        columns: [
          column(
            'staging',
            'staging-db',
            readOf(record('base', { appliedAt: '2026-11-29T08:00:00Z', appliedBy: 'alice', durationMs: 5 }), record('b1')),
            auditedRuns(entries),
          ),
        ],
      },
    ]);
    const cells = matrix.columns[0]?.cells ?? [];
    const cellOf = (id: string) => cells[matrix.rows.findIndex((r) => r.id === id)];
    expect(cellOf('base')).toEqual({ state: 'applied', at: '2026-11-29T08:00:00Z', by: 'alice', ms: 5, source: 'bookkeeping' });
    expect(cellOf('b1')).toEqual({ state: 'applied', at: '2026-11-30T09:00:00Z', by: 'bob via cli', ms: 30, source: 'audit' });
    expect(cellOf('a')).toEqual({ state: 'applied', at: '2026-11-30T09:00:00Z', by: 'bob via cli', ms: 12, source: 'audit' });
    expect(cellOf('b2')).toEqual({ state: 'pending' });
  });

  it('marks a revision failed from the audit log until a run applies it', () => {
    const failedRun: AuditEntry = {
      seq: 1,
      at: '2026-11-30T09:00:00Z',
      actor: 'bob via cli',
      action: 'runner.upgrade.failed',
      target: 'staging-db',
      detail: { completed: ['b1'], revision: 'b2', direction: 'up', code: 'E_MIGRATION_FAILED', message: 'b2 failed at 004_b2.sql:3:1: syntax error' },
      hash: '',
    };
    const failed = matrixOf([{ name: 'staging', columns: [column('staging', 's', readOf(record('b1')), auditedRuns([failedRun]))] }]);
    expect(stateOf(failed, 0, 'b2')).toBe('failed');
    expect(failed.columns[0]?.cells[failed.rows.findIndex((r) => r.id === 'b2')]?.note).toContain('syntax error');
    const fixed: AuditEntry = { ...failedRun, seq: 2, action: 'runner.upgrade', detail: { revisions: ['up b2'], ms: [3] } };
    const after = matrixOf([{ name: 'staging', columns: [column('staging', 's', readOf(record('b2')), auditedRuns([fixed, failedRun]))] }]);
    expect(stateOf(after, 0, 'b2')).toBe('applied');
  });

  it('marks changed where the recorded checksum differs from the file, or from another environment where the file has none', () => {
    const fromFile = matrixOf([{ name: 'dev', columns: [column('dev', 'd', readOf(record('a', { checksum: 'old' })))] }], new Map([['a', 'new']]));
    expect(stateOf(fromFile, 0, 'a')).toBe('changed');
    const across = matrixOf([
      { name: 'dev', columns: [column('dev', 'd', readOf(record('a', { checksum: 'x1' })))] },
      { name: 'prod', columns: [column('prod', 'p', readOf(record('a', { checksum: 'x2' })))] },
    ]);
    expect(stateOf(across, 0, 'a')).toBe('changed');
    expect(across.columns[1]?.cells[across.rows.findIndex((r) => r.id === 'a')]?.note).toContain('dev/d recorded x1');
  });

  it('shows a connection it could not read as a column of unknown cells with its error, and the gap as unknown', () => {
    const matrix = matrixOf([
      { name: 'staging', columns: [column('staging', 's', readOf(record('m')))] },
      { name: 'prod', columns: [column('prod', 'p', { ok: false, error: { code: 'E_CONNECTION_REFUSED', message: 'Connection refused on 127.0.0.1:1' } })] },
    ]);
    expect(matrix.columns[1]?.error?.code).toBe('E_CONNECTION_REFUSED');
    expect(matrix.columns[1]?.counts.unknown).toBe(6);
    expect(matrix.gaps[0]).toMatchObject({ kind: 'unknown' });
    expect(matrix.gaps[0]?.note).toContain('p (prod) could not be read');
  });

  it('gives each pair of neighbours what the next lacks in plan order, and says when a downgrade comes first', () => {
    const matrix = matrixOf([
      { name: 'dev', columns: [column('dev', 'd', readOf(record('m')))] },
      { name: 'staging', columns: [column('staging', 's', readOf(record('b2')))] },
      { name: 'prod', columns: [column('prod', 'p', readOf(record('c1')))] },
    ]);
    expect(matrix.gaps[0]).toEqual({ from: 'dev', to: 'staging', toApply: ['c1', 'm'], toRevert: [], kind: 'upgrade' });
    expect(matrix.gaps[1]).toEqual({ from: 'staging', to: 'prod', toApply: ['b1', 'b2'], toRevert: ['c1'], kind: 'downgradeFirst' });
    expect(matrix.columns[1]?.pendingByBranch).toEqual([{ head: 'm', revisions: ['c1', 'm'] }]);
  });

  it('writes the status report with each environment, the gaps and the graph as a Mermaid gitGraph', () => {
    const matrix = matrixOf([
      { name: 'dev', columns: [column('dev', 'd', readOf(record('m')))] },
      { name: 'prod', columns: [column('prod', 'p', { ok: true, records: [record('b1')], runRefusal: null, missingTables: ['orders'] })] },
    ]);
    const markdown = matrixMarkdown(matrix, 'UTC');
    expect(markdown).toContain('```mermaid\ngitGraph');
    expect(markdown).toContain('merge b1 id: "m"');
    expect(markdown).toContain('### prod: p (production)');
    expect(markdown).toContain('towards `m`: `b2`, `c1`, `m`');
    expect(markdown).toContain('**Missing tables**: `orders`');
    expect(markdown).toContain('**Missing tables**: not read');
    expect(markdown).toContain('prod lacks 3 revisions of dev');
  });
});

describe('a promotion plan', () => {
  it('is what the previous environment has and the next lacks, with the gates the matrix decides', () => {
    const matrix = matrixOf([
      { name: 'staging', columns: [column('staging', 's', readOf(record('b2')))] },
      { name: 'prod', columns: [column('prod', 'p', readOf(record('a')))] },
    ]);
    const plan = promotionPlan(matrix, graph, 'staging', 'prod', true);
    expect(plan.plan).toEqual(['b1', 'b2']);
    expect(plan.targets[0]?.runTo).toEqual(['b2']);
    expect(plan.gates.every((g) => g.status === 'passed')).toBe(true);
  });

  it('fails the checksum gate when the previous environment ran another file, and the upstream gate when its last run failed', () => {
    const failedRun: AuditEntry = {
      seq: 1,
      at: '2026-11-30T09:00:00Z',
      actor: 'bob via cli',
      action: 'runner.upgrade.failed',
      target: 's',
      detail: { completed: [], revision: 'c1', message: 'c1 failed' },
      hash: '',
    };
    const matrix = matrixOf(
      [
        { name: 'staging', columns: [column('staging', 's', readOf(record('b1', { checksum: 'old' })), auditedRuns([failedRun]))] },
        { name: 'prod', columns: [column('prod', 'p', readOf(record('a')))] },
      ],
      new Map([['b1', 'new']]),
    );
    const gates = Object.fromEntries(promotionPlan(matrix, graph, 'staging', 'prod', true).gates.map((g) => [g.name, g]));
    expect(gates.checksums?.status).toBe('failed');
    expect(gates.checksums?.detail).toContain('b1 on s');
    expect(gates.upstream?.status).toBe('failed');
    expect(gates.upstream?.detail).toContain("s's last run of c1 failed");
  });

  it('refuses a target that holds what the previous environment lacks (no downgrade first), and an anomaly on the path', () => {
    const matrix = buildMatrix({
      project: { id: 'p', name: 'shop', dir: '/p', format: 'native' },
      graph,
      fileChecksums: new Map(),
      anomalies: [{ kind: 'duplicateRevision', message: 'b2 is defined twice', file: 'b2.sql', line: 1, revisions: ['b2'] }],
      environments: [
        { name: 'staging', columns: [column('staging', 's', readOf(record('b2')))] },
        { name: 'prod', columns: [column('prod', 'p', readOf(record('c1')))] },
      ],
      readAt: '2026-12-01T10:00:00Z',
    });
    const gates = Object.fromEntries(promotionPlan(matrix, graph, 'staging', 'prod', true).gates.map((g) => [g.name, g]));
    expect(gates.noDowngrade?.status).toBe('failed');
    expect(gates.noDowngrade?.detail).toContain('p has c1');
    expect(gates.anomalies?.status).toBe('failed');
    expect(gates.anomalies?.detail).toContain('b2 is defined twice');
  });
});
