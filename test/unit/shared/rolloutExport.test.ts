import { describe, expect, it } from 'vitest';
import { rolloutCounts, rolloutRequestSchema, type Rollout, type RolloutItem } from '../../../src-shared/model/rollout';
import { rolloutCsv, rolloutMarkdown } from '../../../src-shared/model/rolloutExport';

function rolloutOf(items: RolloutItem[]): Rollout {
  return {
    id: '0123456789abcdef',
    request: rolloutRequestSchema.parse({ project: 'shop', env: 'staging', to: 'heads' }),
    scope: 'staging of shop',
    state: 'failed',
    actor: 'dba',
    createdAt: '2026-12-02T10:00:00.000Z',
    updatedAt: '2026-12-02T10:01:00.000Z',
    items,
    counts: rolloutCounts(items),
  };
}

const auth: RolloutItem = { profileId: 'p1', name: 'staging_auth', role: 'auth', position: 0, state: 'done', applied: ['a1', 'a2'], passes: 1 };
const specs: RolloutItem = { profileId: 'p2', name: 'staging_specs', role: 'specs', position: 1, state: 'skipped', applied: [], passes: 0 };

describe('rollout exports', () => {
  it('name each database’s role on a project with bindings, in Markdown and as the CSV’s last column', () => {
    const rollout = rolloutOf([auth, specs]);
    const markdown = rolloutMarkdown(rollout);
    expect(markdown).toContain('| # | Database | Role | State | Applied | What happened |');
    expect(markdown).toMatch(/\| 1 \| staging_auth \| auth \| done \| 2 \|/);
    expect(markdown).toMatch(/\| 2 \| staging_specs \| specs \| skipped \| 0 \|/);
    const [header, first, second] = rolloutCsv(rollout).split('\r\n');
    expect(header?.split(',').at(-1)).toBe('role');
    expect(first?.split(',').at(-1)).toBe('auth');
    expect(second?.split(',').at(-1)).toBe('specs');
  });

  it('keep the table as it was without bindings, the CSV’s role column empty', () => {
    const rollout = rolloutOf([{ ...auth, role: undefined, name: 'tenant_1' }]);
    const markdown = rolloutMarkdown(rollout);
    expect(markdown).toContain('| # | Database | State | Applied | What happened |');
    expect(markdown).not.toContain('Role');
    const [, row] = rolloutCsv(rollout).split('\r\n');
    expect(row?.startsWith('1,tenant_1,done,2,a1 a2,')).toBe(true);
    expect(row?.endsWith(',')).toBe(true);
  });
});
