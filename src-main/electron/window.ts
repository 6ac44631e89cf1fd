// The one BrowserWindow, created with the settings windowSecurity.ts defines.
import { BrowserWindow } from 'electron';
import { pathToFileURL } from 'node:url';
import { denyPermissions, guardNavigation, secureWebPreferences } from './windowSecurity';

export interface MainWindow {
  window: BrowserWindow;
  appUrl: string;
}

export async function createMainWindow(preloadPath: string, indexHtmlPath: string): Promise<MainWindow> {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Switchyard',
    backgroundColor: '#14161a',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  const appUrl = pathToFileURL(indexHtmlPath).toString();
  denyPermissions(window.webContents.session);
  guardNavigation(window.webContents, appUrl);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appUrl);
  return { window, appUrl };
}
