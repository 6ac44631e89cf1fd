// The benchmark harness: each suite returns measures; run.ts prints them and writes bench-results.json.

export interface Measure {
  name: string;
  value: number;
  unit: string;
  /** The same work done the reference way, side by side in the same run. */
  baseline?: number;
  /** value / baseline (lower is better for times). */
  ratio?: number;
  /** What we aim for, in words a reader can check against the numbers. */
  goal?: string;
}

export interface BenchmarkSuite {
  name: string;
  run(): Promise<Measure[]>;
}

function median(times: number[]): number {
  return round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN);
}

/** Median wall time in milliseconds of `iterations` runs after `warmup` unmeasured ones. */
export async function medianMs(work: () => unknown | Promise<unknown>, iterations = 7, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function withBaseline(measure: Omit<Measure, 'ratio'> & { baseline: number }): Measure {
  return { ...measure, ratio: round(measure.value / measure.baseline, 3) };
}

/**
 * Median wall times in milliseconds of several tasks run in turns, each once unmeasured first: on a
 * shared machine a burst of load then slows them alike instead of whichever happened to run during it.
 */
export function inTurns(tasks: ReadonlyArray<() => unknown>, iterations: number): number[] {
  for (const task of tasks) task();
  const times = tasks.map((): number[] => []);
  for (let i = 0; i < iterations; i += 1) {
    tasks.forEach((task, index) => {
      const started = performance.now();
      task();
      times[index]?.push(performance.now() - started);
    });
  }
  return times.map(median);
}

/** The work and its baseline in turns (see inTurns). */
export function sideBySide(work: () => unknown, baseline: () => unknown, iterations = 15): { value: number; baseline: number } {
  const [value, baselineTime] = inTurns([work, baseline], iterations) as [number, number];
  return { value, baseline: baselineTime };
}
