// The Rollouts tab's rehearsals, against the real services on SQLite files: an environment of staging
// connections of a project with bindings, rolled out with the canary of each role rehearsed on a clone
// first. The auth canary failing there leaves every database untouched and the rows say where it failed
// and why specs was not rehearsed; resumed once fixed, each row says its rehearsal, live and journalled.
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { requestOf, useRollouts } from '../../../../src-renderer/features/rollouts/rolloutStore';
import { rehearsalOutcomeSentence } from '../../../../src-shared/model/rehearsalOutcome';
import { rolloutHasRehearsals, rolloutMarkdown } from '../../../../src-shared/model/rolloutExport';
import { boundSqliteProject } from '../support/boundSqliteProject';

const rows = () => (useRollouts.getState().shown?.items ?? []).map((i) => [i.role, i.state, i.rehearsal && rehearsalOutcomeSentence(i.rehearsal)]);

describe('the rollouts store’s rehearsals', () => {
  it('rehearses the canary of each role before any database runs, runs nothing after a failure there, and resumes rehearsed', async () => {
    const { project, poison, cure } = await boundSqliteProject('fleet-rehearsed', ['dev', 'staging']);
    await useRollouts.getState().open(project);
    useRollouts.getState().edit({ env: 'staging' });
    expect(requestOf(project, useRollouts.getState().form)).toMatchObject({ rehearsal: 'canary' });
    poison('staging_auth');

    // Every rehearsal state the rows go through, as the tab would paint them.
    const seen = new Set<string>();
    const stop = useRollouts.subscribe(({ shown }) => {
      for (const item of shown?.items ?? []) if (item.rehearsal) seen.add(`${item.role}:${item.rehearsal.state}`);
    });
    await useRollouts.getState().start();
    await vi.waitFor(() => expect(useRollouts.getState().opId).toBeUndefined(), { timeout: 30_000 });
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('failed'), { timeout: 30_000 });
    stop();
    expect(seen.has('auth:rehearsing')).toBe(true);
    const [auth, specs] = rows();
    expect(auth?.slice(0, 2)).toEqual(['auth', 'failed']);
    expect(auth?.[2]).toMatch(/^failed on the clone at \S*002_a2\.sql:6(:\d+)? \(a2\): .*CHECK constraint failed/);
    expect(specs).toEqual(['specs', 'skipped', "not rehearsed: an earlier database's rehearsal failed"]);
    const shown = useRollouts.getState().shown;
    expect(shown && rolloutHasRehearsals(shown)).toBe(true);
    // The export says it too: the mode, and a Rehearsal column.
    const markdown = shown ? rolloutMarkdown(shown) : '';
    expect(markdown).toContain('stopping at the first failure; the first staging or production database of each role rehearsed on a clone first (canary).');
    expect(markdown).toContain(
      "| 2 | fleet-rehearsed_staging_specs | specs | skipped | 0 | not started: the rollout stopped first | not rehearsed: an earlier database's rehearsal failed |",
    );
    const status = await call('bindings.status', { project: 'fleet-rehearsed', env: 'staging' });
    expect(status.databases.map((d) => d.standing?.applied)).toEqual([[], []]);

    // The journal says each database's rehearsal: read again, the rollout still says it.
    const id = useRollouts.getState().shown?.id as string;
    expect((await call('rollouts.get', { id })).items.map((i) => i.rehearsal?.state)).toEqual(['failed', 'notStarted']);

    cure('staging_auth');
    await useRollouts.getState().resume(id);
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('done'), { timeout: 30_000 });
    expect(rows().map(([role, state, rehearsal]) => [role, state, String(rehearsal).replace(/\d+ ms/, 'N ms')])).toEqual([
      ['auth', 'done', 'rehearsed ✓ on a clone in N ms'],
      ['specs', 'done', 'rehearsed ✓ on a clone in N ms'],
    ]);
    expect((await call('rollouts.get', { id })).items.map((i) => [i.applied, i.rehearsal?.state])).toEqual([
      [['a1', 'a2'], 'rehearsed'],
      [['s1', 's2'], 'rehearsed'],
    ]);
  });
});
