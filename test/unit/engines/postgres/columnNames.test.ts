// The columns of a PostgreSQL schema read as constraints and indexes name them: each column's name,
// its position among its table's live columns, and its key, made once and shared.
import { describe, expect, it } from 'vitest';
import { quotedKeyPart, schemaObjectKey } from '../../../../src-shared/model/schema';
import { ColumnNames, numberList } from '../../../../src-main/engines/postgres/schema/foundObject';

describe('ColumnNames', () => {
  it('numbers a table’s live columns by column number, a dropped column’s gap left out, whatever order they came in', () => {
    const names = new ColumnNames();
    names.add('200', 5, 'e');
    names.add('100', 3, 'c');
    names.add('100', 1, 'a');
    names.add('200', 2, 'b');
    // Column 2 of table 100 was dropped: c is its second live column.
    expect([names.position('100', 1), names.position('100', 3), names.position('200', 2), names.position('200', 5)]).toEqual([1, 2, 1, 2]);
    expect(names.position('100', 2)).toBe(0);
    expect(names.position('300', 1)).toBe(0);
  });

  it('gives a column’s key as schemaObjectKey spells it, and the very key it was given when it was made with its object', () => {
    const names = new ColumnNames();
    names.add('100', 1, 'Id "x".y');
    expect(names.key('100', 1, 'Sales & "Ops".v2', 'Order Lines')).toBe(schemaObjectKey('column', ['Sales & "Ops".v2', 'Order Lines', 'Id "x".y']));
    const made = schemaObjectKey('column', ['public', 'orders', 'total']);
    names.add('200', 4, 'total', made);
    expect(names.key('200', 4, 'public', 'orders')).toBe(made);
  });

  it('names a column it never read #<number>, in its name and its key', () => {
    const names = new ColumnNames();
    names.add('100', 1, 'a');
    expect(names.name('100', 7)).toBe('#7');
    expect(names.name('999', 1)).toBe('#1');
    expect(names.key('100', 7, 'public', 't')).toBe('column:"public"."t"."#7"');
  });

  it('gives a relation’s key as schemaObjectKey spells it, the same string for each of its columns, constraints and indexes', () => {
    const names = new ColumnNames();
    const first = names.relationKey('100', 'partition', 'Sales & "Ops".v2', 'Events 2026');
    expect(first).toBe(schemaObjectKey('partition', ['Sales & "Ops".v2', 'Events 2026']));
    expect(names.relationKey('100', 'partition', 'Sales & "Ops".v2', 'Events 2026')).toBe(first);
  });
});

describe('numberList', () => {
  it('reads the lists the server prints space-separated, and refuses anything else', () => {
    expect(numberList('1 2 10')).toEqual([1, 2, 10]);
    expect(numberList('0 3')).toEqual([0, 3]);
    expect(numberList('-2 7')).toEqual([-2, 7]);
    expect(numberList('')).toEqual([]);
    expect(numberList(null)).toEqual([]);
    expect(() => numberList('{1,2}')).toThrow('list of numbers');
  });
});

describe('schemaObjectKey', () => {
  it('quotes every part, doubling quotes inside, with or without a signature', () => {
    expect(quotedKeyPart('plain')).toBe('"plain"');
    expect(quotedKeyPart('a "b" c')).toBe('"a ""b"" c"');
    expect(schemaObjectKey('table', ['public', 'orders'])).toBe('table:"public"."orders"');
    expect(schemaObjectKey('function', ['s"x', 'f'], 'integer, text')).toBe('function:"s""x"."f"(integer, text)');
    expect(schemaObjectKey('extension', ['citext'])).toBe('extension:"citext"');
  });
});
