// Projects in a store of 200 projects × 4 environments × 5 connections (1,000 profiles over SQLite
// files): what `--project NAME --env ENV --role ROLE` costs beside `--profile NAME --project DIR`, both
// resolved into a target by the CLI's own flag resolution (resolveTargetFlags), and what the sidebar's
// projects list costs beside the connections list, in turns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileInputSchema } from '../../src-shared/model/profile';
import { resolveTargetFlags } from '../../src-main/cli/targetFlags';
import { createServices } from '../../src-main/services';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';
import { writeNativeProject } from '../support/nativeProject';
import { sideBySide, withBaseline, type BenchmarkSuite } from './harness';

const projectCount = 200;
const environments = ['dev', 'test', 'staging', 'prod'] as const;
const perEnvironment = 5;
const lookups = 100;

export const projectsSuite: BenchmarkSuite = {
  name: 'projects',
  async run() {
    const home = mkdtempSync(join(tmpdir(), 'switchyard-bench-projects-'));
    const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
    try {
      await services.session.unlock(passphraseKeyProvider('projects bench passphrase', { N: 1024, r: 8, p: 1 }));
      const dir = join(home, 'migrations');
      writeNativeProject(dir, [{ id: 'a1', parents: [], message: 'one', up: 'CREATE TABLE one (id INTEGER);' }]);
      const names: string[] = [];
      for (let p = 0; p < projectCount; p += 1) {
        const project = services.projects.create({ name: `project-${p}`, dir }, 'bench');
        for (const env of environments) {
          const members = [];
          for (let m = 0; m < perEnvironment; m += 1) {
            const name = `p${p}-${env}-${m}`;
            const profile = services.profiles.create(
              profileInputSchema.parse({ name, environment: env, engine: 'sqlite', sqlitePath: join(home, `${name}.db`) }),
              'bench',
            );
            members.push({ profileId: profile.id, role: `r${m}` });
          }
          services.projects.setEnvironment(project.id, env, members, 'bench');
        }
        names.push(project.name);
      }
      const pick = (i: number) => names[(i * 37) % names.length] as string;

      const byProject = () => {
        for (let i = 0; i < lookups; i += 1) resolveTargetFlags(services, { project: pick(i), env: 'staging', role: 'r2' });
      };
      const byProfile = () => {
        for (let i = 0; i < lookups; i += 1) resolveTargetFlags(services, { profile: `p${(i * 37) % names.length}-staging-2`, project: dir });
      };
      const resolved = sideBySide(byProject, byProfile, 9);
      const lists = sideBySide(
        () => services.projects.list(),
        () => services.profiles.list(),
        9,
      );
      return [
        withBaseline({
          name: `projects: ${lookups} targets named --project NAME --env ENV --role ROLE vs --profile NAME --project DIR, ${projectCount} projects × 4 environments × ${perEnvironment} connections`,
          ...resolved,
          unit: 'ms',
          goal: 'ratio ≤ 2: naming a project’s environment is no slower to resolve than naming its connection, give or take',
        }),
        withBaseline({
          name: `projects: the sidebar’s projects.list (${projectCount} projects with their environments) vs profiles.list (${projectCount * 4 * perEnvironment} connections)`,
          ...lists,
          unit: 'ms',
          goal: 'ratio ≤ 1.5: the projects list costs no more than the connections list beside it',
        }),
      ];
    } finally {
      services.close();
      rmSync(home, { recursive: true, force: true });
    }
  },
};
