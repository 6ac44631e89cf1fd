import { describe, expect, it } from 'vitest';
import { confirmationRefusal, type ConfirmedChange } from '../../../src-shared/model/confirmation';

const run = (environment: string): ConfirmedChange => ({ connection: 'Orders', environment, what: 'run this upgrade on it' });
const reset = (environment: string): ConfirmedChange => ({
  connection: 'Orders',
  environment,
  what: 'reset it',
  typed: 'orders_db',
  always: true,
  productionWord: true,
});

describe('the typed confirmation', () => {
  it('asks nothing of a run off production', () => {
    expect(confirmationRefusal(run('staging'), {})).toBeUndefined();
  });

  it("refuses a production change without the connection's name, or with another", () => {
    expect(confirmationRefusal(run('prod'), {})).toBe('Orders is a production connection: type its name (Orders) to run this upgrade on it.');
    expect(confirmationRefusal(run('prod'), { typedName: 'orders' })).toContain('type its name (Orders)');
    expect(confirmationRefusal(run('prod'), { typedName: 'Orders' })).toBeUndefined();
  });

  it("refuses a reset whose typed name is not the database's, on any environment", () => {
    expect(confirmationRefusal(reset('dev'), { typedName: 'Orders' })).toBe('The typed name does not match "orders_db": type it to reset it.');
    expect(confirmationRefusal(reset('dev'), { typedName: 'orders_db' })).toBeUndefined();
  });

  it('refuses a production reset until the environment is acknowledged by its name too', () => {
    expect(confirmationRefusal(reset('prod'), { typedName: 'orders_db' })).toContain('type "production"');
    expect(confirmationRefusal(reset('prod'), { typedName: 'orders_db', environmentAcknowledged: 'yes' })).toContain('type "production"');
    expect(confirmationRefusal(reset('prod'), { typedName: 'orders_db', environmentAcknowledged: ' Production ' })).toBeUndefined();
    expect(confirmationRefusal(reset('prod'), { typedName: 'orders_db', environmentAcknowledged: 'prod' })).toBeUndefined();
  });
});
