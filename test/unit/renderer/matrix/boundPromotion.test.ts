// The promotion dialog of a project with bindings, against the real services on SQLite files: one
// row per database of the target environment in the bindings' order, each saying what it takes from
// the previous environment's database of the same role; a run whose auth database fails part-way
// (each row: what it applied, where it failed, that specs did not start), live while it runs; then,
// the cause fixed, promoted again without applying anything twice.
import { describe, expect, it } from 'vitest';
import { promotionReady, useMatrix } from '../../../../src-renderer/features/matrix/matrixStore';
import { promotionRows, type PromotionRow } from '../../../../src-renderer/features/matrix/promotionRows';
import { boundSqliteProject } from '../support/boundSqliteProject';

const rowsNow = (): PromotionRow[] => {
  const draft = useMatrix.getState().promotion;
  if (!draft?.preview) return [];
  return promotionRows(draft.preview, draft.record, draft.progress, draft.running);
};

const brief = (rows: PromotionRow[]) => rows.map((r) => [r.role, r.state, r.sentence]);

describe('the promotion dialog of a project with bindings', () => {
  it('shows each database’s plan, where the run failed and what did not start, then promotes the rest', async () => {
    const { poison, cure } = await boundSqliteProject('bound-promo', ['dev', 'staging']);
    poison('staging_auth');
    await useMatrix.getState().open('bound-promo');
    await useMatrix.getState().openPromotion('dev', 'staging');
    const draft = useMatrix.getState().promotion;
    expect(draft?.failure).toBeUndefined();
    expect(draft?.preview?.targets.map((t) => [t.role, t.profileName, t.sources, t.toApply])).toEqual([
      ['auth', 'bound-promo_staging_auth', ['bound-promo_dev_auth'], ['a1', 'a2']],
      ['specs', 'bound-promo_staging_specs', ['bound-promo_dev_specs'], ['s1', 's2']],
    ]);
    expect(brief(rowsNow())).toEqual([
      ['auth', 'waiting', 'will apply a1, a2'],
      ['specs', 'waiting', 'will apply s1, s2'],
    ]);
    expect(draft && promotionReady(draft)).toBe(true);

    // Not rehearsed on clones (staging connections would be): the run itself fails part-way (promotionRehearsal.test.ts has the rehearsal's failure).
    useMatrix.getState().editPromotion({ skipRehearsal: true });
    // Every state the rows go through while it runs, as the dialog would paint them.
    const seen: string[] = [];
    const stop = useMatrix.subscribe(() => {
      const line = rowsNow()
        .map((r) => `${r.role}:${r.state}`)
        .join(' ');
      if (seen.at(-1) !== line) seen.push(line);
    });
    await useMatrix.getState().promote();
    stop();
    expect(seen).toContain('auth:running specs:waiting');

    const failed = useMatrix.getState().promotion;
    expect(failed?.failure?.code).toBe('E_MIGRATION_FAILED');
    expect(failed?.record?.outcome).toBe('failed');
    const [auth, specs] = rowsNow();
    expect(auth).toMatchObject({ role: 'auth', state: 'failed', word: 'Failed', mark: '✗' });
    expect(auth?.sentence).toMatch(/^at 002_a2\.sql:6:\d+ \(a2\), after applying a1$/);
    expect(auth?.error).toMatch(/CHECK constraint failed/);
    expect(specs).toMatchObject({ role: 'specs', state: 'notStarted', sentence: 'auth (bound-promo_staging_auth) failed before it' });
    expect(failed && promotionReady(failed)).toBe(false);

    cure('staging_auth');
    useMatrix.getState().closePromotion();
    await useMatrix.getState().openPromotion('dev', 'staging');
    expect(brief(rowsNow())).toEqual([
      ['auth', 'waiting', 'will apply a2'],
      ['specs', 'waiting', 'will apply s1, s2'],
    ]);
    await useMatrix.getState().promote();
    expect(useMatrix.getState().promotion?.record?.outcome).toBe('succeeded');
    expect(brief(rowsNow())).toEqual([
      ['auth', 'done', 'a2'],
      ['specs', 'done', 's1, s2'],
    ]);
    expect(useMatrix.getState().matrix?.gaps[0]?.kind).toBe('level');
  });
});
