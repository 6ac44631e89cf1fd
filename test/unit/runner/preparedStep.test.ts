// A revert is prepared only when every revision it goes through can be undone; a stamp never runs SQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src-main/migrations/project';
import { prepareSteps } from '../../../src-main/runner/preparedStep';
import { SwitchyardError } from '../../../src-shared/errors';
import type { Plan } from '../../../src-shared/model/revision';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-downgrade-'));
writeFileSync(
  join(dir, '001_documents.sql'),
  '-- revision: 0001\n-- parents: none\n-- message: create documents\n-- migrate:up\nCREATE TABLE documents (id int);\n-- migrate:down\nDROP TABLE documents;\n',
);
writeFileSync(
  join(dir, '002_backfill.sql'),
  '-- revision: 0002\n-- parents: 0001\n-- message: backfill titles\n-- migrate:up\nALTER TABLE documents ADD COLUMN title text;\n',
);
writeFileSync(join(dir, '003_marker.sql'), '-- revision: 0003\n-- parents: 0002\n-- message: release marker\n-- migrate:up\n');
const project = loadProject(dir, { format: 'native' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const down = (...revisions: string[]): Plan => ({ steps: revisions.map((revision) => ({ revision, direction: 'down' })) });

function refusal(plan: Plan): { code: string; message: string; detail: unknown } | undefined {
  try {
    prepareSteps(project.files, plan, { stamp: false });
    return undefined;
  } catch (error) {
    if (error instanceof SwitchyardError) return { code: error.code, message: error.message, detail: error.detail };
    throw error;
  }
}

describe('preparing the steps of a run', () => {
  it('refuses to revert a change with no down section, naming its revision and file', () => {
    expect(refusal(down('0002', '0001'))).toEqual({
      code: 'E_NO_DOWNGRADE',
      message:
        'Revision 0002 (002_backfill.sql) has no "-- migrate:down" section, so it cannot be reverted. Stamp it down instead if the change was undone by hand.',
      detail: { revision: '0002', file: '002_backfill.sql' },
    });
  });

  it('reverts a revision that changed nothing, with nothing to run', () => {
    expect(refusal(down('0003'))).toBeUndefined();
    expect(prepareSteps(project.files, down('0003'), { stamp: false })[0]?.body).toBeNull();
  });

  it('stamps a change without a down section down, running no SQL', () => {
    const steps = prepareSteps(project.files, down('0002', '0001'), { stamp: true });
    expect(steps.map((s) => [s.revision, s.body])).toEqual([
      ['0002', null],
      ['0001', null],
    ]);
  });

  it('prepares a revert that has a down section with its SQL', () => {
    expect(prepareSteps(project.files, down('0001'), { stamp: false })[0]?.body?.sql).toContain('DROP TABLE documents;');
  });

  it('refuses a revision the project has no file for', () => {
    expect(refusal(down('0009'))).toMatchObject({ code: 'E_UNKNOWN_REVISION' });
  });
});
