// The PostgreSQL schema model assembled as its families arrive gives what assembling the families'
// objects as one list gives: the same objects in key order, the same dependencies, comments and twin
// numbering; and it declines (undefined) when an address or a key is not unique.
import { describe, expect, it } from 'vitest';
import { schemaObject, schemaObjectKey, unnamedMatchKey } from '../../../../src-shared/model/schema';
import { Arrivals, assembleArrived, assembleFound } from '../../../../src-main/engines/postgres/schema/assembly';
import type { CatalogDependency } from '../../../../src-main/engines/postgres/schema/dependencies';
import type { FamilyRead, FoundObject } from '../../../../src-main/engines/postgres/schema/foundObject';

const table = (name: string, oid: number): FoundObject => ({
  ref: `1259:${oid}`,
  commentTarget: `TABLE public.${name}`,
  object: schemaObject<'table'>({
    key: schemaObjectKey('table', ['public', name]),
    kind: 'table',
    schema: 'public',
    name,
    definition: `CREATE TABLE public.${name} ()`,
    attributes: { persistence: 'permanent', partitionBy: null, inherits: [], rowSecurity: false, forceRowSecurity: false, withoutRowid: false, strict: false },
    dependsOn: [schemaObjectKey('schema', ['public'])],
  }),
});

const column = (tableName: string, oid: number, number: number, name: string): FoundObject => {
  const parent = schemaObjectKey('table', ['public', tableName]);
  return {
    ref: `1259:${oid}:${number}`,
    commentTarget: `COLUMN public.${tableName}.${name}`,
    object: schemaObject<'column'>({
      key: schemaObjectKey('column', ['public', tableName, name]),
      kind: 'column',
      schema: 'public',
      name,
      parent,
      definition: `${name} integer`,
      attributes: { type: 'integer', nullable: true, default: null, identity: null, generated: null, generatedKind: null, collation: null, position: number },
      dependsOn: [parent],
    }),
  };
};

/** A foreign key whose name the server made up: its match key has no name in it, and two alike are twins. */
const madeUpKey = (name: string, oid: number): FoundObject => {
  const parent = schemaObjectKey('table', ['public', 'orders']);
  const definition = 'FOREIGN KEY (customer_id) REFERENCES public.customers(id)';
  return {
    ref: `2606:${oid}`,
    object: schemaObject<'foreign key'>({
      key: schemaObjectKey('foreign key', ['public', 'orders', name]),
      matchKey: unnamedMatchKey('foreign key', parent, definition),
      kind: 'foreign key',
      schema: 'public',
      name,
      parent,
      generatedName: true,
      definition,
      attributes: {
        deferrable: false,
        initiallyDeferred: false,
        columns: ['customer_id'],
        referencedTable: schemaObjectKey('table', ['public', 'customers']),
        referencedColumns: ['id'],
        onUpdate: 'NO ACTION',
        onDelete: 'NO ACTION',
        match: 'SIMPLE',
        validated: true,
      },
      // Out of key order and naming a column the model does not hold: both put right by the assembly.
      dependsOn: [parent, schemaObjectKey('column', ['public', 'orders', 'customer_id']), schemaObjectKey('column', ['public', 'orders', 'gone'])],
    }),
  };
};

function families(): FamilyRead[] {
  return [
    { objects: [table('orders', 10), table('customers', 20)], unread: [] },
    { objects: [column('orders', 10, 2, 'customer_id'), column('customers', 20, 1, 'id'), column('orders', 10, 1, 'id')], unread: [] },
    { objects: [madeUpKey('orders_customer_id_fkey1', 31), madeUpKey('orders_customer_id_fkey', 30)], unread: [] },
  ];
}

// The foreign keys need their referenced column; a comment on a table and on a column (by its address).
const dependencies: CatalogDependency[] = [
  { from_ref: '2606:30', to_ref: '1259:20:1' },
  { from_ref: '2606:31', to_ref: '1259:20:1' },
];
const comments = [
  { ref: '1259:10', literal: "'orders'", text: 'orders' },
  { ref: '1259:10:2', literal: "'who'", text: 'who' },
];

function arrived(reads: FamilyRead[]): Arrivals {
  const arrivals = new Arrivals();
  for (const read of reads) arrivals.add(read);
  return arrivals;
}

describe('schema assembly as the families arrive', () => {
  it('gives the objects, dependencies, comments and twin numbers that assembling them as one list gives', () => {
    const fromList = assembleFound(
      families().flatMap((read) => read.objects),
      dependencies,
      comments,
    );
    const fromArrivals = assembleArrived(arrived(families()), dependencies, comments);
    expect(fromArrivals).toEqual(fromList);
    expect(fromList.map((object) => object.key)).toEqual([...fromList.map((object) => object.key)].sort());
    const [first, second] = fromList.filter((object) => object.kind === 'foreign key');
    expect([first?.matchKey.endsWith('#2'), second?.matchKey.endsWith('#2')]).toEqual([false, true]);
    expect(first?.dependsOn).toEqual(
      [
        schemaObjectKey('column', ['public', 'customers', 'id']),
        schemaObjectKey('column', ['public', 'orders', 'customer_id']),
        // A column needed brings its table (pg_depend names the column).
        schemaObjectKey('table', ['public', 'customers']),
        schemaObjectKey('table', ['public', 'orders']),
      ].sort(),
    );
    expect(fromList.filter((object) => object.kind === 'comment').map((object) => object.definition)).toEqual([
      "COMMENT ON COLUMN public.orders.customer_id IS 'who'",
      "COMMENT ON TABLE public.orders IS 'orders'",
    ]);
  });

  it('merges families whose keys interleave in any way into key order, as sorting them all would', () => {
    // Tables and columns of 40 names spread over four families in a scrambled order: runs of every length to gallop over.
    const scrambled = Array.from({ length: 40 }, (_, at) => (at * 17) % 40);
    const reads: FamilyRead[] = [0, 1, 2, 3].map((family) => ({
      objects: scrambled
        .filter((at) => at % 4 === family || (at % 7 === 0 && family === 3 - (at % 4)))
        .flatMap((at) => (at % 3 === 0 ? [table(`t${String(at).padStart(2, '0')}`, 100 + at)] : [column('t', 1, at + 1, `c${at}`)]))
        .filter((found, at, all) => all.findIndex((other) => other.ref === found.ref) === at),
      unread: [],
    }));
    const seen = new Set<string>();
    for (const read of reads) read.objects = read.objects.filter((found) => !seen.has(found.ref) && seen.add(found.ref));
    const fromArrivals = assembleArrived(arrived(reads), [], []);
    const fromList = assembleFound(
      reads.flatMap((read) => read.objects),
      [],
      [],
    );
    expect(fromArrivals?.map((object) => object.key)).toEqual(fromList.map((object) => object.key));
    expect(fromList).toHaveLength(40);
  });

  it('declines when two objects share an address or a key, so the list is assembled instead', () => {
    const reads = families();
    reads.push({ objects: [table('orders', 99)], unread: [] });
    expect(assembleArrived(arrived(reads), dependencies, comments)).toBeUndefined();
    const sameAddress = families();
    sameAddress.push({ objects: [{ ...table('elsewhere', 99), ref: '1259:10' }], unread: [] });
    expect(assembleArrived(arrived(sameAddress), dependencies, comments)).toBeUndefined();
  });
});
