// `switchyard profiles --help` lists the profile's fields from the field table, so the help cannot
// miss a field, a choice or the engine a field belongs to.
import { describe, expect, it } from 'vitest';
import { profilesCommand } from '../../../src-main/cli/commands/profiles';
import { profileFieldNames, profileFieldTable, projectFormatChoices, type ProfileField } from '../../../src-shared/model/profile';

const fieldsSection = () => profilesCommand.usage.slice(profilesCommand.usage.indexOf('Fields'), profilesCommand.usage.indexOf('Password'));

describe('the profiles command help', () => {
  it('lists every field of the table with its flag and its label', () => {
    const section = fieldsSection();
    for (const name of profileFieldNames) {
      const field: ProfileField = profileFieldTable[name];
      expect(section).toContain(`--${field.flag} `);
      expect(section).toContain(field.label);
    }
  });

  it('offers every choice a field takes, and both flags of a yes/no field', () => {
    const section = fieldsSection();
    expect(section).toContain(`--format ${projectFormatChoices.join('|')}`);
    expect(section).toContain('--read-only | --writable');
    expect(section).toContain('--port N');
  });

  it("says which engine's connections a field belongs to", () => {
    const section = fieldsSection();
    expect(section).toMatch(/--sqlite-path PATH +SQLite file \(SQLite\)\n/);
    expect(section).toMatch(/--host TEXT +Host \(PostgreSQL\)\n/);
    expect(section).toMatch(/--notes TEXT +Notes\n/);
  });
});
