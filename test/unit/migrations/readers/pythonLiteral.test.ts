// The literals of an Alembic header, read without running Python: what each reads as, and what is refused.
import { describe, expect, it } from 'vitest';
import { LiteralError, readPythonLiteral, readPythonValue, readStringAt } from '../../../../src-main/migrations/readers/pythonLiteral';

const value = (text: string) => readPythonLiteral(text, 0).value;

function refusal(text: string): { message: string; index: number } {
  try {
    readPythonLiteral(text, 0);
  } catch (error) {
    if (error instanceof LiteralError) return { message: error.message, index: error.index };
    throw error;
  }
  throw new Error(`${text} was read`);
}

describe('the Python literal reader', () => {
  it('reads a revision id in either quote, with a prefix, and None', () => {
    expect(value("'ae1027a6acf'")).toBe('ae1027a6acf');
    expect(value('"ae1027a6acf"')).toBe('ae1027a6acf');
    expect(value("r'ae1027a6acf'")).toBe('ae1027a6acf');
    expect(value("u'ae1027a6acf'")).toBe('ae1027a6acf');
    expect(value('None')).toBeNull();
  });

  it('reads escapes the way Python does, and leaves them alone in a raw string', () => {
    expect(value("'it\\'s'")).toBe("it's");
    expect(value("'a\\tb\\nc'")).toBe('a\tb\nc');
    expect(value("r'a\\nb'")).toBe('a\\nb');
  });

  it('reads a tuple of two parents as two, and a parenthesised string as one string', () => {
    expect(value("('a1', 'b2')")).toEqual(['a1', 'b2']);
    expect(value("('a1',)")).toEqual(['a1']);
    expect(value("('a1')")).toBe('a1');
    expect(value('[]')).toEqual([]);
    expect(value("['a1', None, ('b2', 'c3')]")).toEqual(['a1', null, ['b2', 'c3']]);
  });

  it('reads a tuple over several lines with comments and a trailing comma', () => {
    expect(value("(\n    'a1',  # the billing branch\n    'b2',\n)")).toEqual(['a1', 'b2']);
  });

  it('allows a comment or a semicolon after the value, and says where the value ends', () => {
    expect(readPythonLiteral("'a1'  # parent\nx = 1", 0)).toEqual({ value: 'a1', end: 4 });
    expect(value("'a1'; depends_on = None")).toBe('a1');
  });

  it('refuses what it cannot read without running Python, saying what and where', () => {
    expect(refusal('make_revision()')).toEqual({ message: 'not a literal string, tuple, list or None', index: 0 });
    expect(refusal('Nonesuch')).toMatchObject({ message: 'not a literal string, tuple, list or None' });
    expect(refusal("'a1' + 'b2'")).toEqual({ message: 'unexpected text after the value', index: 5 });
    expect(refusal("'a1")).toEqual({ message: 'unterminated string', index: 0 });
    expect(refusal("'a1\n'")).toMatchObject({ message: 'unterminated string' });
    expect(refusal("('a1', 'b2'")).toMatchObject({ message: 'missing ")"' });
    expect(refusal("('a1' 'b2')")).toEqual({ message: 'expected "," or ")"', index: 6 });
  });

  it('reads a dotted name as a name to look up, alone or in a tuple, only when names are asked for', () => {
    expect(readPythonValue('(cli.CONTRACT_BRANCH,)', 0).value).toEqual([{ name: 'cli.CONTRACT_BRANCH', index: 1 }]);
    expect(readPythonValue('SOME_CONSTANT  # why', 0)).toEqual({ value: { name: 'SOME_CONSTANT', index: 0 }, end: 13 });
    expect(readPythonValue("('a1', base . REV)", 0).value).toEqual(['a1', { name: 'base.REV', index: 7 }]);
    expect(() => readPythonValue('make_revision()', 0)).toThrow('unexpected text after the value');
    expect(refusal('SOME_CONSTANT')).toMatchObject({ message: 'not a literal string, tuple, list or None' });
  });

  it('does not read a single-line value across a line break', () => {
    expect(refusal('\n"a1"')).toMatchObject({ message: 'not a literal string, tuple, list or None' });
  });

  it('reads a docstring where one starts, and nothing where none does', () => {
    expect(readStringAt('x = 1\n"""Add the orders table\n\nRevision ID: a1\n"""', 6)?.value).toBe('Add the orders table\n\nRevision ID: a1\n');
    expect(readStringAt('x = 1', 0)).toBeNull();
    expect(readStringAt('"""never closed', 0)).toBeNull();
  });
});
