import { describe, expect, it } from 'vitest';
import type { GraphReport } from '../../../../src-shared/model/revision';
import { Cli } from '../../../support/cliProcess';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

const project = `${fixtures}pop-dialects`;

async function graph(args: string[]): Promise<GraphReport> {
  const run = await new Cli({ SWITCHYARD_HOME: tempDir() }).run(['graph', '--project', project, '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as GraphReport;
}

describe('switchyard graph on a pop folder', () => {
  it("says it is pop and why, and takes each version's file for the engine named by --engine (postgres by default)", async () => {
    const postgres = await graph([]);
    expect(postgres).toMatchObject({ format: 'pop', detection: expect.stringContaining('ory/pop file names with a dialect') });
    expect(postgres.revisions.map((r) => r.file)).toContain('20240101000002_events.postgres.up.sql');
    expect(postgres.anomalies.map((a) => a.file)).toContain('20240101000002_events.sqlite3.up.sql');

    const sqlite = await graph(['--engine', 'sqlite']);
    expect(sqlite.revisions.map((r) => r.file)).toEqual([
      '20240101000001_users.up.sql',
      '20240101000002_events.sqlite3.up.sql',
      '20240101000003_events_at.sqlite3.up.sql',
      '20240101000005_tags.up.sql',
    ]);
    expect(sqlite.anomalies.map((a) => a.file)).toContain('20240101000003_events_at.postgres.autocommit.up.sql');
  });
});
