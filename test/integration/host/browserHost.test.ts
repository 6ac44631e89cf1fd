import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { tempDir } from '../../support/tempDir';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(host: RunningHost, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function upgrade(host: RunningHost, headers: Record<string, string>, query = ''): Promise<{ opened: boolean; status?: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events${query}`, { headers });
    socket.on('open', () => resolve({ opened: true, socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ opened: false, status: res.statusCode }));
    socket.on('error', () => resolve({ opened: false }));
  });
}

let running: RunningHost | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function host(): Promise<RunningHost> {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Switchyard</title>');
  const services = createServices({ dataDir: tempDir() });
  await services.session.unlock(passphraseKeyProvider('host test passphrase', { N: 1024, r: 8, p: 1 }));
  running = await startHost({ services, rendererDir });
  return running;
}

const invoke = (method: string, input: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ method, input }),
});

describe('browser host', () => {
  it('prints a URL on 127.0.0.1 with a long random token', async () => {
    const h = await host();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers 401 without the token, for pages and for the API', async () => {
    const h = await host();
    expect((await send(h, '/')).status).toBe(401);
    expect((await send(h, '/api/invoke', invoke('profiles.list', {}))).status).toBe(401);
    expect((await send(h, '/?token=not-the-token')).status).toBe(401);
    expect(
      (await send(h, '/api/invoke', { ...invoke('profiles.list', {}), headers: { 'content-type': 'application/json', authorization: 'Bearer nope' } })).status,
    ).toBe(401);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie and drops it from the URL', async () => {
    const h = await host();
    const first = await send(h, `/?token=${h.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send(h, '/', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('keeps two hosts on one machine logged in side by side, though the browser shares cookies across ports', async () => {
    const first = await host();
    const second = await startHost({ services: createServices({ dataDir: tempDir() }), rendererDir: tempDir(), token: 'second-host-token' });
    try {
      // A browser keeps one cookie per name for 127.0.0.1 whatever the port, and sends it to every port.
      const jar = new Map<string, string>();
      for (const h of [first, second]) {
        const login = await send(h, `/?token=${h.token}`);
        const [name = '', value = ''] = (String(login.headers['set-cookie']).split(';')[0] ?? '').split('=');
        jar.set(name, value);
      }
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      for (const h of [first, second]) {
        expect((await send(h, '/api/invoke', { ...invoke('profiles.list', {}), headers: { 'content-type': 'application/json', cookie } })).status).toBe(200);
      }
    } finally {
      await second.close();
    }
  });

  it('answers the API with the token, with the same envelope as IPC', async () => {
    const h = await host();
    const reply = await send(h, '/api/invoke', {
      ...invoke('profiles.list', {}),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
    const unknown = await send(h, '/api/invoke', {
      ...invoke('nope', {}),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
    });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_METHOD' } });
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const h = await host();
    const reply = await send(h, '/api/invoke', {
      ...invoke('profiles.list', {}),
      headers: { host: `evil.example:${h.port}`, 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a cross-origin request even with the token', async () => {
    const h = await host();
    const reply = await send(h, '/api/invoke', {
      ...invoke('profiles.list', {}),
      headers: { origin: 'http://evil.example', 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a form post (no JSON content type), which a foreign page could send without preflight', async () => {
    const h = await host();
    const reply = await send(h, '/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${h.token}` },
      body: JSON.stringify({ method: 'profiles.list', input: {} }),
    });
    expect(reply.status).toBe(415);
  });

  it('serves nothing outside the renderer folder', async () => {
    const h = await host();
    const reply = await send(h, '/..%2f..%2f..%2fetc%2fpasswd', { headers: { authorization: `Bearer ${h.token}` } });
    expect(reply.body).not.toContain('root:');
  });

  it('opens the event socket only with the token and our own origin, and streams events on it', async () => {
    const h = await host();
    expect(await upgrade(h, {})).toMatchObject({ opened: false, status: 401 });
    expect(await upgrade(h, { origin: 'http://evil.example' }, `?token=${h.token}`)).toMatchObject({ opened: false, status: 403 });
    const ok = await upgrade(h, { origin: `http://127.0.0.1:${h.port}`, cookie: `switchyard_token_${h.port}=${h.token}` });
    expect(ok.opened).toBe(true);
    const message = new Promise<string>((resolve) => ok.socket?.once('message', (data) => resolve(String(data))));
    const reply = await send(h, '/api/invoke', {
      ...invoke('profiles.testAll', {}),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.token}` },
    });
    const { value } = JSON.parse(reply.body) as { value: { opId: string } };
    expect(JSON.parse(await message)).toMatchObject({ event: 'op.progress', payload: { opId: value.opId, done: 0, total: 0 } });
    ok.socket?.close();
  });
});

describe('browser host errors', () => {
  const withToken = (h: RunningHost, headers: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${h.token}`,
    ...headers,
  });
  const envelope = (reply: Reply) => {
    expect(reply.headers['content-type']).toBe('application/json');
    return JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string; detail?: unknown } };
  };

  it('answers a body over the limit with 413 and the limit, whether its length is declared or streamed', async () => {
    const h = await host();
    const big = JSON.stringify({ method: 'profiles.list', input: { padding: 'x'.repeat(1024 * 1024) } });
    const declared = await send(h, '/api/invoke', { method: 'POST', headers: withToken(h), body: big });
    expect(declared.status).toBe(413);
    expect(envelope(declared)).toEqual({
      ok: false,
      error: { code: 'E_REQUEST_TOO_LARGE', message: expect.stringContaining('1048576 bytes'), detail: { limitBytes: 1048576 } },
    });

    const streamed = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: h.port, path: '/api/invoke', method: 'POST', headers: { host: `127.0.0.1:${h.port}`, ...withToken(h) } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 5; i += 1) req.write('x'.repeat(256 * 1024));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(envelope(streamed).error.code).toBe('E_REQUEST_TOO_LARGE');
  });

  it.each([['null'], ['[]'], ['42'], ['"profiles.list"']])('refuses the body %s with 400 and the JSON envelope', async (body) => {
    const h = await host();
    const reply = await send(h, '/api/invoke', { method: 'POST', headers: withToken(h), body });
    expect(reply.status).toBe(400);
    expect(envelope(reply)).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT', message: expect.stringContaining('must be a JSON object') } });
  });

  it('answers every other refusal with the JSON envelope and its status', async () => {
    const h = await host();
    const cases: [Reply, number, string][] = [
      [await send(h, '/api/invoke', { method: 'POST', headers: withToken(h), body: '{not json' }), 400, 'E_INVALID_INPUT'],
      [await send(h, '/api/invoke', { method: 'POST', headers: withToken(h, { 'content-type': 'text/plain' }), body: '{}' }), 415, 'E_INVALID_INPUT'],
      [await send(h, '/api/invoke', { headers: withToken(h) }), 405, 'E_INVALID_INPUT'],
      [await send(h, '/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 401, 'E_UNAUTHORIZED'],
      [await send(h, '/api/invoke', { method: 'POST', headers: withToken(h, { origin: 'http://evil.example' }), body: '{}' }), 403, 'E_FORBIDDEN'],
      [await send(h, '/missing.js', { headers: withToken(h) }), 404, 'E_NOT_FOUND'],
      [await send(h, '/', { method: 'DELETE', headers: withToken(h) }), 405, 'E_INVALID_INPUT'],
    ];
    for (const [reply, status, code] of cases) {
      expect(reply.status).toBe(status);
      expect(envelope(reply)).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    }
  });
});
