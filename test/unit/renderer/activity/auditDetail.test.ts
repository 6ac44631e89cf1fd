import { describe, expect, it } from 'vitest';
import { describeAuditDetail } from '../../../../src-renderer/features/activity/auditDetail';

describe('an audit entry as people read it', () => {
  it('leads a failed run with its message, leaves out empty fields, and ends with the code', () => {
    const detail = {
      request: { action: 'downgrade', to: '-1' },
      completed: [],
      code: 'E_MIGRATION_FAILED',
      message: 'Reverting broken_041 failed: relation "ghost" does not exist',
    };
    expect(describeAuditDetail(detail)).toBe(
      'Reverting broken_041 failed: relation "ghost" does not exist · request: action=downgrade to=-1 · code: E_MIGRATION_FAILED',
    );
    expect(describeAuditDetail(detail)).not.toMatch(/completed/);
  });
});
