// Who may talk to the browser host: only this machine's browser, on this port, with this run's token.
// The Host check stops DNS rebinding; the Origin check stops other sites; the token stops other users.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Browsers share cookies across ports, so each host names its own: two hosts on one machine keep both logins. */
export function tokenCookie(port: number): string {
  return `switchyard_token_${port}`;
}

export type GuardVerdict = { ok: true; via: 'query' | 'header' | 'cookie' } | { ok: false; status: 401 | 403; reason: string };

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export function allowedAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkRequest(request: IncomingMessage, port: number, token: string): GuardVerdict {
  const authorities = allowedAuthorities(port);
  if (!authorities.includes(request.headers.host ?? '')) {
    return { ok: false, status: 403, reason: 'foreign Host header' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !authorities.some((authority) => origin === `http://${authority}`)) {
    return { ok: false, status: 403, reason: 'cross-origin request' };
  }
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null) return sameToken(fromQuery, token) ? { ok: true, via: 'query' } : { ok: false, status: 401, reason: 'wrong token' };
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return sameToken(bearer, token) ? { ok: true, via: 'header' } : { ok: false, status: 401, reason: 'wrong token' };
  const cookie = cookieValue(request.headers.cookie, tokenCookie(port));
  if (cookie !== undefined && sameToken(cookie, token)) return { ok: true, via: 'cookie' };
  return { ok: false, status: 401, reason: 'missing or wrong token' };
}
