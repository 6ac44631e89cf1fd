// The audit log's actions in words ("Downgrade failed"): the identifiers (runner.downgrade.failed)
// stay what the store, --json and scripts key on; people read these.
const words: Readonly<Record<string, string>> = {
  'profile.create': 'Connection created',
  'profile.update': 'Connection changed',
  'profile.duplicate': 'Connection duplicated',
  'profile.remove': 'Connection deleted',
  'runner.upgrade': 'Upgrade',
  'runner.downgrade': 'Downgrade',
  'runner.stamp': 'Stamp',
  'runner.upgrade.failed': 'Upgrade failed',
  'runner.downgrade.failed': 'Downgrade failed',
  'runner.stamp.failed': 'Stamp failed',
  'runner.adopt': 'Another tool’s history adopted',
  'snapshot.create': 'Snapshot taken',
  'snapshot.settle': 'Interrupted snapshot settled',
  'snapshot.restore': 'Snapshot restored',
  'snapshot.delete': 'Snapshot deleted',
  'reset.start': 'Reset started',
  'reset.step': 'Reset step',
  'reset.done': 'Reset done',
  'reset.failed': 'Reset failed',
  'drift.exclusions': 'Other application’s objects set apart',
  'schema.apply': 'Schema changed to match another',
};

/** The action in words; an action this table does not know is shown as it is recorded, never hidden. */
export function auditActionWords(action: string, detail: Readonly<Record<string, unknown>>): string {
  // A restore records its failure in the same action, with ok: false.
  if (action === 'snapshot.restore' && detail.ok === false) return 'Snapshot restore failed';
  return words[action] ?? action;
}
