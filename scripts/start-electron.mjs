// `npm start`: the desktop app. Builds the Electron-ABI SQLite module once if needed, then starts
// Electron (which downloads its own binary on first start: that needs internet once).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

if (!existsSync('dist/native/better_sqlite3.node')) {
  const built = spawnSync(process.execPath, ['scripts/electron-native.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('\nWithout Electron, use the browser host instead: `npm run serve`.');
    process.exit(built.status ?? 1);
  }
}
const require = createRequire(import.meta.url);
const result = spawnSync(process.execPath, [require.resolve('electron/cli.js'), '.'], { stdio: 'inherit' });
if (result.status !== 0) console.error('\nElectron did not start. On a machine without its binary, use `npm run serve`.');
process.exit(result.status ?? 1);
