// Builds the SQLite module for Electron's ABI into dist/native, leaving node_modules on Node's ABI
// (so tests keep working). Needs Electron's headers, which are downloaded: run it online.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const moduleDir = join('node_modules', 'better-sqlite3-multiple-ciphers');
const workDir = join('.cache', 'electron-native', electronVersion);
const output = join('dist', 'native', 'better_sqlite3.node');

if (existsSync(join(workDir, 'build', 'Release', 'better_sqlite3.node'))) {
  console.log(`reusing the Electron ${electronVersion} build in ${workDir}`);
} else {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  cpSync(moduleDir, workDir, { recursive: true, filter: (path) => !path.includes(`${moduleDir}/build`) });
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' };
  try {
    execFileSync(
      'npx',
      ['--no-install', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: workDir, stdio: 'inherit', env },
    );
  } catch {
    console.error(
      `\nCould not build the SQLite module for Electron ${electronVersion}: its headers are downloaded from electronjs.org.\nRun this once on a machine with internet access.`,
    );
    process.exit(1);
  }
}
mkdirSync(join('dist', 'native'), { recursive: true });
copyFileSync(join(workDir, 'build', 'Release', 'better_sqlite3.node'), output);
console.log(`wrote ${output}`);
