// The start several specs share: a fresh data folder served by the browser host, the first-run demo
// made from its empty state, the `switchyard` CLI on the same store (as a user's terminal beside the
// app), and the demo's profile as the CLI lists it.
import { expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Profile } from '../../src-shared/model/profile';
import { newHome, serve, type ServedApp } from './browserHost';

export interface DemoWorkspace {
  app: ServedApp;
  home: string;
  /** Runs `switchyard ARGS` on the app's store; expects exit 0 (the output is the failure's message) and returns stdout. */
  cli(args: string[]): string;
  demo: Profile;
}

/** The app served on a new store with `passphrase`, the page on it, the demo tried; stop `app` when done. */
export async function openDemoWorkspace(page: Page, passphrase: string): Promise<DemoWorkspace> {
  const home = newHome();
  const cli = (args: string[]): string => {
    const done = spawnSync(process.execPath, [resolve('bin/switchyard.mjs'), ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase },
      encoding: 'utf8',
    });
    expect(done.status, done.stdout + done.stderr).toBe(0);
    return done.stdout;
  };
  const app = await serve(home, { SWITCHYARD_PASSPHRASE: passphrase });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo database' }).click();
    await expect(page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: /^Demo/ })).toBeVisible({ timeout: 30_000 });
    const demo = (JSON.parse(cli(['profiles', 'list', '--json'])) as Profile[])[0] as Profile;
    return { app, home, cli, demo };
  } catch (error) {
    await app.stop();
    throw error;
  }
}
