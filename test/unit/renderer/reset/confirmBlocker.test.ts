import { describe, expect, it } from 'vitest';
import type { ResetPlan } from '../../../../src-shared/model/reset';
import { confirmBlocker } from '../../../../src-renderer/features/reset/confirmBlocker';

const plan = (change: Partial<ResetPlan>): ResetPlan =>
  ({ connection: 'Shop', engine: 'postgres', environment: 'staging', databaseName: 'shop', refusals: [], ...change }) as ResetPlan;

describe('why the Reset button is disabled', () => {
  it('points at the refusals above before anything typed', () => {
    expect(confirmBlocker({ plan: plan({ refusals: ['lacks CREATEDB'] }), planning: false, typedName: 'shop', environmentAcknowledged: '' })).toBe(
      'Cannot run: see the reason above.',
    );
    expect(confirmBlocker({ plan: plan({ refusals: ['a', 'b'] }), planning: false, typedName: '', environmentAcknowledged: '' })).toBe(
      'Cannot run: see the 2 reasons above.',
    );
  });

  it('asks for the database name, then on production for “production”, then says nothing', () => {
    const prod = plan({ environment: 'prod' });
    expect(confirmBlocker({ plan: prod, planning: false, typedName: 'sho', environmentAcknowledged: '' })).toBe('Type shop above to enable it.');
    expect(confirmBlocker({ plan: prod, planning: false, typedName: 'shop', environmentAcknowledged: 'prd' })).toBe('Type “production” above to enable it.');
    expect(confirmBlocker({ plan: prod, planning: false, typedName: 'shop', environmentAcknowledged: ' Production ' })).toBeUndefined();
    expect(confirmBlocker({ plan: plan({}), planning: false, typedName: 'shop', environmentAcknowledged: '' })).toBeUndefined();
  });

  it('waits while the plan is read again', () => {
    expect(confirmBlocker({ plan: plan({}), planning: true, typedName: 'shop', environmentAcknowledged: '' })).toBe('Checking the plan again…');
  });
});
