import { describe, expect, it } from 'vitest';
import type { GraphReport } from '../../../../src-shared/model/revision';
import { Cli } from '../../../support/cliProcess';
import { fixtures } from '../../../support/revisions';
import { tempDir } from '../../../support/tempDir';

describe('switchyard graph on a Prisma folder', () => {
  it('says it is Prisma and why, from prisma/ or its migrations/, where it used to say the folder holds no migrations', async () => {
    for (const [project, detection] of [
      [`${fixtures}prisma-app`, `migrations/ of ${fixtures}prisma-app: migration_lock.toml in the folder: a Prisma migrations folder`],
      [`${fixtures}prisma-app/migrations`, 'migration_lock.toml in the folder: a Prisma migrations folder'],
    ] as const) {
      const run = await new Cli({ SWITCHYARD_HOME: tempDir() }).run(['graph', '--project', project, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const graph = JSON.parse(run.stdout) as GraphReport;
      expect(graph).toMatchObject({ format: 'prisma', detection, heads: ['20240103000000_books_title_idx'] });
      expect(graph.revisions).toHaveLength(3);
    }
  });
});
