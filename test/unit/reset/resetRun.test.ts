// A reset runs only when its plan has no refusal and the database's name is typed: checked before any step.
import { describe, expect, it } from 'vitest';
import { checkConfirmation } from '../../../src-main/reset/resetRun';
import { SwitchyardError } from '../../../src-shared/errors';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import type { ResetPlan } from '../../../src-shared/model/reset';

function plan(environment: string, refusals: string[] = []): ResetPlan {
  return {
    connection: 'Orders',
    engine: 'postgres',
    environment,
    databaseName: 'orders_db',
    request: { mode: 'recreate', takeSnapshot: true },
    impact: { tables: 3, rows: 120, rowsExact: true, bytes: 8192, sessions: [], privileges: { ok: true, explanation: '' } },
    snapshots: [],
    steps: [],
    refusals,
  };
}

function refusal(resetPlan: ResetPlan, confirmation: Confirmation): { code: string; message: string } | undefined {
  try {
    checkConfirmation(resetPlan, confirmation);
    return undefined;
  } catch (error) {
    if (error instanceof SwitchyardError) return { code: error.code, message: error.message };
    throw error;
  }
}

describe('the check before a reset runs', () => {
  it("lets a reset run with the database's name typed off production", () => {
    expect(refusal(plan('dev'), { typedName: 'orders_db' })).toBeUndefined();
  });

  it("refuses a reset without the database's name, or with the connection's name instead, on any environment", () => {
    expect(refusal(plan('dev'), {})).toEqual({ code: 'E_CONFIRMATION_REQUIRED', message: expect.stringContaining('"orders_db"') });
    expect(refusal(plan('staging'), { typedName: 'Orders' })).toMatchObject({
      code: 'E_CONFIRMATION_REQUIRED',
      message: expect.stringContaining('Nothing was changed.'),
    });
  });

  it('refuses a production reset until "production" is typed too', () => {
    expect(refusal(plan('prod'), { typedName: 'orders_db' })).toMatchObject({ code: 'E_CONFIRMATION_REQUIRED' });
    expect(refusal(plan('prod'), { typedName: 'orders_db', environmentAcknowledged: 'production' })).toBeUndefined();
  });

  it('refuses a plan with refusals whatever is typed, and names them', () => {
    const refused = refusal(plan('dev', ['Orders is a read-only connection: Switchyard will not reset it.']), { typedName: 'orders_db' });
    expect(refused).toEqual({ code: 'E_PREFLIGHT', message: 'Nothing was changed. Orders is a read-only connection: Switchyard will not reset it.' });
  });
});
