// The browser host: the same services as the desktop app over HTTP + WebSocket on 127.0.0.1,
// guarded by a per-run token. This is how the UI runs without Electron, and how e2e tests drive it.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WireError } from '../../src-shared/errors';
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

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': contentType, ...extra });
  response.end(body);
}

/** Every error, from the guard to the API, is the API's envelope, so a client has one shape to read. */
function sendError(response: ServerResponse, status: number, error: WireError): void {
  send(response, status, JSON.stringify({ ok: false, error }), 'application/json');
}

class BodyTooLarge extends Error {}

const tooLarge: WireError = {
  code: 'E_REQUEST_TOO_LARGE',
  message: `The request body is over the limit of ${maxBodyBytes / 1024 / 1024} MiB (${maxBodyBytes} bytes).`,
  detail: { limitBytes: maxBodyBytes },
};

async function readBody(request: IncomingMessage): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Invocation = { method: unknown; input: unknown };

/** The body as { method, input }: JSON, and an object (not null, an array or a bare value). */
function parseInvocation(body: string): Invocation | WireError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { code: 'E_INVALID_INPUT', message: 'The request body is not JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { code: 'E_INVALID_INPUT', message: 'The request body must be a JSON object: { "method": ..., "input": ... }.' };
  }
  const { method, input } = parsed as Record<string, unknown>;
  return { method, input };
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { services } = options;
  const actor = actorName('browser');
  const csp = contentSecurityPolicy();
  let port = 0;

  const handleInvoke = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return sendError(response, 405, { code: 'E_INVALID_INPUT', message: 'The API takes POST requests only.' });
    // A JSON content type cannot be sent cross-site without a preflight, which we never answer.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(response, 415, { code: 'E_INVALID_INPUT', message: 'The API takes JSON only (Content-Type: application/json).' });
    }
    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendError(response, 413, tooLarge);
      throw error;
    }
    const invocation = parseInvocation(body);
    if ('code' in invocation) return sendError(response, 400, invocation);
    const result = await services.dispatch(invocation.method, invocation.input, { actor });
    send(response, 200, JSON.stringify(result), 'application/json');
  };

  const server = createServer((request, response) => {
    const verdict = checkRequest(request, port, token);
    if (!verdict.ok) {
      return sendError(
        response,
        verdict.status,
        verdict.status === 401
          ? { code: 'E_UNAUTHORIZED', message: 'Unauthorized: open the URL printed by `switchyard serve`.' }
          : { code: 'E_FORBIDDEN', message: `Forbidden: ${verdict.reason}.` },
      );
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (verdict.via === 'query') {
      // Trade the token in the URL for a cookie, and drop it from the address bar and history.
      url.searchParams.delete('token');
      return send(response, 303, '', 'text/plain', {
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (url.pathname === '/api/invoke') {
      // Only the request itself can fail here (a client gone mid-body): dispatch turns every error into a result.
      handleInvoke(request, response).catch(() => {
        if (!response.headersSent) sendError(response, 400, { code: 'E_INVALID_INPUT', message: 'The request could not be read.' });
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendError(response, 405, { code: 'E_INVALID_INPUT', message: 'Pages take GET requests only.' });
    readStaticFile(options.rendererDir, url.pathname)
      .then((file) => {
        if (!file) return sendError(response, 404, { code: 'E_NOT_FOUND', message: `Nothing at ${url.pathname}.` });
        const headers: Record<string, string> = file.contentType.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {};
        send(response, 200, file.body, file.contentType, headers);
      })
      .catch(() => sendError(response, 500, { code: 'E_INTERNAL', message: 'The page could not be read.' }));
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
