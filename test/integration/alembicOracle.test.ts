// Oracle: on random branchy Alembic projects, Switchyard's heads, branch points and upgrade plans
// must equal what real Alembic (Debian's python3-alembic) reports for the same files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SwitchyardError } from '../../src-shared/errors';
import { appliedWithAncestors, planDowngrade, planUpgrade } from '../../src-shared/graph/planner';
import { loadProject } from '../../src-main/migrations/project';
import { generateRevisions, random, writeAlembicProject, type GeneratedRevision } from '../fixtures/migrations/generator';

const python = '/usr/bin/python3';
const projectCount = 80;
// Another range explores new projects; a failing seed replays exactly.
const firstSeed = Number(process.env.SWITCHYARD_ORACLE_SEED ?? 1);

type AlembicRun = { ok: true; revisions: string[] } | { ok: false; error: string; internal: boolean };

interface AlembicAnswer {
  heads: Array<{ id: string; labels: string[]; effective: boolean }>;
  branches: string[];
  upgrades: Record<string, AlembicRun>;
  downgrades: Record<string, AlembicRun>;
}

interface Case {
  seed: number;
  dir: string;
  revisions: GeneratedRevision[];
  targets: string[];
  downgrades: string[];
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

/** Downgrades in offline mode start from a stated revision: `start:target`. */
function downgradesFor(seed: number, revisions: GeneratedRevision[]): string[] {
  const next = random(seed * 104729);
  const pick = () => revisions[Math.floor(next() * revisions.length)] as GeneratedRevision;
  const targets = new Set<string>();
  for (let i = 0; i < 4; i += 1) {
    const start = pick().id;
    targets.add(`${start}:${pick().id}`).add(`${start}:base`).add(`${start}:-1`).add(`${start}:-2`);
  }
  for (const r of revisions) for (const label of r.branchLabels) targets.add(`${pick().id}:${label}@base`);
  return [...targets];
}

/** Our answer for one target: the set of revisions the plan runs, or an error code. */
function ours(dir: string, target: string, direction: 'up' | 'down'): string[] | SwitchyardError {
  const { graph } = loadProject(dir);
  const colon = target.indexOf(':');
  const applied = colon === -1 ? new Set<string>() : appliedWithAncestors(graph, [target.slice(0, colon)]);
  const to = colon === -1 ? target : target.slice(colon + 1);
  try {
    return (direction === 'up' ? planUpgrade(graph, to, applied) : planDowngrade(graph, to, applied)).steps.map((s) => s.revision);
  } catch (error) {
    if (error instanceof SwitchyardError) return error;
    throw error;
  }
}

const root = mkdtempSync(join(tmpdir(), 'switchyard-oracle-'));
const cases: Case[] = [];
let answers: AlembicAnswer[] = [];

beforeAll(() => {
  if (!existsSync(python) || spawnSync(python, ['-c', 'import alembic'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`The oracle needs real Alembic: ${python} cannot import it. Install Debian's: apt-get install -y python3-alembic`);
  }
  for (let seed = firstSeed; seed < firstSeed + projectCount; seed += 1) {
    const size = 6 + (seed % 5) * 6;
    const revisions = generateRevisions(seed, {
      revisions: size,
      branchChance: 0.25,
      mergeChance: 0.15,
      dependsOnChance: 0.12,
      labelChance: 0.1,
      rootChance: 0.05,
      heads: 0,
    });
    const dir = join(root, `project-${seed}`);
    writeAlembicProject(dir, revisions);
    cases.push({ seed, dir, revisions, targets: targetsFor(seed, revisions), downgrades: downgradesFor(seed, revisions) });
  }
  const run = spawnSync(python, [join(import.meta.dirname, 'alembicOracle.py')], {
    input: JSON.stringify(cases.map((c) => ({ ini: join(c.dir, 'alembic.ini'), targets: c.targets, downgrades: c.downgrades }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`alembic oracle failed: ${run.stderr}`);
  answers = JSON.parse(run.stdout) as AlembicAnswer[];
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Switchyard agrees with real Alembic on random branchy projects', () => {
  it('reads every generated project without anomalies other than extra heads and labelled roots', () => {
    for (const c of cases) {
      const kinds = loadProject(c.dir)
        .anomalies.map((a) => a.kind)
        .filter((k) => k !== 'multipleHeads');
      expect(kinds, `seed ${c.seed}`).toEqual([]);
    }
  });

  it('finds the same heads as `alembic heads`, with the same branch labels and effective heads', () => {
    cases.forEach((c, i) => {
      const { graph } = loadProject(c.dir);
      const mine = graph.heads.map((id) => ({ id, labels: [...(graph.onBranches.get(id) ?? [])].sort(), effective: graph.effectiveHeads.includes(id) }));
      const theirs = (answers[i]?.heads ?? []).map((h) => ({ ...h, labels: [...h.labels].sort() }));
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(mine.sort(byId), `seed ${c.seed}`).toEqual(theirs.sort(byId));
    });
  });

  it('finds the same branch points as `alembic branches`', () => {
    cases.forEach((c, i) => expect([...loadProject(c.dir).graph.branchPoints].sort(), `seed ${c.seed}`).toEqual([...(answers[i]?.branches ?? [])].sort()));
  });

  function compare(direction: 'up' | 'down', minimumCompared: number, minimumRefused: number): void {
    let compared = 0;
    let refused = 0;
    cases.forEach((c, i) => {
      const asked = direction === 'up' ? answers[i]?.upgrades : answers[i]?.downgrades;
      for (const target of direction === 'up' ? c.targets : c.downgrades) {
        const alembic = asked?.[target];
        if (!alembic || (!alembic.ok && alembic.internal)) continue;
        const mine = ours(c.dir, target, direction);
        const label = `seed ${c.seed}, ${direction === 'up' ? 'upgrade' : 'downgrade'} ${target}`;
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
    expect(compared).toBeGreaterThan(minimumCompared);
    expect(refused).toBeGreaterThan(minimumRefused);
  }

  it('plans the same revisions as `alembic upgrade <target> --sql` runs, and refuses what Alembic refuses', () => {
    compare('up', projectCount * 10, projectCount);
  });

  it('plans the same revisions as `alembic downgrade <start>:<target> --sql` reverts, and refuses what Alembic refuses', () => {
    compare('down', projectCount * 5, projectCount / 2);
  });
});
