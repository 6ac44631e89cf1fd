import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAlembicHeader, parseAnyAlembicHeader, readUsualHeader } from '../../../src-main/migrations/readers/alembicHeader';
import { normaliseText } from '../../../src-main/migrations/readers/projectFiles';
import { readAlembicProject } from '../../../src-main/migrations/readers/alembicReader';
import { readProject } from '../../../src-main/migrations/readers/detectProject';
import { fixtures } from '../../support/revisions';
import { alembicRevisionFile, generateRevisions, random } from '../../fixtures/migrations/generator';

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

describe('the usual header read by indexOf', () => {
  // Pieces of headers, usual and not, put together at random: whatever readUsualHeader reads must be what the general reading gives.
  const ids = ['a1b2c3d4e5f6', 'ae1027a6acf', 'core', 'x', '2024_05_01', 'a b', 'a,b', 'a)b', 'a]b', "it's", 'say "hi"', 'tab\there', 'é9'];
  const values = (next: () => number, pick: <T>(items: readonly T[]) => T, revision: boolean): string => {
    const id = pick(ids);
    const q = pick(['"', "'"]);
    const s = (v: string) => `${q}${v}${q}`;
    if (next() < 0.85)
      return revision ? s(id) : pick([s(id), 'None', `(${s(id)}, ${s(pick(ids))})`, `(\n    ${s(id)},\n    ${s(pick(ids))},\n)`, `[${s(id)}]`]);
    return pick([
      s(id),
      'None',
      'None  ',
      'Nonesuch',
      `(${s(id)}, ${s(pick(ids))})`,
      `(${s(id)},)`,
      `(${s(id)})`,
      `[${s(id)}, ${s(pick(ids))} ,]`,
      '()',
      '[]',
      '( , )',
      `(${s(id)},,)`,
      `(\n    ${s(id)},\n)`,
      `${s(id)}  # the id`,
      `${s(id)};`,
      `u${s(id)}`,
      `${q}${q}`,
      `${q}${q}${q}${id}${q}${q}${q}`,
      `${s(id)} ${s(pick(ids))}`,
      `${q}a\\${q}b${q}`,
      'PREVIOUS',
      'cli.CONTRACT_BRANCH',
      `(${s(id)}, OTHER)`,
      `\f${s(id)}`,
      `${s(id)}\u2028`,
      `((${s(id)},),)`,
    ]);
  };
  const assignment = (next: () => number, pick: <T>(items: readonly T[]) => T, name: string): string =>
    `${name}${next() < 0.7 ? '' : pick([': str', ': Union[str, Sequence[str], None]', ': str | None', ' ', '\t'])}${next() < 0.9 ? ' = ' : pick(['=', ' =\t', ' == '])}${values(next, pick, name === 'revision')}`;

  function header(seed: number): string {
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const lines: string[] = [];
    if (next() < 0.9)
      lines.push(
        pick(['"""add users', '"""', "'''msg", '# coding: utf-8\n"""x']),
        '',
        'Revision ID: a1',
        pick(['Create Date: 2024-05-01', '  Create Date: x', 'revision = "in the docstring"', '']),
        '"""',
      );
    lines.push('from alembic import op', '');
    const names = ['revision', 'down_revision', 'branch_labels', 'depends_on'];
    for (const name of names.sort(() => next() - 0.5)) {
      const r = next();
      if (r < 0.03) continue;
      lines.push(assignment(next, pick, name));
      if (r > 0.95) lines.push(assignment(next, pick, name));
    }
    if (next() < 0.05) lines.push(pick(['revisions = 3', 'revision_date = 1', 'depends_on_x = None', '    revision = "inner"', 'down_revision\\\n = "a"']));
    lines.push('', 'def upgrade() -> None:', '    op.create_table("t")', '');
    return lines.join(next() < 0.95 ? '\n' : '\r\n');
  }

  it('reads what the general reading reads, on 10,000 generated headers', () => {
    let usual = 0;
    const differ: Array<{ seed: number; text: string }> = [];
    for (let seed = 1; seed <= 10000; seed += 1) {
      const text = header(seed);
      const general = parseAnyAlembicHeader(text);
      const quick = readUsualHeader(text);
      if (quick) usual += 1;
      if ((quick && !isDeepStrictEqual({ ok: true, header: quick }, general)) || !isDeepStrictEqual(parseAlembicHeader(text), general))
        differ.push({ seed, text });
    }
    expect(differ).toEqual([]);
    // The generator makes both kinds: most headers usual, plenty for the general reading.
    expect(usual).toBeGreaterThan(1000);
    expect(usual).toBeLessThan(9000);
  }, 60_000);

  it('takes the usual headers alembic writes, classic and annotated, and the bench generator’s', () => {
    const revisions = generateRevisions(3, {
      revisions: 200,
      branchChance: 0.1,
      mergeChance: 0.1,
      dependsOnChance: 0.05,
      labelChance: 0.05,
      rootChance: 0.01,
      heads: 2,
    });
    revisions.forEach((revision, i) => {
      const text = alembicRevisionFile(revision, i);
      const quick = readUsualHeader(text);
      expect(quick, text).not.toBeNull();
      expect({ ok: true, header: quick }).toEqual(parseAnyAlembicHeader(text));
    });
  });

  it('leaves every header of the styles and broken fixtures that it does not read exactly to the general reading', () => {
    const dir = `${fixtures}alembic-styles/versions/`;
    const broken = `${fixtures}alembic-broken/versions/`;
    for (const path of [...readdirSync(dir).map((n) => dir + n), ...readdirSync(broken).map((n) => broken + n)].filter((p) => p.endsWith('.py'))) {
      const text = normaliseText(readFileSync(path, 'utf8'));
      const quick = readUsualHeader(text);
      if (quick) expect({ ok: true, header: quick }).toEqual(parseAnyAlembicHeader(text));
    }
  });
});
