// The matrix on real PostgreSQL: three environments at different points of a branchy project, read
// at once; a fourth whose connection cannot be reached is a column of unknown cells with its error.
import { describe, expect, inject, it } from 'vitest';
import { matrixMarkdown } from '../../../src-shared/matrix/matrixMarkdown';
import type { Matrix } from '../../../src-shared/model/matrix';
import { adminQuery } from '../../support/scratchDatabase';
import { actor, projectEnvironments } from '../../support/projectEnvironments';
import { callAs } from '../../support/serviceCalls';

const stateOf = (matrix: Matrix, environment: string, id: string) =>
  matrix.columns.find((c) => c.environment === environment)?.cells[matrix.rows.findIndex((r) => r.id === id)];

describe('the matrix of a project', () => {
  it('reads every environment at its own point, with when and who from the version table, and the gaps between neighbours', async () => {
    const envs = await projectEnvironments('matrixshop');
    expect(await envs.upgrade('dev', 'heads')).toBeUndefined();
    expect(await envs.upgrade('staging', 'b2')).toBeUndefined();
    expect(await envs.upgrade('prod', 'a')).toBeUndefined();
    // A fourth environment whose only connection listens nowhere.
    const server = inject('postgres');
    const unreachable = await callAs(envs.services, actor, 'profiles.create', {
      profile: {
        name: 'matrixshop-dr',
        environment: 'prod',
        engine: 'postgres',
        host: '127.0.0.1',
        port: 1,
        database: 'dr',
        user: server.user,
        password: 'x',
        sslMode: 'disable',
      },
    });
    const project = await callAs(envs.services, actor, 'projects.get', { project: 'matrixshop' });
    await callAs(envs.services, actor, 'projects.update', {
      id: project.id,
      project: {
        name: project.name,
        dir: project.dir,
        format: project.format,
        environments: [...project.environments, { name: 'dr', members: [{ profileId: unreachable.id }] }],
      },
    });
    // Someone dropped a table by hand on prod.
    await adminQuery(server, 'DROP TABLE orders', envs.databases.prod);

    const matrix = await callAs(envs.services, actor, 'matrix.load', { project: 'matrixshop', tables: true });

    expect(matrix.rows.map((r) => r.id)).toEqual(['m', 'c1', 'b2', 'b1', 'a', 'base']);
    expect(matrix.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod', 'dr']);
    expect(matrix.columns.find((c) => c.environment === 'dev')?.counts).toMatchObject({ applied: 6, pending: 0 });
    expect(stateOf(matrix, 'staging', 'b2')).toMatchObject({ state: 'applied', by: actor, source: 'bookkeeping' });
    expect(stateOf(matrix, 'staging', 'b2')?.at).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(stateOf(matrix, 'staging', 'b2')?.ms).toBeGreaterThanOrEqual(0);
    expect(stateOf(matrix, 'staging', 'c1')).toEqual({ state: 'pending' });
    expect(stateOf(matrix, 'prod', 'b1')).toEqual({ state: 'pending' });
    expect(matrix.columns.find((c) => c.environment === 'prod')?.missingTables).toEqual(['orders']);
    expect(matrix.columns.find((c) => c.environment === 'staging')?.pendingByBranch).toEqual([{ head: 'm', revisions: ['c1', 'm'] }]);

    const dr = matrix.columns.find((c) => c.environment === 'dr');
    expect(dr?.error?.code).toBe('E_CONNECTION_REFUSED');
    expect(dr?.counts.unknown).toBe(6);

    expect(matrix.gaps).toEqual([
      { from: 'dev', to: 'staging', toApply: ['c1', 'm'], toRevert: [], kind: 'upgrade' },
      { from: 'staging', to: 'prod', toApply: ['b1', 'b2'], toRevert: [], kind: 'upgrade' },
      expect.objectContaining({ from: 'prod', to: 'dr', kind: 'unknown' }),
    ]);

    const report = matrixMarkdown(matrix);
    expect(report).toContain('### prod: matrixshop-prod (production)');
    expect(report).toContain('**Missing tables**: `orders`');
    expect(report).toContain('**Not read**');
    expect(report).toContain('gitGraph');
  });

  it('refuses an unknown project by name', async () => {
    const envs = await projectEnvironments('matrixnone');
    await expect(callAs(envs.services, actor, 'matrix.load', { project: 'nosuch' })).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});
