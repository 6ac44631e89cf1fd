// The promotion dialog's rehearsals, against the real services on SQLite files: a project with bindings
// promoted from dev to staging (staging connections, which rehearse on a clone first). Each row says
// before the run what its rehearsal will be (a rehearsal of the same plan on the same schema made
// elsewhere is shown as standing), then rehearsing, then rehearsed or failed on the clone at file:line
// with the server's words; a failed one runs nothing on any database; skipping is said on each row.
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { followOperation } from '../../../../src-renderer/api/operationEvents';
import { useMatrix } from '../../../../src-renderer/features/matrix/matrixStore';
import { promotionRows, type PromotionRow } from '../../../../src-renderer/features/matrix/promotionRows';
import { boundSqliteProject } from '../support/boundSqliteProject';

const rowsNow = (): PromotionRow[] => {
  const draft = useMatrix.getState().promotion;
  if (!draft?.preview) return [];
  return promotionRows(draft.preview, draft.record, draft.progress, draft.running, draft.skipRehearsal);
};

const rehearsals = () => rowsNow().map((r) => [r.role, r.rehearsal?.state, r.rehearsal?.sentence]);

const applied = async (project: string) => (await call('bindings.status', { project, env: 'staging' })).databases.map((d) => [d.role, d.standing?.applied]);

/** The coordinated run's rehearsal alone (bindings.rehearse), to its end. */
async function rehearseStaging(project: string): Promise<void> {
  let finished: (() => void) | undefined;
  const ended = new Promise<void>((resolve) => (finished = resolve));
  await followOperation('bindings.rehearse', { project, env: 'staging', action: 'upgrade', to: 'heads' }, (message) => {
    if (message.event === 'op.done') finished?.();
  });
  await ended;
}

describe('the promotion dialog’s rehearsals', () => {
  it('rehearses each database on its clone before either runs, runs nothing after a failure there, and shows a rehearsal that stands', async () => {
    const { poison, cure } = await boundSqliteProject('promo-rehearsed', ['dev', 'staging']);
    poison('staging_auth');
    await useMatrix.getState().open('promo-rehearsed');
    await useMatrix.getState().openPromotion('dev', 'staging');
    expect(rehearsals()).toEqual([
      ['auth', 'willRehearse', 'will rehearse on a clone first'],
      ['specs', 'willRehearse', 'will rehearse on a clone first'],
    ]);

    // Every state the rows go through, as the dialog would paint them.
    const seen: string[] = [];
    const stop = useMatrix.subscribe(() => {
      const line = rowsNow()
        .map((r) => `${r.role}:${r.state}/${r.rehearsal?.state}`)
        .join(' ');
      if (seen.at(-1) !== line) seen.push(line);
    });
    await useMatrix.getState().promote();
    stop();
    expect(seen).toContain('auth:waiting/rehearsing specs:waiting/willRehearse');

    const failed = useMatrix.getState().promotion;
    expect(failed?.failure?.code).toBe('E_REHEARSAL_FAILED');
    expect(failed?.record?.outcome).toBe('failed');
    const [auth, specs] = rowsNow();
    expect(auth).toMatchObject({ state: 'notStarted', sentence: 'nothing ran on any database: auth (promo-rehearsed_staging_auth) failed on its clone' });
    expect(auth?.rehearsal).toMatchObject({ state: 'failed', mark: '✗' });
    expect(auth?.rehearsal?.sentence).toMatch(/^failed on the clone at \S*002_a2\.sql:6(:\d+)? \(a2\): .*CHECK constraint failed/);
    expect(specs?.rehearsal).toMatchObject({ state: 'notStarted', sentence: "not rehearsed: an earlier database's rehearsal failed" });
    expect(await applied('promo-rehearsed')).toEqual([
      ['auth', []],
      ['specs', []],
    ]);

    // Cured, and rehearsed through the coordinated run (the same plan per database): the dialog shows it standing, and the run reuses it.
    cure('staging_auth');
    await rehearseStaging('promo-rehearsed');
    useMatrix.getState().closePromotion();
    await useMatrix.getState().openPromotion('dev', 'staging');
    expect(rehearsals().map(([role, state]) => [role, state])).toEqual([
      ['auth', 'reused'],
      ['specs', 'reused'],
    ]);
    expect(rowsNow()[0]?.rehearsal?.sentence).toMatch(/^rehearsed ✓ .+ \(same plan, same schema: not rehearsed again\)$/);
    useMatrix.getState().editPromotion({ skipRehearsal: true });
    expect(rehearsals().map(([, state]) => state)).toEqual(['skipped', 'skipped']);
    useMatrix.getState().editPromotion({ skipRehearsal: false });
    await useMatrix.getState().promote();
    expect(useMatrix.getState().promotion?.record?.outcome).toBe('succeeded');
    expect(rowsNow().map((r) => [r.role, r.state, r.rehearsal?.state])).toEqual([
      ['auth', 'done', 'reused'],
      ['specs', 'done', 'reused'],
    ]);
    expect(await applied('promo-rehearsed')).toEqual([
      ['auth', ['a1', 'a2']],
      ['specs', ['s1', 's2']],
    ]);
  });
});
