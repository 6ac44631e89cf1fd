// Splitting big SQL bodies into statements, beside a plain split(';') of the same text in the same
// run: a trigger followed by 20,000 INSERTs, and a trigger followed by 150,000 semicolons (both were
// quadratic: 25.6 s and 105 s). The growth measure says whether the time is linear in the input.
import { splitStatements } from '../../src-main/migrations/sqlStatements';
import { medianMs, round, withBaseline, type BenchmarkSuite, type Measure } from './harness';

const trigger = 'CREATE TRIGGER audit AFTER INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION log_row();\n';
const inserts = (count: number) => trigger + Array.from({ length: count }, (_, i) => `INSERT INTO accounts VALUES (${i}, 'account ${i}');`).join('\n');

export const statementsSuite: BenchmarkSuite = {
  name: 'statements',
  async run(): Promise<Measure[]> {
    const measures: Measure[] = [];
    const bodies: Array<[string, string]> = [
      ['trigger + 20,000 INSERTs', inserts(20_000)],
      ['trigger + 150,000 semicolons', `${trigger}${';'.repeat(150_000)}`],
    ];
    for (const [name, sql] of bodies) {
      measures.push(
        withBaseline({
          name: `split statements: ${name}`,
          value: await medianMs(() => splitStatements(sql)),
          baseline: await medianMs(() => sql.split(';')),
          unit: 'ms',
          goal: "linear: a few tens of times a plain split(';'), never seconds",
        }),
      );
    }
    const small = inserts(20_000);
    const large = inserts(80_000);
    measures.push({
      name: 'split statements: time for 4× the INSERTs',
      value: round((await medianMs(() => splitStatements(large))) / (await medianMs(() => splitStatements(small)))),
      unit: '×',
      goal: 'about 4 (linear); a quadratic split gives about 16',
    });
    return measures;
  },
};
