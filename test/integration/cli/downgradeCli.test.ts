import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { output, printedCommand } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

describe('switchyard downgrade says what it destroys and can take a snapshot first', () => {
  it('lists the tables and rows in its plan, refuses to end sessions unasked, and prints an undo that works as printed', async () => {
    const database = await scratchDatabase(server, 'downgrade');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY);', down: 'DROP TABLE customers;' },
    ]);
    const cli = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'downgrade cli', PGPASSWORD: server.password });
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];
    expect((await cli.run(['upgrade', ...common])).code).toBe(0);
    await adminQuery(server, 'INSERT INTO customers SELECT generate_series(1, 5)', database);
    const count = async () => (await adminQuery(server, 'SELECT count(*)::int AS n FROM customers', database)).rows[0].n as number;

    const plan = await cli.run(['downgrade', ...common, '--to', 'base', '--dry-run']);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain('This destroys data: 1 table, 5 rows now');
    expect(plan.stderr).toMatch(/customers +dropped, holds 5 rows +\(reverting cust01\)/);

    const colleague = new pg.Client({ ...server, database, application_name: 'colleague-psql' });
    colleague.on('error', () => undefined);
    await colleague.connect();
    const unasked = await cli.run(['downgrade', ...common, '--to', 'base', '--snapshot-first']);
    expect(unasked.code, output(unasked)).toBe(1);
    expect(unasked.stderr).toContain('E_SESSIONS_CONNECTED');
    expect(unasked.stderr).toContain('colleague-psql');
    expect(await count()).toBe(5);

    const run = await cli.run(['downgrade', ...common, '--to', 'base', '--snapshot-first', '--end-sessions']);
    expect(run.code, output(run)).toBe(0);
    expect(run.stderr).toContain('This destroys data: 1 table, 5 rows now');
    expect((await adminQuery(server, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'customers'", database)).rows[0].n).toBe(0);
    await colleague.end().catch(() => undefined);

    const undo = printedCommand(run.stdout, 'snapshot restore');
    expect(undo, run.stdout).toBeDefined();
    const restored = await cli.runPrinted(undo as string);
    expect(restored.code, output(restored)).toBe(0);
    expect(await count()).toBe(5);
  });
});
