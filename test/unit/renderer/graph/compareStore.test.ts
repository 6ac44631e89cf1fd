import { describe, expect, it, vi } from 'vitest';
import { threeOfOneProject } from '../support/threeOfOneProject';

async function freshStore() {
  vi.resetModules();
  return (await import('../../../../src-renderer/features/graph/compareStore')).useCompare;
}

describe('the environments compared on the graph', () => {
  it('belong to the connection they were picked on: another connection starts with none', async () => {
    const { dev, staging, prod } = await threeOfOneProject();
    const useCompare = await freshStore();

    await useCompare.getState().show(dev.id, staging.id, true);
    useCompare.getState().level(dev.id, staging.id, dev.id);

    expect(useCompare.getState().comparisons[dev.id]).toEqual({ columns: [staging.id], from: staging.id, to: dev.id });
    expect(useCompare.getState().comparisons[prod.id]).toBeUndefined();
    expect(useCompare.getState().statuses[staging.id]).toHaveProperty('status.applied', []);
  });

  it('forget a picker naming an environment once it is no longer compared', async () => {
    const { dev, staging, prod } = await threeOfOneProject();
    const useCompare = await freshStore();
    await useCompare.getState().show(dev.id, staging.id, true);
    await useCompare.getState().show(dev.id, prod.id, true);
    useCompare.getState().level(dev.id, staging.id, prod.id);

    await useCompare.getState().show(dev.id, staging.id, false);

    expect(useCompare.getState().comparisons[dev.id]).toEqual({ columns: [prod.id], from: undefined, to: prod.id });
  });
});
