import { describe, expect, it } from 'vitest';
import type { GraphReport } from '../../../../src-shared/model/revision';
import { Cli } from '../../../support/cliProcess';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

const crate = `${fixtures}diesel-crate`;

async function json<T>(args: string[]): Promise<T> {
  const run = await new Cli({ SWITCHYARD_HOME: tempDir() }).run([...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('switchyard graph and plan on a diesel crate', () => {
  it('show one revision per migration folder, up.sql as its file, and plan upgrades only (down.sql is never a step up)', async () => {
    const graph = await json<GraphReport>(['graph', '--project', crate]);
    expect(graph).toMatchObject({ format: 'diesel', detection: 'diesel.toml in the folder: a diesel crate', heads: ['20240105120000'] });
    expect(graph.revisions.map((r) => r.file).every((file) => file.endsWith('/up.sql'))).toBe(true);
    expect(graph.anomalies.map((a) => a.file)).toEqual(['migrations/2024-01-04-000000_dropped_feature/down.sql']);
    const plan = await json<{ steps: Array<{ revision: string; direction: string }> }>(['plan', '--project', crate, '--to', 'heads']);
    expect(plan.steps).toEqual(['00000000000000', '20240102030405', '20240103000000', '20240105120000'].map((revision) => ({ revision, direction: 'up' })));
  });

  it('names the file each step runs: up.sql for an upgrade, the folder’s down.sql for a downgrade', async () => {
    const cli = new Cli({ SWITCHYARD_HOME: tempDir() });
    const up = await cli.run(['plan', '--project', crate, '--to', '20240102030405']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/upgrade +20240102030405 .*\(migrations\/2024-01-02-030405_[^/]+\/up\.sql\)/);
    const down = await cli.run(['plan', '--project', crate, '--to', '00000000000000', '--down', '--applied', '20240103000000']);
    expect(down.code, down.stderr).toBe(0);
    const steps = down.stdout.trim().split('\n');
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatch(/downgrade 20240103000000 .*\(migrations\/2024-01-03-000000_[^/]+\/down\.sql\)$/);
    expect(steps[1]).toMatch(/downgrade 20240102030405 .*\(migrations\/2024-01-02-030405_[^/]+\/down\.sql\)$/);
  });
});
