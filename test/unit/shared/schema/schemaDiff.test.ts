import { describe, expect, it } from 'vitest';
import { allDifferences, diffSchemas } from '../../../../src-shared/schema/schemaDiff';
import { column, model, object, table, tableKey, view } from '../../../support/schemaModels';

const primaryKey = (tableName: string, name: string, columns: string[], generated: boolean) =>
  object('primary key', {
    path: ['public', tableName, name],
    parent: tableKey('public', tableName),
    generated: generated ? `PRIMARY KEY (${columns.join(', ')})` : undefined,
    definition: `PRIMARY KEY (${columns.join(', ')})`,
    attributes: { columns, deferrable: false, initiallyDeferred: false },
  });

describe('the schema diff', () => {
  it('says two identical models are equal', () => {
    const objects = () => [table('public', 'orders'), column('public', 'orders', 'id')];
    expect(diffSchemas(model(objects()), model(objects()))).toMatchObject({ equal: true, groups: [] });
  });

  it('groups an added table with its columns, a removed one with its own, both under the table', () => {
    const from = model([table('public', 'gone'), column('public', 'gone', 'id')]);
    const to = model([table('public', 'orders'), column('public', 'orders', 'id'), column('public', 'orders', 'total', { position: 2 })]);

    const diff = diffSchemas(from, to);

    expect(diff.equal).toBe(false);
    expect(diff.groups.map((g) => [g.object, g.differences.map((d) => `${d.change} ${d.kind} ${d.name}`)])).toEqual([
      ['table:"public"."gone"', ['removed table gone', 'removed column id']],
      ['table:"public"."orders"', ['added table orders', 'added column id', 'added column total']],
    ]);
    const added = diff.groups[1]?.differences[0];
    expect(added?.to?.definition).toBe('CREATE TABLE "public"."orders" ()');
    expect(added?.from).toBeNull();
  });

  it('reports each changed attribute of a column with both sides, and both definitions', () => {
    const from = model([table('public', 'orders'), column('public', 'orders', 'total', { type: 'integer', default: '0' })]);
    const to = model([table('public', 'orders'), column('public', 'orders', 'total', { type: 'numeric(10,2)', nullable: false, default: '0' })]);

    const [change] = allDifferences(diffSchemas(from, to));

    expect(change?.change).toBe('changed');
    expect(change?.attributes).toEqual([
      { attribute: 'nullable', from: true, to: false },
      { attribute: 'type', from: 'integer', to: 'numeric(10,2)' },
    ]);
    expect([change?.from?.definition, change?.to?.definition]).toEqual(['"total" integer', '"total" numeric(10,2) NOT NULL']);
  });

  it('does not count column order unless asked', () => {
    const from = model([table('public', 't'), column('public', 't', 'a', { position: 1 }), column('public', 't', 'b', { position: 2 })]);
    const to = model([table('public', 't'), column('public', 't', 'a', { position: 2 }), column('public', 't', 'b', { position: 1 })]);

    expect(diffSchemas(from, to).equal).toBe(true);
    const ordered = allDifferences(diffSchemas(from, to, { columnOrder: true }));
    expect(ordered.map((d) => [d.name, d.attributes])).toEqual([
      ['a', [{ attribute: 'position', from: 1, to: 2 }]],
      ['b', [{ attribute: 'position', from: 2, to: 1 }]],
    ]);
  });

  it('pairs a primary key the server named by what it is, so another generated name is no difference', () => {
    const from = model([table('public', 't'), primaryKey('t', 't_pkey', ['id'], true)]);
    const to = model([table('public', 't'), primaryKey('t', 't_pkey1', ['id'], true)]);

    expect(diffSchemas(from, to).equal).toBe(true);
    expect(allDifferences(diffSchemas(from, to, { generatedNames: true })).map((d) => `${d.change} ${d.name}`)).toEqual(['removed t_pkey', 'added t_pkey1']);
  });

  it('reports a primary key the server named as changed when what it is differs under the same name', () => {
    const from = model([table('public', 't'), primaryKey('t', 't_pkey', ['id'], true)]);
    const to = model([table('public', 't'), primaryKey('t', 't_pkey', ['id', 'tenant'], true)]);

    expect(allDifferences(diffSchemas(from, to)).map((d) => [d.change, d.name, d.attributes])).toEqual([
      ['changed', 't_pkey', [{ attribute: 'columns', from: ['id'], to: ['id', 'tenant'] }]],
    ]);
  });

  it('reports a primary key the server named as removed and added when both name and definition differ', () => {
    const from = model([table('public', 't'), primaryKey('t', 't_pkey', ['id'], true)]);
    const to = model([table('public', 't'), primaryKey('t', 't_pkey1', ['id', 'tenant'], true)]);

    expect(allDifferences(diffSchemas(from, to)).map((d) => `${d.change} ${d.name}`)).toEqual(['removed t_pkey', 'added t_pkey1']);
  });

  it('pairs a name a migration chose by name: another name is a difference', () => {
    const from = model([table('public', 't'), primaryKey('t', 'pk_t', ['id'], false)]);
    const to = model([table('public', 't'), primaryKey('t', 'pk_orders', ['id'], false)]);

    expect(allDifferences(diffSchemas(from, to)).map((d) => `${d.change} ${d.name}`)).toEqual(['added pk_orders', 'removed pk_t']);
  });

  it('does not count whitespace in a view body unless asked, but counts a changed word', () => {
    const from = model([view('public', 'v', 'SELECT id,\n       total\n  FROM orders')]);
    const to = model([view('public', 'v', 'SELECT id, total FROM orders')]);
    const changed = model([view('public', 'v', 'SELECT id, total FROM refunds')]);

    expect(diffSchemas(from, to).equal).toBe(true);
    expect(allDifferences(diffSchemas(from, to, { whitespace: true })).map((d) => d.attributes[0]?.attribute)).toEqual(['query']);
    expect(allDifferences(diffSchemas(from, changed)).map((d) => d.attributes)).toEqual([
      [{ attribute: 'query', from: 'SELECT id,\n       total\n  FROM orders', to: 'SELECT id, total FROM refunds' }],
    ]);
  });

  it('keeps whitespace inside quoted strings: a default of two spaces is not one space', () => {
    const from = model([table('public', 't'), column('public', 't', 'c', { type: 'text', default: "'a  b'::text" })]);
    const to = model([table('public', 't'), column('public', 't', 'c', { type: 'text', default: "'a b'::text" })]);

    expect(allDifferences(diffSchemas(from, to)).map((d) => d.attributes.map((a) => a.attribute))).toEqual([['default']]);
  });

  it('counts a function body changed beyond whitespace through its hash, and ignores a hash changed by layout alone', () => {
    const fn = (body: string, hash: string) =>
      object('function', {
        path: ['public', 'total'],
        definition: `CREATE OR REPLACE FUNCTION public.total()\n RETURNS integer\n LANGUAGE sql\nAS $function$${body}$function$`,
        attributes: {
          signature: '',
          arguments: '',
          returns: 'integer',
          language: 'sql',
          volatility: 'volatile',
          strict: false,
          securityDefiner: false,
          bodyHash: hash,
        },
      });

    expect(diffSchemas(model([fn('select 1', 'h1')]), model([fn('select\n   1', 'h2')])).equal).toBe(true);
    expect(allDifferences(diffSchemas(model([fn('select 1', 'h1')]), model([fn('select 2', 'h3')]))).map((d) => d.attributes)).toEqual([
      [{ attribute: 'bodyHash', from: 'h1', to: 'h3' }],
    ]);
  });

  it("carries what either side could not read, and how each side's read went otherwise than planned", () => {
    const from = { ...model([]), notes: ['Read on one connection instead of 3: the server would not share it.'] };
    const to = { ...model([]), unread: [{ object: 'rule "r" on "public"."orders"', reason: 'rules are not modelled' }] };

    expect(diffSchemas(from, to)).toEqual({ equal: true, groups: [], unread: { from: [], to: to.unread }, notes: { from: from.notes, to: [] } });
  });
});
