import { describe, expect, it } from 'vitest';
import { flywayChecksum } from '../../../../src-main/formats/flyway/flywayChecksum';

describe("Flyway's checksum", () => {
  it('is the value Flyway itself printed for a file', () => {
    // flyway/flyway issue #2474: Flyway 6.0.0 resolved V1_1__add_column_location_history_valid_until.sql,
    // holding this one statement, to -1039259818 ("Resolved locally").
    expect(flywayChecksum('alter table location_history add column valid_until timestamp with time zone;\n')).toBe(-1039259818);
  });

  it('does not change with line ends or a byte-order mark, as Flyway reads lines', () => {
    const lf = 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n';
    expect(flywayChecksum(lf.replace(/\n/g, '\r\n'))).toBe(flywayChecksum(lf));
    expect(flywayChecksum(`\ufeff${lf}`)).toBe(flywayChecksum(lf));
  });

  it('changes when a statement changes', () => {
    expect(flywayChecksum('CREATE TABLE a (id int);')).not.toBe(flywayChecksum('CREATE TABLE a (id bigint);'));
  });
});
