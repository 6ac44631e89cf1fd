// Electron's binary cannot run here, so the shell's security settings are asserted as data, and the
// guards are driven through the same event names Electron emits.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src-main/electron/ipc';
import { denyPermissions, guardNavigation, isOwnPage, secureWebPreferences } from '../../../src-main/electron/windowSecurity';
import { contentSecurityPolicy } from '../../../src-main/host/contentSecurityPolicy';

const appUrl = 'file:///opt/Switchyard/resources/app.asar/dist/renderer/index.html';

describe('the window', () => {
  it('runs the renderer isolated, sandboxed, without Node, with web security on', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('ships a strict CSP: self only, no inline script, no eval, no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The page itself carries the same policy (frame-ancestors cannot live in a meta tag).
    const html = readFileSync('src-renderer/index.html', 'utf8');
    expect(html).toContain(`content="${contentSecurityPolicy({ framing: false })}"`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('denies navigation away from its own page, new windows and webviews', () => {
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler(handler: () => { action: string }): void;
      openHandler?: () => { action: string };
    };
    contents.setWindowOpenHandler = (handler) => (contents.openHandler = handler);
    guardNavigation(contents as never, appUrl);
    const attempt = (event: string, url?: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', `${appUrl}#/connections`)).toBe(false);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const handlers: { request?: (c: unknown, p: string, cb: (ok: boolean) => void) => void; check?: () => boolean } = {};
    denyPermissions({
      setPermissionRequestHandler: (handler: typeof handlers.request) => (handlers.request = handler),
      setPermissionCheckHandler: (handler: typeof handlers.check) => (handlers.check = handler),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      handlers.request?.({}, permission, (ok) => (granted = ok));
      expect(granted, permission).toBe(false);
    }
    expect(handlers.check?.()).toBe(false);
  });

  it('accepts IPC only from the top frame of its own page in its own window', () => {
    const trusted = { contents: { id: 7 } as never, appUrl };
    const event = (senderId: number, url: string, parent: unknown = null) => ({ sender: { id: senderId }, senderFrame: { url, parent } }) as never;
    expect(isTrustedSender(event(7, appUrl), trusted)).toBe(true);
    expect(isTrustedSender(event(8, appUrl), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'https://evil.example/'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, appUrl, {}), trusted)).toBe(false);
    expect(isTrustedSender(event(7, appUrl), undefined)).toBe(false);
    expect(isOwnPage(`${appUrl}?x=1`, appUrl)).toBe(true);
  });

  it('exposes exactly one invoke and one event subscription from the preload', () => {
    const preload = readFileSync('src-main/electron/preload.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/const bridge: SwitchyardBridge = \{\s*invoke:[\s\S]*?on:[\s\S]*?\};/);
  });
});
