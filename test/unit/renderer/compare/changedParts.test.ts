// The words the Compare screen marks in two definitions: only what the other side lacks, the rest
// plain, and each side put back together exactly as it was.
import { describe, expect, it } from 'vitest';
import { changedParts, type DefinitionPart } from '../../../../src-renderer/features/compare/changedParts';

const marked = (parts: DefinitionPart[]) => parts.filter((p) => p.changed).map((p) => p.text.trim());
const whole = (parts: DefinitionPart[]) => parts.map((p) => p.text).join('');

describe('changedParts', () => {
  it('marks only the type that changed in a column definition', () => {
    const a = '"total" integer NOT NULL';
    const b = '"total" bigint NOT NULL';
    const parts = changedParts(a, b);
    expect(marked(parts.a)).toEqual(['integer']);
    expect(marked(parts.b)).toEqual(['bigint']);
    expect(whole(parts.a)).toBe(a);
    expect(whole(parts.b)).toBe(b);
  });

  it('marks a clause one side has and the other lacks, and nothing on the side without it', () => {
    const parts = changedParts('CREATE INDEX i ON public.t USING btree (a) WHERE (a > 0)', 'CREATE INDEX i ON public.t USING btree (a)');
    expect(marked(parts.a)).toEqual(['WHERE (a > 0)']);
    expect(marked(parts.b)).toEqual([]);
  });

  it('keeps a quoted name whole: a name that differs inside its quotes is one marked part', () => {
    const parts = changedParts('"order items" text', '"order lines" text');
    expect(marked(parts.a)).toEqual(['"order items"']);
    expect(marked(parts.b)).toEqual(['"order lines"']);
  });

  it('marks nothing when both sides are the same', () => {
    const parts = changedParts('CHECK ((total >= 0))', 'CHECK ((total >= 0))');
    expect(marked(parts.a)).toEqual([]);
    expect(marked(parts.b)).toEqual([]);
  });
});
