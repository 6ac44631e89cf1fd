// The diff a repair shows: what is added and removed is said in words, not by colour alone.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WriteDiff } from '../../../../src-renderer/features/authoring/WriteDiff';

describe('the diff shown', () => {
  it('marks added and removed lines for screen readers, not by colour alone', () => {
    const html = renderToStaticMarkup(createElement(WriteDiff, { diff: '--- a/x.sql\n+++ b/x.sql\n@@ -1 +1 @@\n--- parents: a\n+-- parents: b\n' }));
    expect(html).toContain('<span class="repair-sr-only">removed: </span>-- parents: a');
    expect(html).toContain('<span class="repair-sr-only">added: </span>-- parents: b');
    expect(html).toContain('class="diff-line diff-removed"><span aria-hidden="true">− </span>');
  });
});
