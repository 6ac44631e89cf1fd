import { describe, expect, it } from 'vitest';
import { auditActionWords } from '../../../../src-shared/format/auditActions';

describe('audit actions in words', () => {
  it('names actions in words, a failed restore as failed, and an unknown action as recorded', () => {
    expect(auditActionWords('runner.downgrade.failed', {})).toBe('Downgrade failed');
    expect(auditActionWords('profile.create', {})).toBe('Connection created');
    expect(auditActionWords('snapshot.restore', { ok: false, error: 'no space' })).toBe('Snapshot restore failed');
    expect(auditActionWords('snapshot.restore', { ok: true })).toBe('Snapshot restored');
    expect(auditActionWords('revision.write', {})).toBe('Migration files written');
    expect(auditActionWords('revision.undo', {})).toBe('Migration files put back');
    expect(auditActionWords('something.new', {})).toBe('something.new');
  });

  it('names the recipe a reset ran from, and a recipe saved or removed', () => {
    expect(auditActionWords('reset.start', { recipe: { id: 'r1', name: 'Back to Q3' }, mode: 'snapshot' })).toBe('Reset started (recipe “Back to Q3”)');
    expect(auditActionWords('reset.done', {})).toBe('Reset done');
    expect(auditActionWords('recipe.save', { recipe: { name: 'Back to Q3' } })).toBe('Reset recipe saved');
    expect(auditActionWords('recipe.remove', {})).toBe('Reset recipe removed');
  });
});
