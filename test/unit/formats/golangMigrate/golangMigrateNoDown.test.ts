// A golang-migrate project that ships up files only (as go-shiori/shiori does): a downgrade says which
// file migrate needs, not another format's words.
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src-main/migrations/project';
import { prepareSteps } from '../../../../src-main/runner/preparedStep';
import { fixtures } from '../../../support/revisions';

describe('a golang-migrate version without a down file', () => {
  it('is refused for a downgrade naming the down file migrate reads, and the version it would only move back', () => {
    const project = loadProject(`${fixtures}trial-golang-up-only`);
    expect(project.files.format).toBe('golang-migrate');
    const error = (() => {
      try {
        prepareSteps(project.files, { steps: [{ revision: '2', direction: 'down' }] }, { stamp: false });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'E_NO_DOWNGRADE', detail: { revision: '2', file: '0002_bookmark_created.up.sql' } });
    expect((error as Error).message).toBe(
      'Version 2 has no down file (0002_bookmark_created.down.sql): migrate down would only move the recorded version back and leave the schema as it is. ' +
        'Write that file, or stamp it down if the change was undone by hand.',
    );
    expect(prepareSteps(project.files, { steps: [{ revision: '1', direction: 'down' }] }, { stamp: false })[0]?.body?.file).toBe(
      '0001_create_bookmarks.down.sql',
    );
  });
});
