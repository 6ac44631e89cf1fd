// How the CLI speaks: tables for people, stable JSON for scripts, errors as a sentence with their code after.
// Every line for people goes through terminalSafe: names, messages and SQL come from files and
// databases, and a control character in them must not recolour, move or retitle the terminal.
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import { cliLogPath, logInternalError } from './cliLog';

// C0 controls but tab, newline and the carriage return of a CRLF line end (CSV's), DEL and C1
// controls, and the bidirectional overrides that can make text read differently from what it is
// ("Trojan Source"). A lone carriage return is escaped: it would let a name overwrite its line.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole purpose
const unsafeCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/** Shows control characters as escapes (`\x1b`, `\u202e`) instead of letting the terminal obey them. */
export function terminalSafe(text: string): string {
  return text.replace(unsafeCharacters, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Text for people on stdout. */
export function say(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Warnings and notes for people on stderr, so stdout stays the command's result. */
export function warn(text: string): void {
  process.stderr.write(terminalSafe(text));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(headers: string[], rows: string[][]): void {
  const safeRows = rows.map((row) => row.map((cell) => terminalSafe(cell)));
  const widths = headers.map((header, i) => Math.max(header.length, ...safeRows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  say(`${line(headers)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of safeRows) say(`${line(row)}\n`);
}

/** The message of an internal error: where its details went, since the terminal gets no stack trace. */
function internalMessage(command: string, error: unknown): string {
  // One met inside the services was logged there, in full (see openServices); the rest are logged here.
  const log = error instanceof SwitchyardError ? cliLogPath() : logInternalError(command, error);
  return log
    ? `Internal error (a bug in Switchyard); the details are in ${log}.`
    : 'Internal error (a bug in Switchyard); the log could not be written either.';
}

/**
 * Prints the error (as JSON with --json) and returns the exit code: 2 for usage, 1 for the rest. The
 * code goes on a line of its own after the sentence: people read the sentence, scripts grep the code,
 * and a command the message ends with ("To go on: switchyard …") copies without it.
 */
export function reportError(error: unknown, json: boolean, command: string): number {
  const wire = error instanceof UsageError ? { code: 'E_USAGE', message: error.message } : toWireError(error);
  if (wire.code === 'E_INTERNAL') wire.message = internalMessage(command, error);
  if (json) process.stdout.write(`${JSON.stringify({ error: wire }, null, 2)}\n`);
  else warn(`switchyard: ${wire.message}\n  [${wire.code}]\n`);
  return error instanceof UsageError ? 2 : 1;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
