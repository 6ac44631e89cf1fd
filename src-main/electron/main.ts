// The Electron entry: decides where the store key comes from, builds the services, opens the window.
import { app, ipcMain, safeStorage } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { actorName, createServices } from '../services';
import { kdfFileName } from '../store/keyProvider';
import { storeExists } from '../store/openStore';
import { registerIpc } from './ipc';
import { keyringAvailability, keyringKeyProvider, wrappedKeyFileName } from './keyring';
import { createMainWindow, type MainWindow } from './window';

// Bundled layout: dist/main/main.cjs beside dist/main/preload.cjs, dist/renderer/index.html,
// and the Electron-ABI SQLite module in dist/native (see scripts/electron-native.mjs).
const distDir = join(__dirname, '..');
process.env.SWITCHYARD_SQLITE_BINDING ??= join(distDir, 'native', 'better_sqlite3.node').replace('app.asar', 'app.asar.unpacked');

if (!app.requestSingleInstanceLock()) app.quit();

async function start(): Promise<void> {
  const dataDir = process.env.SWITCHYARD_HOME ?? app.getPath('userData');
  const keyring = await keyringAvailability(safeStorage, process.platform);
  // A store first made with a passphrase (by the CLI) keeps using one, even where a keychain exists.
  const madeWithPassphrase = storeExists(dataDir) && existsSync(join(dataDir, kdfFileName)) && !existsSync(join(dataDir, wrappedKeyFileName));
  const useKeyring = keyring.available && !madeWithPassphrase;
  const keychainKeys = keyringKeyProvider(safeStorage);
  const services = createServices({
    dataDir,
    keySource: useKeyring ? 'keyring' : 'passphrase',
    lockedReason: keyring.available ? undefined : keyring.reason,
    // Store and security in the app moves the store's key to the keychain and back.
    keychain: keyring.available ? { keys: keychainKeys } : { unavailable: keyring.reason },
    firstRunDemo: process.env.SWITCHYARD_DEMO !== 'off',
  });
  if (useKeyring) await services.session.unlockAtStart(keychainKeys);

  let main: MainWindow | undefined;
  registerIpc(
    ipcMain,
    services.dispatch,
    services.events,
    () => (main ? { contents: main.window.webContents, appUrl: main.appUrl } : undefined),
    actorName('desktop'),
  );
  main = await createMainWindow(join(__dirname, 'preload.cjs'), join(distDir, 'renderer', 'index.html'));
  main.window.on('closed', () => {
    main = undefined;
  });
  app.on('window-all-closed', () => {
    services.close();
    app.quit();
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(start, (error: unknown) => {
  console.error('Switchyard failed to start:', error);
  app.exit(1);
});
