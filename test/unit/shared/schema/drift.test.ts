// Drift, the pure part: the diff of what the migrations made against the database in the user's words,
// each object with the revision that made it (or made what holds it), a whole table one object, and
// another application's objects set apart by schema, name pattern or as not made by the migrations.
import { describe, expect, it } from 'vitest';
import { noExclusions } from '../../../../src-shared/model/drift';
import { driftOf, setApart } from '../../../../src-shared/schema/drift';
import { diffSchemas } from '../../../../src-shared/schema/schemaDiff';
import { column, model, table, tableKey, view } from '../../../support/schemaModels';

const made = model([table('public', 'orders'), column('public', 'orders', 'id'), column('public', 'orders', 'total', { default: '0' })]);
const createdBy = {
  [tableKey('public', 'orders')]: 'o1',
  'column:"public"."orders"."id"': 'o1',
  'column:"public"."orders"."total"': 'o2',
};

describe('driftOf', () => {
  it('names a changed column by the revision that made it and an added one by the revision that made its table', () => {
    const actual = model([
      table('public', 'orders'),
      column('public', 'orders', 'id'),
      column('public', 'orders', 'total', { default: '1' }),
      column('public', 'orders', 'note', { type: 'text' }),
    ]);
    const found = driftOf(made, actual, createdBy, noExclusions, ['o1', 'o2']);
    expect(found.objects.map((o) => [o.change, o.name, o.revision, o.object])).toEqual([
      ['unexpected', 'note', 'o1', tableKey('public', 'orders')],
      ['changed', 'total', 'o2', tableKey('public', 'orders')],
    ]);
    expect(found.objects[1]?.attributes).toEqual([{ attribute: 'default', from: '0', to: '1' }]);
    expect(found.revisions).toEqual(['o1', 'o2']);
  });

  it('counts a table missing as a whole once, not once per column', () => {
    const found = driftOf(made, model([]), createdBy, noExclusions, ['o1', 'o2']);
    expect(found.objects.map((o) => [o.change, o.kind, o.name, o.revision])).toEqual([['missing', 'table', 'orders', 'o1']]);
  });

  it("sets another application's objects apart by schema, by pattern and as not made by the migrations, and lists them", () => {
    const actual = model([...made.objects, table('blog', 'posts'), table('public', 'wp_options'), view('public', 'crm_leads', 'SELECT 1')]);
    const byRules = driftOf(made, actual, createdBy, { schemas: ['blog'], namePatterns: ['public.wp_*'], notFromMigrations: false }, []);
    expect(byRules.objects.map((o) => o.name)).toEqual(['crm_leads']);
    expect(byRules.otherApplication.map((o) => [o.name, o.rule])).toEqual([
      ['posts', 'schema blog'],
      ['wp_options', 'name public.wp_*'],
    ]);
    const notOurs = driftOf(made, actual, createdBy, { schemas: [], namePatterns: [], notFromMigrations: true }, []);
    expect(notOurs.objects).toEqual([]);
    expect(notOurs.otherApplication.map((o) => o.name)).toEqual(['posts', 'wp_options', 'crm_leads']);
  });

  it('treats a pattern as a whole name with * for any run of characters, other characters as themselves', () => {
    const actual = model([...made.objects, table('public', 'wpXoptions'), table('public', 'wp.options')]);
    const found = driftOf(made, actual, createdBy, { schemas: [], namePatterns: ['wp.*'], notFromMigrations: false }, []);
    expect(found.objects.map((o) => o.name)).toEqual(['wpXoptions']);
  });

  it("takes another application's objects out of a diff, listed by rule, and 'not made by the migrations' only when something says what they made", () => {
    const database = model([
      ...made.objects,
      table('public', 'wp_posts'),
      column('public', 'wp_posts', 'id'),
      table('blog', 'posts'),
      view('public', 'crm_leads', 'SELECT 1'),
    ]);
    const diff = diffSchemas(database, made);
    const byName = setApart(diff, { schemas: ['blog'], namePatterns: ['wp_*'], notFromMigrations: false }, undefined);
    expect(byName.diff.groups.map((g) => g.name)).toEqual(['crm_leads']);
    expect(byName.diff.equal).toBe(false);
    expect(byName.otherApplication.map((o) => [o.name, o.rule])).toEqual([
      ['posts', 'schema blog'],
      ['wp_posts', 'name wp_*'],
    ]);
    const notOurs = { schemas: [], namePatterns: [], notFromMigrations: true };
    expect(setApart(diff, notOurs, undefined).diff).toEqual(diff);
    const known = setApart(diff, notOurs, new Set(made.objects.map((o) => o.key)));
    expect(known.diff.equal).toBe(true);
    expect(known.otherApplication.map((o) => o.rule)).toEqual(['not made by the migrations', 'not made by the migrations', 'not made by the migrations']);
  });
});
