// Promotion on real PostgreSQL: staging promoted to production through its gates. Refused (nothing
// run on production, each refusal in the audit log) while a file changed since staging ran it, while
// staging's last run failed, while an anomaly touches the plan, without the typed confirmation and
// without a second person's approval; then it passes and production holds exactly what staging has.
import { rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { PromotionRecord } from '../../../src-shared/model/promotion';
import { adminQuery } from '../../support/scratchDatabase';
import { actor, projectEnvironments, type Environments } from '../../support/projectEnvironments';
import { callAs, operationToEnd } from '../../support/serviceCalls';

const promotion = { project: 'promoshop', from: 'staging', to: 'prod' };

async function promote(envs: Environments, extra: { confirmation?: { typedName: string }; approval?: { by: string; note: string } } = {}) {
  return operationToEnd(envs.services, actor, 'promotion.run', { ...promotion, ...extra });
}

function failedGates(error: { detail?: unknown } | undefined): string[] {
  const record = (error?.detail as { record?: PromotionRecord } | undefined)?.record;
  return (record?.gates ?? []).filter((g) => g.status === 'failed').map((g) => g.name);
}

const fileOf = (dir: string, id: string) => join(dir, readdirSync(dir).find((f) => f.endsWith(`_${id}.sql`)) as string);

describe('promoting staging to production', () => {
  it('is refused while a gate fails, each refusal recorded, then applies exactly what staging has', async () => {
    const envs = await projectEnvironments('promoshop', { requireApproval: true });
    const server = inject('postgres');
    expect(await envs.upgrade('staging', 'b2')).toBeUndefined();
    expect(await envs.upgrade('prod', 'a')).toBeUndefined();
    const prodBefore = await envs.versions('prod');
    const confirmed = { confirmation: { typedName: 'promoshop-prod' }, approval: { by: 'Carol', note: 'Reviewed the invoices change' } };

    const preview = await callAs(envs.services, actor, 'promotion.preview', promotion);
    expect(preview.plan).toEqual(['b1', 'b2']);
    expect(preview.targets[0]?.sql).toContain('CREATE TABLE invoices');
    expect(preview.gates.map((g) => [g.name, g.status])).toEqual([
      ['upstream', 'passed'],
      ['checksums', 'passed'],
      ['anomalies', 'passed'],
      ['noDowngrade', 'passed'],
      ['preflight', 'passed'],
      ['dryRun', 'passed'],
      ['confirmation', 'required'],
      ['approval', 'required'],
    ]);

    // A file changed since staging ran it.
    const b1 = fileOf(envs.dir, 'b1');
    const original = readFileSync(b1, 'utf8');
    writeFileSync(b1, original.replace('CREATE TABLE invoices (id int PRIMARY KEY);', 'CREATE TABLE invoices (id bigint PRIMARY KEY);'));
    const changed = await promote(envs, confirmed);
    expect(changed.error?.code).toBe('E_PROMOTION_REFUSED');
    expect(failedGates(changed.error)).toEqual(['checksums']);
    expect(changed.error?.message).toContain('b1 on promoshop-staging');
    writeFileSync(b1, original);

    // Staging's last run failed (c1, poisoned), so staging is not a settled place to promote from.
    await adminQuery(server, 'CREATE TABLE poison (id int)', envs.databases.staging);
    expect(await envs.upgrade('staging', 'c1')).toContain('poisoned');
    const upstream = await promote(envs, confirmed);
    expect(failedGates(upstream.error)).toEqual(['upstream']);
    expect(upstream.error?.message).toContain("promoshop-staging's last run of c1 failed");
    await adminQuery(server, 'DROP TABLE poison', envs.databases.staging);
    expect(await envs.upgrade('staging', 'c1')).toBeUndefined();

    // A second file claims b2's id: an anomaly on the path.
    const duplicate = join(envs.dir, '099_b2_again.sql');
    writeFileSync(duplicate, '-- revision: b2\n-- parents: b1\n-- message: again\n-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n');
    const anomaly = await promote(envs, confirmed);
    expect(failedGates(anomaly.error)).toEqual(['anomalies']);
    rmSync(duplicate);

    // Production: the typed name, and a second person's approval.
    const unconfirmed = await promote(envs, { approval: confirmed.approval });
    expect(failedGates(unconfirmed.error)).toEqual(['confirmation']);
    const unapproved = await promote(envs, { confirmation: confirmed.confirmation });
    expect(failedGates(unapproved.error)).toEqual(['approval']);
    const selfApproved = await promote(envs, { ...confirmed, approval: { by: 'tester', note: 'looks fine to me' } });
    expect(failedGates(selfApproved.error)).toEqual(['approval']);
    expect(await envs.versions('prod')).toEqual(prodBefore);

    const done = await promote(envs, confirmed);
    expect(done.error).toBeUndefined();
    expect(done.result?.outcome).toBe('succeeded');
    // In the planner's order (upgradeOrder), and run in that order.
    expect(done.result?.plan).toEqual(['c1', 'b1', 'b2']);
    // Rehearsed on a clone of production first (a production connection), then run.
    expect(done.result?.targets).toEqual([
      { profileName: 'promoshop-prod', outcome: 'done', applied: ['c1', 'b1', 'b2'], rehearsal: expect.objectContaining({ state: 'rehearsed' }) },
    ]);
    expect(await envs.versions('prod')).toEqual(await envs.versions('staging'));

    const audit = await callAs(envs.services, actor, 'audit.list', { limit: 100 });
    const promotions = audit.filter((e) => e.action.startsWith('promotion.')).map((e) => e.action);
    expect(promotions).toEqual(['promotion.run', ...Array(6).fill('promotion.refused')]);
    const recorded = audit.find((e) => e.action === 'promotion.run')?.detail as unknown as PromotionRecord;
    expect(recorded.approval).toEqual(confirmed.approval);
    expect(recorded.gates.every((g) => g.status === 'passed')).toBe(true);
    // The run itself went through the runner: its own audit entry for prod.
    expect(audit.some((e) => e.action === 'runner.upgrade' && e.target === 'promoshop-prod' && JSON.stringify(e.detail).includes('up c1'))).toBe(true);
  });

  it('refuses environments that are not neighbours, naming the promotion order', async () => {
    const envs = await projectEnvironments('promoskip');
    await expect(callAs(envs.services, actor, 'promotion.preview', { project: 'promoskip', from: 'dev', to: 'prod' })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('dev → staging → prod'),
    });
  });
});
