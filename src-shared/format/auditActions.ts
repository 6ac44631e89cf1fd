// The audit log's actions in words ("Downgrade failed"): the identifiers (runner.downgrade.failed)
// stay what the store, --json and scripts key on; people read these.
const words: Readonly<Record<string, string>> = {
  'profile.create': 'Connection created',
  'profile.update': 'Connection changed',
  'profile.duplicate': 'Connection duplicated',
  'profile.remove': 'Connection deleted',
  'profile.trustHost': 'SSH host key accepted',
  'profile.export': 'Connections exported',
  'store.rekey': 'Store passphrase changed',
  'store.backup': 'Store backed up',
  'store.restore': 'Store restored from a backup',
  'store.keySource': "Store's key moved (keychain or passphrase)",
  'runner.upgrade': 'Upgrade',
  'runner.downgrade': 'Downgrade',
  'runner.stamp': 'Stamp',
  'runner.upgrade.failed': 'Upgrade failed',
  'runner.downgrade.failed': 'Downgrade failed',
  'runner.stamp.failed': 'Stamp failed',
  'runner.adopt': 'Another tool’s history adopted',
  'runner.rehearse': 'Rehearsal on a clone',
  'runner.rehearse.failed': 'Rehearsal on a clone failed',
  'snapshot.create': 'Snapshot taken',
  'snapshot.settle': 'Interrupted snapshot settled',
  'snapshot.restore': 'Snapshot restored',
  'snapshot.delete': 'Snapshot deleted',
  'reset.start': 'Reset started',
  'reset.step': 'Reset step',
  'reset.done': 'Reset done',
  'reset.failed': 'Reset failed',
  'recipe.save': 'Reset recipe saved',
  'recipe.remove': 'Reset recipe removed',
  'project.create': 'Project created',
  'project.update': 'Project changed',
  'project.remove': 'Project removed',
  'project.environment': 'Project environment set',
  'project.bind': 'Project label bound to a database',
  'project.unbind': 'Project label unbound',
  'group.create': 'Group created',
  'group.update': 'Group changed',
  'group.remove': 'Group removed',
  'rollout.start': 'Rollout started',
  'rollout.resume': 'Rollout resumed',
  'rollout.done': 'Rollout done',
  'rollout.failed': 'Rollout ended with databases not done',
  'rollout.cancelled': 'Rollout cancelled',
  'drift.exclusions': 'Other application’s objects set apart',
  'schema.apply': 'Schema changed to match another',
  'promotion.run': 'Environment promoted',
  'promotion.refused': 'Promotion refused by its gates',
  'promotion.failed': 'Promotion failed',
  'revision.write': 'Migration files written',
  'revision.undo': 'Migration files put back',
  'bindings.run.start': 'Run on every bound database started',
  'bindings.run': 'Run on every bound database done',
  'bindings.run.failed': 'Run on the bound databases stopped at a failure',
  'bindings.rehearse': 'Every bound database rehearsed on a clone',
  'bindings.rehearse.failed': 'Rehearsal of the bound databases failed on a clone',
};

/** The action in words; an action this table does not know is shown as it is recorded, never hidden. */
export function auditActionWords(action: string, detail: Readonly<Record<string, unknown>>): string {
  // A restore records its failure in the same action, with ok: false.
  if (action === 'snapshot.restore' && detail.ok === false) return 'Snapshot restore failed';
  // A reset run from a saved recipe says which one.
  const recipe = detail.recipe as { name?: unknown } | undefined;
  if (action.startsWith('reset.') && typeof recipe?.name === 'string') return `${words[action] ?? action} (recipe “${recipe.name}”)`;
  return words[action] ?? action;
}
