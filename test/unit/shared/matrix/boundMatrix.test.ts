// The matrix and the promotion plan of a project with bindings (seed 004: auth and specs, each its
// own chain on its own database): each column is its role's database, its cells on the other
// database's revisions are `elsewhere`, and gaps and promotions compare role by role.
import { describe, expect, it } from 'vitest';
import { auditedRuns } from '../../../../src-shared/matrix/auditedRuns';
import { buildMatrix, type ColumnInput } from '../../../../src-shared/matrix/buildMatrix';
import { matrixMarkdown } from '../../../../src-shared/matrix/matrixMarkdown';
import { promotionPlan } from '../../../../src-shared/matrix/promotionPlan';
import type { Matrix } from '../../../../src-shared/model/matrix';
import type { DatabaseBinding } from '../../../../src-shared/model/project';
import { bindingOwnership } from '../../../../src-shared/projects/bindingOwnership';
import { graphOf, rev } from '../../../support/revisions';

const graph = graphOf(
  rev('a1', [], { branchLabels: ['auth'] }),
  rev('a2', ['a1']),
  rev('a3', ['a2']),
  rev('s1', [], { branchLabels: ['specs'] }),
  rev('s2', ['s1']),
);
const bindings: DatabaseBinding[] = [
  { label: 'specs', role: 'specs' },
  { label: 'auth', role: 'auth' },
];

function column(environment: string, role: string, recorded: string[]): ColumnInput {
  const read = {
    ok: true as const,
    runRefusal: null,
    records: recorded.map((revision) => ({ revision, checksum: null, appliedAt: null, appliedBy: null, durationMs: null })),
  };
  return { environment, profileId: `${environment}-${role}`, profileName: `${environment}_${role}`, role, production: false, read, runs: auditedRuns([]) };
}

function matrixOf(environments: Array<{ name: string; columns: ColumnInput[] }>, withBindings = bindings): Matrix {
  return buildMatrix({
    project: { id: 'p', name: 'socrates', dir: '/p', format: 'alembic' },
    graph,
    fileChecksums: new Map(),
    anomalies: [],
    environments,
    readAt: '2026-12-01T10:00:00Z',
    ownership: bindingOwnership(graph, withBindings),
  });
}

const states = (matrix: Matrix, index: number) => Object.fromEntries(matrix.rows.map((r, i) => [r.id, matrix.columns[index]?.cells[i]?.state]));

describe('the matrix of a project with bindings', () => {
  const matrix = matrixOf([
    { name: 'staging', columns: [column('staging', 'auth', ['a3']), column('staging', 'specs', ['s2'])] },
    { name: 'prod', columns: [column('prod', 'auth', ['a1']), column('prod', 'specs', [])] },
  ]);

  it('shows each database its own branch only: the other database’s revisions are elsewhere, never pending', () => {
    expect(states(matrix, 2)).toEqual({ a3: 'pending', a2: 'pending', a1: 'applied', s2: 'elsewhere', s1: 'elsewhere' });
    expect(states(matrix, 3)).toEqual({ a3: 'elsewhere', a2: 'elsewhere', a1: 'elsewhere', s2: 'pending', s1: 'pending' });
    expect(matrix.columns[2]?.counts).toMatchObject({ applied: 1, pending: 2, elsewhere: 2 });
    expect(matrix.columns[2]?.pendingByBranch).toEqual([{ head: 'a3', revisions: ['a2', 'a3'] }]);
    expect(matrix.rows.map((r) => [r.id, r.database])).toContainEqual(['s1', 'specs']);
    expect(matrix.bindings?.databases).toEqual([
      { role: 'specs', labels: ['specs'] },
      { role: 'auth', labels: ['auth'] },
    ]);
  });

  it('compares each database with the previous environment’s database of its role', () => {
    expect(matrix.gaps).toEqual([{ from: 'staging', to: 'prod', toApply: ['s1', 's2', 'a2', 'a3'], toRevert: [], kind: 'upgrade' }]);
  });

  it('plans the promotion per database, in the bindings’ order, each to its own heads', () => {
    const plan = promotionPlan(matrix, graph, 'staging', 'prod', false);
    expect(plan.targets.map((t) => [t.column.role, t.toApply, t.runTo])).toEqual([
      ['specs', ['s1', 's2'], ['s2']],
      ['auth', ['a2', 'a3'], ['a3']],
    ]);
    expect(plan.gates.filter((g) => g.status === 'failed')).toEqual([]);
  });

  it('says another database’s revision recorded on a database, and refuses to promote onto it', () => {
    const crossed = matrixOf([
      { name: 'staging', columns: [column('staging', 'auth', ['a3']), column('staging', 'specs', ['s2'])] },
      { name: 'prod', columns: [column('prod', 'auth', ['a1', 's1']), column('prod', 'specs', [])] },
    ]);
    expect(crossed.columns[2]?.foreign).toEqual(['s1']);
    expect(crossed.columns[2]?.cells[crossed.rows.findIndex((r) => r.id === 's1')]?.note).toContain('it lives on the specs database');
    const anomalies = promotionPlan(crossed, graph, 'staging', 'prod', false).gates.find((g) => g.name === 'anomalies');
    expect(anomalies).toMatchObject({ status: 'failed', detail: 'prod_auth (the auth database) records s1, which live on another database' });
    expect(matrixMarkdown(crossed)).toContain('recorded as applied but living on another database: `s1`');
  });

  it('refuses a promotion whose previous environment has no database of a role, and says the gap is unknown', () => {
    const lacking = matrixOf([
      { name: 'staging', columns: [column('staging', 'auth', ['a3'])] },
      { name: 'prod', columns: [column('prod', 'auth', ['a1']), column('prod', 'specs', [])] },
    ]);
    expect(lacking.gaps[0]).toMatchObject({ kind: 'unknown', note: 'no connection of staging plays the role specs' });
    const upstream = promotionPlan(lacking, graph, 'staging', 'prod', false).gates.find((g) => g.name === 'upstream');
    expect(upstream).toMatchObject({ status: 'failed' });
    expect(upstream?.detail).toContain('no connection of staging plays the role specs');
  });

  it('fails the anomalies gate while a revision lives on no bound database', () => {
    const half = matrixOf(
      [
        { name: 'staging', columns: [column('staging', 'auth', ['a3'])] },
        { name: 'prod', columns: [column('prod', 'auth', [])] },
      ],
      [{ label: 'auth', role: 'auth' }],
    );
    expect(states(half, 1)).toMatchObject({ s1: 'elsewhere', a1: 'pending' });
    const anomalies = promotionPlan(half, graph, 'staging', 'prod', false).gates.find((g) => g.name === 'anomalies');
    expect(anomalies?.status).toBe('failed');
    expect(anomalies?.detail).toContain('on no bound branch');
  });
});
