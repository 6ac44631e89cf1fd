// Why the Confirm step's Reset button is disabled, said beside it: a disabled button without a reason
// leaves the user hunting for what is missing.
import type { ResetPlan } from '../../../src-shared/model/reset';

export interface ConfirmInput {
  plan: ResetPlan;
  planning: boolean;
  typedName: string;
  environmentAcknowledged: string;
}

function productionAcknowledged(plan: ResetPlan, environmentAcknowledged: string): boolean {
  return plan.environment !== 'prod' || ['prod', 'production'].includes(environmentAcknowledged.trim().toLowerCase());
}

/** The first thing that keeps the reset from running, in words; undefined when it may run. */
export function confirmBlocker({ plan, planning, typedName, environmentAcknowledged }: ConfirmInput): string | undefined {
  const refusals = plan.refusals.length;
  if (refusals > 0) return refusals === 1 ? 'Cannot run: see the reason above.' : `Cannot run: see the ${refusals} reasons above.`;
  if (planning) return 'Checking the plan again…';
  if (typedName !== plan.databaseName) return `Type ${plan.databaseName} above to enable it.`;
  if (!productionAcknowledged(plan, environmentAcknowledged)) return 'Type “production” above to enable it.';
  return undefined;
}
