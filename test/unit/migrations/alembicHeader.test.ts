import { describe, expect, it } from 'vitest';
import { parseAlembicHeader } from '../../../src-main/migrations/readers/alembicHeader';
import { readAlembicProject } from '../../../src-main/migrations/readers/alembicReader';
import { readProject } from '../../../src-main/migrations/readers/detectProject';
import { fixtures } from '../../support/revisions';

function header(text: string) {
  const read = parseAlembicHeader(text);
  if (!read.ok) throw new Error(read.reason);
  return read.header;
}

describe('Alembic headers, read without running Python', () => {
  it('reads plain assignments, the message and the create date from the docstring', () => {
    const h = header('"""add users\n\nRevision ID: 1a\nCreate Date: 2024-05-01 09:00:00\n"""\nrevision = "1abc"\ndown_revision = None\n');
    expect(h).toMatchObject({ revision: '1abc', downRevisions: [], message: 'add users', createdAt: '2024-05-01 09:00:00', line: 6 });
  });

  it('reads the annotated forms: Union[...], str | None', () => {
    const h = header(
      "revision: str = 'b2'\ndown_revision: Union[str, Sequence[str], None] = 'a1'\nbranch_labels: str | Sequence[str] | None = None\ndepends_on: str | None = 'x9'\n",
    );
    expect(h).toMatchObject({ revision: 'b2', downRevisions: ['a1'], branchLabels: [], dependsOn: ['x9'] });
  });

  it('reads tuples and lists over several lines, with comments and trailing commas', () => {
    const h = header('revision = "m1"\ndown_revision = (\n    "a1",  # core\n    \'b2\',\n)\ndepends_on = [\n  "c3",\n]\nbranch_labels = ("x", "y")\n');
    expect(h).toMatchObject({ downRevisions: ['a1', 'b2'], dependsOn: ['c3'], branchLabels: ['x', 'y'] });
  });

  it('reads triple-quoted strings and a parenthesised single string', () => {
    expect(header("revision = '''t1'''\ndown_revision = (\"p1\")\n").downRevisions).toEqual(['p1']);
  });

  it('keeps the line of the revision assignment and ignores indented assignments in functions', () => {
    const h = header('"""doc"""\n\nrevision = "r1"\ndown_revision = None\n\ndef upgrade():\n    revision = "inner"\n');
    expect(h).toMatchObject({ revision: 'r1', line: 3 });
  });

  it('explains a header it cannot read statically, with its line', () => {
    expect(parseAlembicHeader('revision = "r1"\ndown_revision = PREVIOUS\n')).toMatchObject({
      ok: true,
      header: {
        revision: 'r1',
        downRevisions: [],
        unresolved: [{ field: 'down_revision', expression: 'PREVIOUS', line: 2, reason: expect.stringContaining('PREVIOUS') }],
      },
    });
    expect(parseAlembicHeader('revision = make_id()\ndown_revision = None\n')).toMatchObject({
      ok: false,
      line: 1,
      reason: expect.stringContaining('revision is unexpected text'),
    });
    expect(parseAlembicHeader('print(1)\n')).toMatchObject({ ok: false, reason: expect.stringContaining('no `revision') });
    expect(parseAlembicHeader('revision = "r1"\n')).toMatchObject({ ok: false, reason: expect.stringContaining('no `down_revision`') });
  });
});

describe('reading an Alembic project', () => {
  it('reads every header style in the styles fixture, whatever the line ends or BOM', () => {
    const project = readProject(`${fixtures}alembic-styles`);
    expect(project.format).toBe('alembic');
    expect(project.unreadable).toEqual([]);
    const byId = new Map(project.files.map((f) => [f.revision.id, f.revision]));
    expect([...byId.keys()].sort()).toEqual(['a1a1a1a1', 'b2b2b2b2', 'c3c3c3c3', 'd4d4d4d4', 'e5e5e5e5']);
    expect(byId.get('a1a1a1a1')).toMatchObject({
      branchLabels: ['core'],
      message: 'plain assignments',
      createdAt: '2024-05-01 09:00:00',
      file: 'versions/a1_plain.py',
      line: 6,
    });
    expect(byId.get('c3c3c3c3')).toMatchObject({ parents: ['a1a1a1a1'], branchLabels: ['reports', 'analytics'], dependsOn: ['b2b2b2b2'] });
    expect(byId.get('d4d4d4d4')).toMatchObject({ parents: ['b2b2b2b2', 'c3c3c3c3'], dependsOn: ['a1a1a1a1'] });
    expect(byId.get('e5e5e5e5')).toMatchObject({ parents: ['d4d4d4d4'], message: 'CRLF line ends and a BOM', line: 2 });
  });

  it('finds the versions folder through alembic.ini and reports paths relative to the project', () => {
    const project = readProject(`${fixtures}seed-tree`);
    expect(project.files).toHaveLength(25);
    expect(project.files[0]?.revision.file).toMatch(/^alembic\/versions\/.+\.py$/);
  });

  it('reports unreadable files as anomalies, not errors', () => {
    const project = readAlembicProject(`${fixtures}alembic-broken`, [`${fixtures}alembic-broken/versions`]);
    expect(project.unreadable.map((a) => [a.file, a.line])).toEqual([
      ['versions/12_unreadable.py', 3],
      ['versions/13_not_a_revision.py', 1],
    ]);
  });
});
