// How the CLI speaks: tables for people, stable JSON for scripts, errors with their codes.
import { toWireError } from '../../src-shared/errors';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  process.stdout.write(`${line(headers)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

/** Prints the error (as JSON with --json) and returns the exit code: 2 for usage, 1 for the rest. */
export function reportError(error: unknown, json: boolean): number {
  const wire = error instanceof UsageError ? { code: 'E_USAGE', message: error.message } : toWireError(error);
  if (json) process.stdout.write(`${JSON.stringify({ error: wire }, null, 2)}\n`);
  else process.stderr.write(`switchyard: ${wire.message}${wire.code === 'E_INTERNAL' ? '' : ` [${wire.code}]`}\n`);
  if (wire.code === 'E_INTERNAL') console.error(error);
  return error instanceof UsageError ? 2 : 1;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
