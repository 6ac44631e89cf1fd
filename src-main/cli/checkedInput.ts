// CLI input checked by the API contract's own zod schemas, so what the app would refuse is refused
// here too, before anything runs: a usage error (exit 2) naming the flag that was typed.
import type { z } from 'zod';
import { UsageError } from './output';

/** `flagOf`: the flag each field of the schema comes from, for the message. */
export function checkedInput<S extends z.ZodType>(schema: S, value: unknown, flagOf: Record<string, string>, usage: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${flagOf[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`);
  throw new UsageError(`${issues.join('; ')}\n\n${usage}`);
}
