// Project writes on real files and a real git work tree: all or nothing, each file's style kept, undoable.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyWritePlan, checkWritePlan, diffOf, readProjectFile, undoLastWrite } from '../../../src-main/authoring/projectWrites';
import { UndoRecords } from '../../../src-main/authoring/undoRecords';
import type { WritePlan } from '../../../src-shared/model/writePlan';
import { committedWorkTree, git } from '../../support/gitWorkTree';
import { tempDir } from '../../support/tempDir';

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

function project(): { dir: string; undo: UndoRecords; undoFolder: string } {
  const root = tempDir('switchyard-writes-');
  const dir = join(root, 'migrations');
  mkdirSync(dir);
  const undoFolder = join(root, 'data', 'authoring-undo');
  return { dir, undo: new UndoRecords(undoFolder), undoFolder };
}

describe('project writes', () => {
  it('keeps a CRLF file with a BOM in CRLF with its BOM, changing only the edited line', async () => {
    const { dir, undo } = project();
    writeFileSync(join(dir, '001.py'), Buffer.concat([bom, Buffer.from("revision = '001'\r\ndown_revision = None\r\n")]));
    const before = readProjectFile(dir, '001.py') as string;
    expect(before).toBe("revision = '001'\ndown_revision = None\n");
    const plan: WritePlan = { projectDir: dir, files: [{ path: '001.py', before, after: before.replace('None', "'000'") }] };
    expect(diffOf(plan)).toContain("-down_revision = None\n+down_revision = '000'\n");
    await applyWritePlan(plan, { undo });
    expect(readFileSync(join(dir, '001.py'))).toEqual(Buffer.concat([bom, Buffer.from("revision = '001'\r\ndown_revision = '000'\r\n")]));
  });

  it('writes a new file in the style of the file it is like, and undo removes it and restores the changed one', async () => {
    const { dir, undo, undoFolder } = project();
    const original = Buffer.concat([bom, Buffer.from('a\r\nb\r\n')]);
    writeFileSync(join(dir, 'one.sql'), original);
    const plan: WritePlan = {
      projectDir: dir,
      files: [
        { path: 'one.sql', before: 'a\nb\n', after: 'a\nB\n' },
        { path: 'sub/two.sql', before: null, after: 'x\ny\n', like: 'one.sql' },
      ],
    };
    const result = await applyWritePlan(plan, { undo });
    expect(result.written).toEqual([
      { path: 'one.sql', action: 'changed' },
      { path: 'sub/two.sql', action: 'created' },
    ]);
    expect(readFileSync(join(dir, 'sub/two.sql'))).toEqual(Buffer.concat([bom, Buffer.from('x\r\ny\r\n')]));
    // The undo record holds the project's text: private to the user.
    const [record] = readdirSync(undoFolder);
    expect(statSync(join(undoFolder, record as string)).mode & 0o777).toBe(0o600);
    expect(undo.summary(dir)?.written).toEqual(result.written);

    const undone = await undoLastWrite(dir, { undo });
    expect(undone.written).toEqual([
      { path: 'one.sql', action: 'changed' },
      { path: 'sub/two.sql', action: 'deleted' },
    ]);
    expect(readFileSync(join(dir, 'one.sql'))).toEqual(original);
    expect(existsSync(join(dir, 'sub/two.sql'))).toBe(false);
    await expect(undoLastWrite(dir, { undo })).rejects.toMatchObject({ code: 'E_NOTHING_TO_UNDO' });
  });

  it('refuses a plan when a file changed since it was shown, writing none of its files', async () => {
    const { dir, undo } = project();
    writeFileSync(join(dir, 'a.sql'), 'one\n');
    writeFileSync(join(dir, 'b.sql'), 'two\n');
    const plan: WritePlan = {
      projectDir: dir,
      files: [
        { path: 'a.sql', before: 'one\n', after: 'ONE\n' },
        { path: 'b.sql', before: 'two\n', after: 'TWO\n' },
      ],
    };
    writeFileSync(join(dir, 'b.sql'), 'two, edited by hand\n');
    await expect(applyWritePlan(plan, { undo })).rejects.toMatchObject({ code: 'E_FILE_CHANGED', detail: { files: ['b.sql'] } });
    expect(readFileSync(join(dir, 'a.sql'), 'utf8')).toBe('one\n');
    expect(undo.summary(dir)).toBeNull();
  });

  it('puts everything back when a write fails part-way, and keeps the write before it to undo', async () => {
    const { dir, undo } = project();
    writeFileSync(join(dir, 'a.sql'), 'one\n');
    await applyWritePlan({ projectDir: dir, files: [{ path: 'a.sql', before: 'one\n', after: 'ONE\n' }] }, { undo });
    // `blocker` is a file, so no folder can be made under it: the second file cannot be written.
    writeFileSync(join(dir, 'blocker'), '');
    const plan: WritePlan = {
      projectDir: dir,
      files: [
        { path: 'a.sql', before: 'ONE\n', after: 'uno\n' },
        { path: 'blocker/b.sql', before: null, after: 'two\n' },
      ],
    };
    await expect(applyWritePlan(plan, { undo })).rejects.toMatchObject({ code: 'E_WRITE_FAILED' });
    expect(readFileSync(join(dir, 'a.sql'), 'utf8')).toBe('ONE\n');
    expect(readdirSync(dir).sort()).toEqual(['a.sql', 'blocker']);
    await undoLastWrite(dir, { undo });
    expect(readFileSync(join(dir, 'a.sql'), 'utf8')).toBe('one\n');
  });

  it('refuses a path outside the project folder', async () => {
    const { dir, undo } = project();
    await expect(applyWritePlan({ projectDir: dir, files: [{ path: '../escape.sql', before: null, after: 'x' }] }, { undo })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
    expect(existsSync(join(dir, '..', 'escape.sql'))).toBe(false);
  });

  it('refuses to overwrite a file with uncommitted git changes unless forced, names the uncommitted files, and never commits', async () => {
    const { dir, undo } = project();
    writeFileSync(join(dir, 'a.sql'), 'one\n');
    writeFileSync(join(dir, 'b.sql'), 'two\n');
    committedWorkTree(dir, 'start');
    writeFileSync(join(dir, 'b.sql'), 'two, not committed\n');
    const plan: WritePlan = { projectDir: dir, files: [{ path: 'b.sql', before: 'two, not committed\n', after: 'TWO\n' }] };
    const check = await checkWritePlan(plan);
    expect(check.git.uncommitted).toEqual(['b.sql']);
    expect(check.uncommittedTouched).toEqual(['b.sql']);
    await expect(applyWritePlan(plan, { undo })).rejects.toMatchObject({ code: 'E_UNCOMMITTED_CHANGES', detail: { files: ['b.sql'] } });
    expect(readFileSync(join(dir, 'b.sql'), 'utf8')).toBe('two, not committed\n');

    // A committed file is written without force; the commit count never moves.
    const clean = await applyWritePlan({ projectDir: dir, files: [{ path: 'a.sql', before: 'one\n', after: 'ONE\n' }] }, { undo });
    expect(clean.uncommitted).toEqual(['a.sql', 'b.sql']);
    await applyWritePlan(plan, { undo, force: true });
    expect(readFileSync(join(dir, 'b.sql'), 'utf8')).toBe('TWO\n');
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });
});
