// A CLI command: its name, a one-line summary for --help, its usage text, and what it does.

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
