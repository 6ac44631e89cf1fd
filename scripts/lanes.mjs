// Runs commands side by side, one lane each, every line of a lane's output prefixed with its number,
// and says how each ended. Used by scripts/test-integration.mjs and scripts/test-e2e.mjs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** @param {{ args: string[], env?: Record<string, string> }[]} lanes @param {string} cwd */
export async function runLanes(lanes, cwd) {
  const results = await Promise.all(lanes.map((lane, index) => runLane(index, lane, cwd)));
  for (const r of results) {
    const how = r.code === 0 ? 'passed' : r.signal ? `ended by ${r.signal}` : `failed (exit code ${r.code})`;
    console.log(`[lane ${r.index + 1}] ${how} in ${Math.round(r.seconds)} s`);
  }
  return results.every((r) => r.code === 0);
}

function runLane(index, lane, cwd) {
  return new Promise((resolve) => {
    const started = Date.now();
    const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' };
    const child = spawn(process.execPath, lane.args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...colour, ...lane.env } });
    const prefix = `[lane ${index + 1}] `;
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
      });
      stream.on('end', () => {
        if (rest) process.stdout.write(`${prefix}${rest}\n`);
      });
    }
    child.on('exit', (code, signal) => resolve({ index, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000 }));
  });
}

/**
 * The lane count: `--lanes N` among the arguments, else the first of the environment variables that is
 * set, else the fallback. A value that is not a positive whole number is refused, not guessed at.
 */
export function laneCount(args, variables, fallback) {
  const flag = args.indexOf('--lanes');
  const [source, text] =
    flag >= 0 ? ['--lanes', args[flag + 1]] : (variables.map((v) => [v, process.env[v]]).find(([, value]) => value !== undefined && value !== '') ?? []);
  if (source === undefined) return fallback;
  if (!/^[1-9][0-9]*$/.test(text ?? '')) {
    console.error(`${source} must be a whole number of lanes, 1 or more (got ${JSON.stringify(text ?? '')}).`);
    process.exit(2);
  }
  return Number(text);
}

/** `args` less `--lanes N`. */
export function withoutLanes(args) {
  const flag = args.indexOf('--lanes');
  return flag < 0 ? args : [...args.slice(0, flag), ...args.slice(flag + 2)];
}

/** The seconds each file took when last recorded; {} when the list is missing or unreadable. */
export function readDurations(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Longest first, each to the lane with the least seconds so far; a file not listed counts as the median. */
export function balance(files, durations, laneCount) {
  const known = files
    .map((f) => durations[f])
    .filter((s) => typeof s === 'number')
    .sort((a, b) => a - b);
  const median = known.length > 0 ? known[Math.floor(known.length / 2)] : 1;
  const weighted = files.map((file) => ({ file, seconds: typeof durations[file] === 'number' ? durations[file] : median }));
  weighted.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const lanes = Array.from({ length: laneCount }, () => ({ files: [], seconds: 0 }));
  for (const item of weighted) {
    const lane = lanes.reduce((least, l) => (l.seconds < least.seconds ? l : least));
    lane.files.push(item.file);
    lane.seconds += item.seconds;
  }
  return lanes.filter((l) => l.files.length > 0);
}
