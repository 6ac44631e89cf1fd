// The browser host: the same services as the desktop app over HTTP + WebSocket on 127.0.0.1,
// guarded by a per-run token. This is how the UI runs without Electron, and how e2e tests drive it.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiMethod } from '../../src-shared/api';
import { actorName, type Services } from '../services';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { checkRequest, tokenCookie } from './hostGuard';
import { readStaticFile } from './staticFiles';

export interface HostOptions {
  services: Services;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function send(response: ServerResponse, status: number, body: string | Buffer, contentType = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, ...extra });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { services } = options;
  const actor = actorName('browser');
  const csp = contentSecurityPolicy();
  let port = 0;

  const handleInvoke = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return send(response, 405, 'POST only');
    // A JSON content type cannot be sent cross-site without a preflight, which we never answer.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, 'JSON only');
    let message: { method?: unknown; input?: unknown };
    try {
      message = JSON.parse(await readBody(request)) as typeof message;
    } catch {
      return send(response, 400, JSON.stringify({ ok: false, error: { code: 'E_INVALID_INPUT', message: 'The request body is not JSON.' } }), 'application/json');
    }
    const result = await services.dispatch(message.method as ApiMethod, message.input, { actor });
    send(response, 200, JSON.stringify(result), 'application/json');
  };

  const server = createServer((request, response) => {
    const verdict = checkRequest(request, port, token);
    if (!verdict.ok) return send(response, verdict.status, verdict.status === 401 ? 'Unauthorized: open the URL printed by `switchyard serve`.' : 'Forbidden');
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (verdict.via === 'query') {
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      url.searchParams.delete('token');
      return send(response, 303, '', 'text/plain', {
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (url.pathname === '/api/invoke') {
      handleInvoke(request, response).catch(() => send(response, 400, 'Bad request'));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    readStaticFile(options.rendererDir, url.pathname)
      .then((file) => {
        if (!file) return send(response, 404, 'Not found');
        const headers: Record<string, string> = file.contentType.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {};
        send(response, 200, file.body, file.contentType, headers);
      })
      .catch(() => send(response, 500, 'Internal error'));
  });

  const sockets = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  const unsubscribe = services.events.onEvent((message) => {
    const text = JSON.stringify(message);
    for (const client of clients) client.send(text);
  });
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const verdict = checkRequest(request, port, token);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!verdict.ok || path !== '/api/events') {
      const status = verdict.ok ? '404 Not Found' : verdict.status === 401 ? '401 Unauthorized' : '403 Forbidden';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      clients.add(client);
      client.on('close', () => clients.delete(client));
      client.on('error', () => clients.delete(client));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
