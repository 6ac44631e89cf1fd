import { describe, expect, it } from 'vitest';
import type { TableChanges } from '../../../src-main/migrations/tableChanges';
import { replayRevision } from '../../../src-main/migrations/tableReplay';

const change = (c: Partial<TableChanges>): TableChanges => ({ created: [], dropped: [], renamed: [], problems: [], ...c });

function replay(before: Record<string, string>, c: Partial<TableChanges>) {
  const tables = new Map(Object.entries(before));
  const collisions: string[] = [];
  replayRevision(tables, 'r2', change(c), (table) => collisions.push(table));
  return { tables: Object.fromEntries([...tables].sort()), collisions };
}

describe('one revision replayed over the tables before it', () => {
  it('rebuilds a table under a temporary name and renames it back, leaving the table and no temporary one', () => {
    const rebuilt = { created: ['sessions_temp'], dropped: ['sessions'], renamed: [{ from: 'sessions_temp', to: 'sessions' }] };
    expect(replay({ sessions: 'r1' }, rebuilt)).toEqual({ tables: { sessions: 'r2' }, collisions: [] });
  });

  it('moves the old table aside, makes the new one and drops the old one', () => {
    const movedAside = { created: ['sessions'], dropped: ['sessions_old'], renamed: [{ from: 'sessions', to: 'sessions_old' }] };
    expect(replay({ sessions: 'r1' }, movedAside)).toEqual({ tables: { sessions: 'r2' }, collisions: [] });
  });

  it('still reports a rename onto a table nothing drops, and a create of a table already there', () => {
    expect(replay({ sessions: 'r1', tmp: 'r1' }, { renamed: [{ from: 'tmp', to: 'sessions' }] }).collisions).toEqual(['sessions']);
    expect(replay({ sessions: 'r1' }, { created: ['sessions'] }).collisions).toEqual(['sessions']);
  });

  it('keeps a renamed table with the revision that made it, and a drop before a create leaves the table', () => {
    expect(replay({ users: 'r1' }, { renamed: [{ from: 'users', to: 'accounts' }] }).tables).toEqual({ accounts: 'r1' });
    expect(replay({ events: 'r1' }, { dropped: ['events'], created: ['events'] })).toEqual({ tables: { events: 'r2' }, collisions: [] });
  });
});
