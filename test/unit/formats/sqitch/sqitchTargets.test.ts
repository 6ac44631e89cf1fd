import { describe, expect, it } from 'vitest';
import { resolveDowngradeTarget, resolveUpgradeTarget } from '../../../../src-shared/graph/addressing';
import { loadProject } from '../../../../src-main/migrations/project';

const shop = loadProject('test/fixtures/migrations/sqitch-shop');

describe('sqitch revisions as targets', () => {
  it('takes a reworked change by its sqitch name change@tag, not as Alembic’s label@revision', () => {
    expect(resolveUpgradeTarget(shop.graph, 'users@v1.0', [])).toEqual(['users@v1.0']);
    expect(resolveDowngradeTarget(shop.graph, 'users@v1.0', ['welcome_mail'])).toEqual({ revision: 'users@v1.0', branch: null });
    expect(resolveUpgradeTarget(shop.graph, 'users', [])).toEqual(['users']);
  });
});
