// Oracle: on random branchy Alembic projects, Switchyard's heads, branch points and upgrade plans
// must equal what real Alembic (Debian's python3-alembic) reports for the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SwitchyardError } from '../../src-shared/errors';
import { appliedWithAncestors, planUpgrade } from '../../src-main/migrations/planner';
import { loadProject } from '../../src-main/migrations/project';
import { generateRevisions, random, writeAlembicProject, type GeneratedRevision } from '../fixtures/migrations/generator';

const python = '/usr/bin/python3';
const projectCount = 40;

interface AlembicAnswer {
  heads: string[];
  branches: string[];
  upgrades: Record<string, { ok: true; revisions: string[] } | { ok: false; error: string; internal: boolean }>;
}

interface Case {
  seed: number;
  dir: string;
  revisions: GeneratedRevision[];
  targets: string[];
}

/** Targets of every form: ids, prefixes, head(s), label@head, rev@head, +N, rev+N, rev-N, start:target. */
function targetsFor(seed: number, revisions: GeneratedRevision[]): string[] {
  const next = random(seed * 7919);
  const pick = () => revisions[Math.floor(next() * revisions.length)] as GeneratedRevision;
  const targets = new Set(['heads', 'head', 'base', '+1', '+2', '+3']);
  for (let i = 0; i < 4; i += 1) targets.add(pick().id);
  for (let i = 0; i < 3; i += 1) targets.add(pick().id.slice(0, 4 + Math.floor(next() * 3)));
  for (let i = 0; i < 2; i += 1) targets.add(`${pick().id}@head`);
  for (const r of revisions) for (const label of r.branchLabels) targets.add(`${label}@head`).add(`${label}@+1`);
  for (let i = 0; i < 3; i += 1) targets.add(`${pick().id}+${1 + Math.floor(next() * 2)}`);
  for (let i = 0; i < 2; i += 1) targets.add(`${pick().id}-1`);
  for (let i = 0; i < 4; i += 1) targets.add(`${pick().id}:${pick().id}`);
  targets.add(`${pick().id}:heads`);
  return [...targets];
}

/** Our answer for one target: the set of revisions the upgrade runs, or an error code. */
function ours(dir: string, target: string): string[] | SwitchyardError {
  const { graph } = loadProject(dir);
  const colon = target.indexOf(':');
  const applied = colon === -1 ? new Set<string>() : appliedWithAncestors(graph, [target.slice(0, colon)]);
  try {
    return planUpgrade(graph, colon === -1 ? target : target.slice(colon + 1), applied).steps.map((s) => s.revision);
  } catch (error) {
    if (error instanceof SwitchyardError) return error;
    throw error;
  }
}

const haveAlembic = spawnSync(python, ['-c', 'import alembic'], { stdio: 'ignore' }).status === 0;
const root = mkdtempSync(join(tmpdir(), 'switchyard-oracle-'));
const cases: Case[] = [];
let answers: AlembicAnswer[] = [];

beforeAll(() => {
  for (let seed = 1; seed <= projectCount; seed += 1) {
    const size = 6 + (seed % 5) * 6;
    const revisions = generateRevisions(seed, { revisions: size, branchChance: 0.25, mergeChance: 0.15, dependsOnChance: 0.12, labelChance: 0.1, rootChance: 0.05, heads: 0 });
    const dir = join(root, `project-${seed}`);
    writeAlembicProject(dir, revisions);
    cases.push({ seed, dir, revisions, targets: targetsFor(seed, revisions) });
  }
  const run = spawnSync(python, [join(import.meta.dirname, 'alembicOracle.py')], {
    input: JSON.stringify(cases.map((c) => ({ ini: join(c.dir, 'alembic.ini'), targets: c.targets }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`alembic oracle failed: ${run.stderr}`);
  answers = JSON.parse(run.stdout) as AlembicAnswer[];
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(haveAlembic && existsSync(python))('Switchyard agrees with real Alembic on random branchy projects', () => {
  it('reads every generated project without anomalies other than extra heads and labelled roots', () => {
    for (const c of cases) {
      const kinds = loadProject(c.dir).anomalies.map((a) => a.kind).filter((k) => k !== 'multipleHeads');
      expect(kinds, `seed ${c.seed}`).toEqual([]);
    }
  });

  it('finds the same heads as `alembic heads`', () => {
    cases.forEach((c, i) => expect([...loadProject(c.dir).graph.heads].sort(), `seed ${c.seed}`).toEqual([...(answers[i]?.heads ?? [])].sort()));
  });

  it('finds the same branch points as `alembic branches`', () => {
    cases.forEach((c, i) => expect([...loadProject(c.dir).graph.branchPoints].sort(), `seed ${c.seed}`).toEqual([...(answers[i]?.branches ?? [])].sort()));
  });

  it('plans the same revisions as `alembic upgrade <target> --sql` runs, and refuses what Alembic refuses', () => {
    let compared = 0;
    let refused = 0;
    cases.forEach((c, i) => {
      for (const target of c.targets) {
        const alembic = answers[i]?.upgrades[target];
        if (!alembic || (!alembic.ok && alembic.internal)) continue;
        const mine = ours(c.dir, target);
        const label = `seed ${c.seed}, upgrade ${target}`;
        if (alembic.ok) {
          expect(mine instanceof SwitchyardError ? `${mine.code}: ${mine.message}` : [...mine].sort(), label).toEqual([...alembic.revisions].sort());
          compared += 1;
        } else {
          expect(mine instanceof SwitchyardError ? 'refused' : mine, `${label} (alembic: ${alembic.error})`).toBe('refused');
          refused += 1;
        }
      }
    });
    // Many of each, or the oracle proves little.
    expect(compared).toBeGreaterThan(projectCount * 10);
    expect(refused).toBeGreaterThan(projectCount);
  });
});
