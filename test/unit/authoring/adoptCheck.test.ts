// What adopt compares: only the objects the revision makes, a table it creates whole (a column the
// database added to it differs too), the revision's other tables never.
import { describe, expect, it } from 'vitest';
import { adoptionEvidence } from '../../../src-main/authoring/adoptCheck';
import { allDifferences } from '../../../src-shared/schema/schemaDiff';
import { column, model, table } from '../../support/schemaModels';

const users = [table('public', 'users'), column('public', 'users', 'id')];
const documents = [
  table('public', 'documents'),
  column('public', 'documents', 'id'),
  column('public', 'documents', 'title', { type: 'text', nullable: false }),
];

describe('adoptionEvidence', () => {
  it('finds every object the revision creates the same on the database, whatever else the database holds', () => {
    const evidence = adoptionEvidence(model(users), model([...users, ...documents]), model([...documents, table('public', 'audit')]));
    expect(evidence.differences.equal).toBe(true);
    expect(evidence.compared.map((c) => [c.key, c.change, c.onDatabase])).toEqual([
      ['table:"public"."documents"', 'creates', 'same'],
      ['column:"public"."documents"."id"', 'creates', 'same'],
      ['column:"public"."documents"."title"', 'creates', 'same'],
    ]);
  });

  it('says which differ, which are missing, and a column the database added to a table the revision creates', () => {
    const actual = [
      table('public', 'documents'),
      column('public', 'documents', 'title', { type: 'text', nullable: true }),
      column('public', 'documents', 'extra'),
    ];
    const evidence = adoptionEvidence(model(users), model([...users, ...documents]), model(actual));
    expect(evidence.compared.map((c) => [c.key, c.onDatabase])).toEqual([
      ['table:"public"."documents"', 'same'],
      ['column:"public"."documents"."id"', 'missing'],
      ['column:"public"."documents"."title"', 'differs'],
    ]);
    expect(allDifferences(evidence.differences).map((d) => [d.change, d.key])).toEqual([
      ['removed', 'column:"public"."documents"."extra"'],
      ['added', 'column:"public"."documents"."id"'],
      ['changed', 'column:"public"."documents"."title"'],
    ]);
  });

  it('expects a table the revision drops to be gone', () => {
    const evidence = adoptionEvidence(model([...users, ...documents]), model(users), model([...users, table('public', 'documents')]));
    expect(evidence.compared).toContainEqual({ key: 'table:"public"."documents"', kind: 'table', change: 'drops', onDatabase: 'still there' });
  });
});
