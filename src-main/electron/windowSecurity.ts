// The window's security settings and guards, kept apart from window creation so a unit test can
// assert them without Electron's binary (only types are imported from electron here).
import type { Session, WebContents, WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The renderer may only ever show its own bundled page. */
export function isOwnPage(url: string, appUrl: string): boolean {
  const strip = (value: string) => value.split('#')[0]?.split('?')[0] ?? '';
  return strip(url) === strip(appUrl);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardNavigation(contents: GuardedContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** No camera, notifications, geolocation, clipboard reads…: a migration cockpit needs none of them. */
export function denyPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
