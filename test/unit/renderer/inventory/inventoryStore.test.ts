import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useInventory } from '../../../../src-renderer/features/inventory/inventoryStore';
import { keyOf } from '../../../../src-renderer/features/inventory/inventoryView';
import { openServices } from '../support/servicesBridge';

describe('the inventory store', () => {
  it('shows the exact row count of every table it was asked to count, and stops counting at the end', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useInventory.getState().load(demo.id);
    const tables = useInventory.getState().inventory?.tables ?? [];
    expect(tables.length).toBeGreaterThan(0);

    await useInventory.getState().countRows(tables);
    await vi.waitFor(() => expect(useInventory.getState().counting).toBeUndefined());

    const { counts, error } = useInventory.getState();
    expect(error).toBeUndefined();
    expect([...counts.keys()].sort()).toEqual(tables.map(keyOf).sort());
    for (const count of counts.values()) expect(typeof count.rows).toBe('number');
  });

  it('says why when the server refuses to count, and is ready to count again', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useInventory.getState().load(demo.id);

    await useInventory.getState().countRows([{ schema: '', name: 'no schema' }]);

    expect(useInventory.getState().counting).toBeUndefined();
    expect(useInventory.getState().error?.message).toMatch(/.+/);
  });
});
