import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { directionOf, targetChoices, targetProblem } from '../../../../src-renderer/features/runner/migrationTargets';
import { openServices } from '../support/servicesBridge';

async function demoProject() {
  await openServices();
  const demo = await call('profiles.createDemo', {});
  const { report, status } = await call('graph.load', { profileId: demo.id });
  if (!status) throw new Error('the demo database has a status');
  return { report, applied: status.applied };
}

describe('picking a migration target', () => {
  it('offers heads, base, every head, every branch label’s head and every revision', async () => {
    const { report } = await demoProject();

    const values = targetChoices(report).map((c) => c.value);

    expect(values.slice(0, 2)).toEqual(['heads', 'base']);
    for (const head of report.heads) expect(values).toContain(head);
    for (const label of report.revisions.flatMap((r) => r.branchLabels)) expect(values).toContain(`${label}@head`);
    for (const revision of report.revisions) expect(values).toContain(revision.id);
    expect(new Set(values).size).toBe(values.length);
  });

  it('accepts what the planner can plan, typed freely', async () => {
    const { report, applied } = await demoProject();
    const some = report.revisions[0]?.id ?? '';

    expect(targetProblem(report, 'heads', 'up', applied)).toBeUndefined();
    expect(targetProblem(report, some.slice(0, 6), 'up', [])).toBeUndefined();
    expect(targetProblem(report, 'base', 'down', applied)).toBeUndefined();
  });

  it('says, as the planner would, why a typed target cannot be planned', async () => {
    const { report, applied } = await demoProject();

    expect(targetProblem(report, 'nosuchrevision', 'up', applied)).toMatch(/No revision or branch "nosuchrevision"/);
    expect(targetProblem(report, '+1', 'down', applied)).toMatch(/goes up/);
    expect(targetProblem(report, '  ', 'up', applied)).toMatch(/Give a target/);
  });

  it('plans a stamp down like a downgrade, and any other stamp like an upgrade', () => {
    expect(directionOf('stamp', true)).toBe('down');
    expect(directionOf('stamp')).toBe('up');
    expect(directionOf('downgrade')).toBe('down');
  });
});
