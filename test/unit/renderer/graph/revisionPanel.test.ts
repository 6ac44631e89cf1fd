// The revision panel's lint findings as people read them: the linter's sentence leads, the rule id waits
// behind Details, as an error's code does.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RevisionDetail } from '../../../../src-shared/model/graphView';
import { RevisionPanel } from '../../../../src-renderer/features/graph/RevisionPanel';

const detail: RevisionDetail = {
  revision: {
    id: 'r2',
    parents: ['r1'],
    dependsOn: [],
    branchLabels: [],
    message: 'index orders',
    createdAt: null,
    file: '002_r2.sql',
    line: 1,
    onBranches: [],
  },
  children: [],
  up: null,
  down: null,
  source: null,
  tables: { created: [], dropped: [], renamed: [], problems: [] },
  lint: {
    available: true,
    findings: [
      {
        rule: 'require-concurrent-index-creation',
        message: 'During normal index creation, table updates are blocked, but reads are still allowed.',
        help: 'Use `CONCURRENTLY` to avoid blocking writes.',
        line: 3,
        level: 'warning',
      },
    ],
  },
};

function finding(): Element {
  const html = renderToStaticMarkup(
    createElement(RevisionPanel, { profileId: 'p', revision: 'r2', detail, error: undefined, status: null, onGo: () => undefined, onClose: () => undefined }),
  );
  const page = new DOMParser().parseFromString(html, 'text/html');
  const item = page.querySelector('[aria-label="Lint findings"] li');
  if (!item) throw new Error('no lint finding shown');
  return item;
}

describe('a lint finding in the revision panel', () => {
  it('leads with the linter’s sentence, then where it is', () => {
    expect(finding().textContent).toMatch(/^During normal index creation, table updates are blocked, but reads are still allowed\. 002_r2\.sql:3/);
  });

  it('keeps the rule id behind Details, out of the words read first', () => {
    const item = finding();
    expect(item.querySelector('details summary')?.textContent).toBe('Details');
    expect(item.querySelector('details')?.textContent).toContain('require-concurrent-index-creation');
    item.querySelector('details')?.remove();
    expect(item.textContent).not.toContain('require-concurrent-index-creation');
    expect(item.textContent).toContain('Use `CONCURRENTLY` to avoid blocking writes.');
  });
});
