// sqitch refuses a whole deploy or revert before its first change when the plan would cross a
// dependency (App::Sqitch::Engine `check_deploy_dependencies` / `check_revert_dependencies`): a change
// conflicting with one deployed (or deployed earlier in the same run), or reverting a change that a
// change staying deployed requires. Checked here against the registry and the planned steps, so such a
// run changes nothing, as with sqitch, instead of stopping at that change's turn.
import type { Driver } from '../../drivers/driver';
import type { PreparedStep } from '../../runner/preparedStep';
import { sqitchChangeData } from './sqitchChangeData';
import { registryTable } from './sqitchRegistry';
import { sqitchTableExists } from './sqitchSqliteRegistry';

const key = (project: string, change: string) => `${project}\u0000${change}`;

interface Requirement {
  changeId: string;
  dependencyId: string;
}

export async function sqitchRunRefusal(driver: Driver, steps: readonly PreparedStep[]): Promise<string | null> {
  const deployed = new Map<string, string>();
  const requirements: Requirement[] = [];
  if (await sqitchTableExists(driver, 'changes')) {
    const changes = await driver.query<{ change_id: string; change: string; project: string }>(
      `SELECT change_id, change, project FROM ${registryTable('changes')}`,
    );
    for (const row of changes) deployed.set(row.change_id, key(row.project, row.change));
    const dependencies = await driver.query<{ change_id: string; dependency_id: string }>(
      `SELECT change_id, dependency_id FROM ${registryTable('dependencies')} WHERE type = 'require' AND dependency_id IS NOT NULL`,
    );
    requirements.push(...dependencies.map((d) => ({ changeId: d.change_id, dependencyId: d.dependency_id })));
  }
  const deployedByThisRun = new Set<string>();
  for (const step of steps) {
    const data = sqitchChangeData(step.source);
    if (step.direction === 'up') {
      const conflict = data.conflicts.find((c) => c.change !== null && [...deployed.values()].includes(key(c.project, c.change)));
      if (conflict) {
        const byThisRun = [...deployed].some(([id, name]) => deployedByThisRun.has(id) && name === key(conflict.project, conflict.change ?? ''));
        return `sqitch: change "${data.change}" conflicts with "${conflict.text}", which ${byThisRun ? 'this run deploys before it' : 'is deployed'}; revert it first. sqitch refuses the whole deploy then.`;
      }
      deployedByThisRun.add(data.changeId);
      deployed.set(data.changeId, key(data.project, data.change));
      for (const required of data.requires) if (required.changeId !== null) requirements.push({ changeId: data.changeId, dependencyId: required.changeId });
    } else {
      deployed.delete(data.changeId);
      const stayingDependents = requirements.filter((r) => r.dependencyId === data.changeId && r.changeId !== data.changeId && deployed.has(r.changeId));
      if (stayingDependents.length > 0) {
        const dependents = [...new Set(stayingDependents.map((r) => (deployed.get(r.changeId) ?? r.changeId).replace('\u0000', ':')))];
        return `sqitch: change "${data.change}" is required by ${dependents.join(', ')}, which stay${dependents.length === 1 ? 's' : ''} deployed; revert ${dependents.length === 1 ? 'it' : 'them'} first. sqitch refuses the whole revert then.`;
      }
    }
  }
  return null;
}
