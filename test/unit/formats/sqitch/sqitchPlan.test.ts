import { describe, expect, it } from 'vitest';
import { parseSqitchPlan } from '../../../../src-main/formats/sqitch/sqitchPlan';

const header = '%syntax-version=1.0.0\n%project=shop\n\n';
const by = '2026-01-05T10:00:00Z Ada Lovelace <ada@shop.example>';

describe('sqitch plan', () => {
  it('keeps the plan order, dependencies, tags and notes as sqitch reads them', () => {
    const plan = parseSqitchPlan(
      `${header}zeta ${by} # First, whatever its name.\nalpha [zeta !other:thing] ${by} # Two lines\\nof note, a \\\\ too  \n@v1 ${by} # Release one.\n# a comment line\n\nbeta [alpha@v1] ${by}\n`,
      'sqitch.plan',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.project).toBe('shop');
    expect(plan.changes.map((c) => c.name)).toEqual(['zeta', 'alpha', 'beta']);
    const [, alpha, beta] = plan.changes;
    expect(alpha?.note).toBe('Two lines\nof note, a \\ too');
    expect(alpha?.requires).toEqual([{ conflicts: false, project: null, id: null, change: 'zeta', tag: null }]);
    expect(alpha?.conflicts).toEqual([{ conflicts: true, project: 'other', id: null, change: 'thing', tag: null }]);
    expect(alpha?.tags.map((t) => [t.name, t.note, t.line])).toEqual([['v1', 'Release one.', 6]]);
    expect(beta?.requires[0]).toMatchObject({ change: 'alpha', tag: 'v1' });
    expect(beta).toMatchObject({ plannerName: 'Ada Lovelace', plannerEmail: 'ada@shop.example', timestamp: '2026-01-05T10:00:00Z', line: 9 });
  });

  it('gives a reworked change the tags that name its earlier scripts, nearest first', () => {
    const plan = parseSqitchPlan(`${header}users ${by}\n@a ${by}\nflips ${by}\n@b ${by}\nusers [users@b] ${by}\n`, 'sqitch.plan');
    expect(plan.problems).toEqual([]);
    expect(plan.changes.map((c) => [c.name, c.reworkTags])).toEqual([
      ['users', ['b', 'a']],
      ['flips', []],
      ['users', []],
    ]);
  });

  it('reports each line sqitch refuses, with its line, and reads the others', () => {
    const plan = parseSqitchPlan(`${header}one ${by}\ntwo\none ${by}\n@HEAD ${by}\nthree [bad@@dep] ${by}\n-gone ${by}\nfour ${by}\n`, 'sqitch.plan');
    expect(plan.changes.map((c) => c.name)).toEqual(['one', 'four']);
    expect(plan.problems.map((p) => [p.line, p.message])).toEqual([
      [5, 'sqitch.plan:5: sqitch refuses this plan: missing timestamp and planner name and email'],
      [6, 'sqitch.plan:6: sqitch refuses this plan: change "one" duplicates earlier declaration on line 4'],
      [7, 'sqitch.plan:7: sqitch refuses this plan: "@HEAD" is a reserved name'],
      [8, 'sqitch.plan:8: sqitch refuses this plan: "bad@@dep" is not a valid dependency specification'],
      [9, 'sqitch.plan:9: sqitch refuses this plan: "-gone": a change planned as reverted (sqitch\'s "-" operator) is not supported by Switchyard'],
    ]);
    expect(plan.problems.every((p) => p.kind === 'unreadableFile' && p.file === 'sqitch.plan')).toBe(true);
  });

  it('refuses a plan without a %project pragma', () => {
    const plan = parseSqitchPlan(`%syntax-version=1.0.0\n\none ${by}\n`, 'db/sqitch.plan');
    expect(plan.problems.map((p) => p.message)).toEqual(['db/sqitch.plan:1: sqitch refuses this plan: missing %project pragma']);
  });
});
