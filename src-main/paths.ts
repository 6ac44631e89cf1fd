// Where Switchyard keeps its data: SWITCHYARD_HOME when set, else the platform's app-data folder
// (the same folder Electron's app.getPath('userData') gives for productName Switchyard).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SWITCHYARD_HOME) return env.SWITCHYARD_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Switchyard');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Switchyard');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Switchyard');
}
