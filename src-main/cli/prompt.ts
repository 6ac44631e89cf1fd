// Secrets typed at a terminal (echo off) or piped on stdin: never taken from argv.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { terminalSafe, warn, UsageError } from './output';
import { passphraseRule } from '../../src-shared/model/passphraseStrength';

export async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`${question.replace(/:\s*$/, '')} is needed, but stdin is not a terminal.`);
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  warn(question);
  muted = true;
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

export async function promptLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: Boolean(process.stdin.isTTY) });
  try {
    return await new Promise<string>((resolve) => rl.question(terminalSafe(question), resolve));
  } finally {
    rl.close();
  }
}

/** The first line of stdin, for --password-stdin. */
export async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export async function passphraseFromEnvOrPrompt(storeExists: boolean): Promise<string> {
  const fromEnv = process.env.SWITCHYARD_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (storeExists) return promptHidden('Switchyard passphrase: ');
  const first = await promptHidden(`${passphraseRule}\nNew passphrase for the Switchyard store: `);
  const again = await promptHidden('Repeat the passphrase: ');
  if (first !== again) throw new UsageError('The passphrases do not match.');
  return first;
}
