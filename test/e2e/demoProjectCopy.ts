// A copy of the bundled demo project (never the demo itself) bound to a SQLite connection "Shop dev",
// added through the real CLI as a user would, for the specs that write into a project from the app.
import { expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newHome } from './browserHost';

export interface DemoCopy {
  home: string;
  project: string;
  /** Runs `switchyard ARGS…` on this home, failing the test when it fails. */
  cli(...args: string[]): string;
}

export function boundDemoCopy(passphrase: string): DemoCopy {
  const home = newHome();
  const project = join(home, 'shop');
  cpSync(resolve('assets/demo'), project, { recursive: true });
  const cli = (...args: string[]): string => {
    const ran = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
      encoding: 'utf8',
    });
    expect(ran.status, `switchyard ${args.join(' ')}: ${ran.stderr}`).toBe(0);
    return ran.stdout;
  };
  cli('profiles', 'add', '--name', 'Shop dev', '--env', 'dev', '--engine', 'sqlite', '--sqlite-path', join(home, 'shop.sqlite'), '--project', project);
  return { home, project, cli };
}
