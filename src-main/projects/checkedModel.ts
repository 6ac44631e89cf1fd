// Input that reaches a service without the dispatcher (the CLI, other services) goes through the
// model's own schema here, so a bad name is refused with the same sentence whichever way it came.
import type { z } from 'zod';
import { SwitchyardError } from '../../src-shared/errors';

export function checkedModel<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message));
  throw new SwitchyardError('E_INVALID_INPUT', `The ${what} is not valid: ${issues.join('; ')}. Nothing was changed.`, { issues });
}

/** Project, environment, role and group names compare ignoring case, as the store's unique indexes do. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
