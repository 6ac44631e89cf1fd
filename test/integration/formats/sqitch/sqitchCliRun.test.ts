// A sqitch project through the real switchyard CLI, as a user meets it: graph --json says it is sqitch
// and why, in the plan's order; an upgrade to a reworked change's sqitch name stops there, and sqitch agrees.
import { describe, expect, inject, it } from 'vitest';
import { Cli } from '../../../support/cliProcess';
import { scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';
import { copyOfFixture, sqitch, sqitchTarget } from './sqitchCli';

const server = inject('postgres');
const cli = () => new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '', PGPASSWORD: server.password });

describe('sqitch through the CLI', () => {
  it('graph --json names sqitch and its plan; upgrade --to users@v1.0 deploys up to it; sqitch status agrees', async () => {
    const project = copyOfFixture('sqitch-shop');
    const graph = await cli().run(['graph', '--project', project, '--json']);
    expect(graph.code, graph.stderr).toBe(0);
    const report = JSON.parse(graph.stdout) as { format: string; detection: string; heads: string[]; bases: string[]; anomalies: unknown[] };
    expect(report).toMatchObject({ format: 'sqitch', heads: ['welcome_mail'], bases: ['schema'], anomalies: [] });
    expect(report.detection).toContain('sqitch.plan');

    const database = await scratchDatabase(server, 'sqitch');
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];
    const up = await cli().run(['upgrade', ...common, '--to', 'users@v1.0', '--json']);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    const status = await cli().run(['status', ...common, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ format: 'sqitch', applied: ['schema', 'users@v1.0'] });
    const bySqitch = await sqitch(server, project, ['status', '--target', sqitchTarget(server, database)]);
    expect(bySqitch.stdout).toMatch(/Name:\s+users\n/);
    expect(bySqitch.stdout).toMatch(/Undeployed changes:\s+\* products\n/);
  });
});
