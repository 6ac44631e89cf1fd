import { describe, expect, it } from 'vitest';
import { dependencyOrder, indexModel, refuseOtherEngines, withDependents, type ChangeStep } from '../../../src-main/schema/schemaChangeOrder';
import { column, model, table, tableKey, view } from '../../support/schemaModels';

const step = (provides: string, needs: string[], rank: number): ChangeStep => ({
  provides,
  needs,
  rank,
  statements: [{ sql: provides, object: provides, destroys: null }],
});
const order = (steps: ChangeStep[], direction: 'create' | 'drop') => dependencyOrder(steps, direction).map((s) => s.provides);

describe('the order of schema changes', () => {
  it('creates each object after what it needs, and among objects free together the lower rank first', () => {
    const steps = [step('view', ['table'], 3), step('table', ['type'], 2), step('type', [], 1), step('other type', [], 1)];
    expect(order(steps, 'create')).toEqual(['other type', 'type', 'table', 'view']);
  });

  it('drops each object before what it needs: the view before its table, the table before its type', () => {
    const steps = [step('type', [], -1), step('table', ['type'], -2), step('view', ['table'], -3)];
    expect(order(steps, 'drop')).toEqual(['view', 'table', 'type']);
  });

  it('keeps steps caught in a cycle, at the end, rather than leave them out', () => {
    const steps = [step('a', ['b'], 1), step('b', ['a'], 1), step('c', [], 2)];
    expect(order(steps, 'create')).toEqual(['c', 'a', 'b']);
  });

  it('takes along what depends on a dropped object, through the objects it is told to follow', () => {
    const orders = table('public', 'orders');
    const total = column('public', 'orders', 'total');
    const big = view('public', 'big', 'SELECT total FROM orders', [total.key]);
    const onBig = view('public', 'on_big', 'SELECT * FROM big', [big.key]);
    const index = indexModel(model([orders, total, big, onBig]));

    expect([...withDependents([total.key], index, () => true)].sort()).toEqual([total.key, big.key, onBig.key].sort());
    expect([...withDependents([tableKey('public', 'orders')], index, (o) => o.kind !== 'column')]).toEqual([orders.key]);
  });

  it('refuses to write one engine SQL for a model of another', () => {
    expect(() => refuseOtherEngines('postgres', model([], 'postgres'), model([], 'sqlite'))).toThrow(
      expect.objectContaining({ code: 'E_INVALID_INPUT', message: expect.stringContaining('a sqlite schema cannot be matched with postgres SQL') }),
    );
  });
});
