// The Matrix tab's store against the real services: the demo (dev) and an empty copy (staging) of
// one project read as a matrix, the gap between them, and a promotion previewed, run and recorded;
// a production promotion waits for the typed name before it may be pressed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { promotionFile, promotionReady, useMatrix } from '../../../../src-renderer/features/matrix/matrixStore';
import { tempDir } from '../../../support/tempDir';
import { threeOfOneProject } from '../support/threeOfOneProject';

describe('the matrix store', () => {
  it('reads the matrix, previews the promotion of dev to staging, runs it and keeps its record', async () => {
    const { dev, staging } = await threeOfOneProject();
    await call('projects.create', {
      project: {
        name: 'demo-matrix',
        dir: dev.projectDir,
        environments: [
          { name: 'dev', members: [{ profileId: dev.id }] },
          { name: 'staging', members: [{ profileId: staging.id }] },
        ],
      },
    });
    await useMatrix.getState().open('demo-matrix');
    const { matrix, failure } = useMatrix.getState();
    expect(failure).toBeUndefined();
    expect(matrix?.columns.map((c) => c.profileName)).toEqual([dev.name, 'Staging copy']);
    const devApplied = matrix?.columns[0]?.counts.applied ?? 0;
    expect(devApplied).toBeGreaterThan(0);
    expect(matrix?.columns[1]?.counts.pending).toBe(matrix?.rows.length);
    expect(matrix?.gaps[0]).toMatchObject({ from: 'dev', to: 'staging', kind: 'upgrade' });
    expect(matrix?.gaps[0]?.toApply).toHaveLength(devApplied);

    await useMatrix.getState().openPromotion('dev', 'staging');
    const draft = useMatrix.getState().promotion;
    expect(draft?.failure).toBeUndefined();
    expect(draft?.preview?.plan).toEqual(matrix?.gaps[0]?.toApply);
    expect(draft?.preview?.targets[0]?.sql).toContain('CREATE TABLE');
    expect(draft && promotionReady(draft)).toBe(true);

    await useMatrix.getState().promote();
    const done = useMatrix.getState().promotion;
    expect(done?.failure).toBeUndefined();
    expect(done?.record?.outcome).toBe('succeeded');
    expect(done?.log.some((line) => line.includes('✓ Preflight clean on the target'))).toBe(true);
    expect(useMatrix.getState().matrix?.gaps[0]?.kind).toBe('level');
    const file = promotionFile(done?.record as NonNullable<typeof done>['record'] & object, 'markdown');
    expect(file.fileName).toMatch(/^promotion-demo-matrix-dev-to-staging-.*\.md$/);
    expect(file.text).toContain('- **Outcome**: succeeded');
    useMatrix.getState().closePromotion();
    expect(useMatrix.getState().promotion).toBeUndefined();
  });

  it('asks for the typed name before a production promotion may be pressed, and keeps the refusal’s gates', async () => {
    const { dev } = await threeOfOneProject();
    const prod = await call('profiles.create', {
      profile: { name: 'Prod db', environment: 'prod', engine: 'sqlite', sqlitePath: join(tempDir(), 'prod.sqlite'), projectDir: dev.projectDir },
    });
    await call('projects.create', {
      project: {
        name: 'demo-prod',
        dir: dev.projectDir,
        environments: [
          { name: 'dev', members: [{ profileId: dev.id }] },
          { name: 'prod', members: [{ profileId: prod.id }] },
        ],
      },
    });
    await useMatrix.getState().open('demo-prod');
    await useMatrix.getState().openPromotion('dev', 'prod');
    const draft = useMatrix.getState().promotion;
    expect(draft?.preview?.gates.find((g) => g.name === 'confirmation')?.status).toBe('required');
    expect(draft && promotionReady(draft)).toBe(false);
    useMatrix.getState().editPromotion({ typedName: 'not the name' });
    expect(promotionReady(useMatrix.getState().promotion as NonNullable<typeof draft>)).toBe(true);
    await useMatrix.getState().promote();
    const refused = useMatrix.getState().promotion;
    expect(refused?.failure?.code).toBe('E_PROMOTION_REFUSED');
    expect(refused?.gates?.find((g) => g.name === 'confirmation')?.status).toBe('failed');
    expect(useMatrix.getState().matrix?.gaps[0]?.kind).toBe('upgrade');
  });
});
