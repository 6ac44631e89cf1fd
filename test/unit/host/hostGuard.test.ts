// Who the browser host lets in: this machine's browser, on this port, with this run's token.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../src-main/host/hostGuard';

const port = 4711;
const token = 'run-token-0123456789';

function request(url: string, headers: Record<string, string>): IncomingMessage {
  // Only the url and headers are read by the guard; a real IncomingMessage needs a socket.
  return { url, headers } as unknown as IncomingMessage;
}

describe('the browser host guard', () => {
  it('lets in the run token from the URL, an Authorization header or the cookie', () => {
    expect(checkRequest(request(`/?token=${token}`, { host: `127.0.0.1:${port}` }), port, token)).toEqual({ ok: true, via: 'query' });
    expect(checkRequest(request('/api/profiles', { host: `localhost:${port}`, authorization: `Bearer ${token}` }), port, token)).toEqual({
      ok: true,
      via: 'header',
    });
    expect(checkRequest(request('/', { host: `127.0.0.1:${port}`, cookie: `theme=dark; switchyard_token_${port}=${token}` }), port, token)).toEqual({
      ok: true,
      via: 'cookie',
    });
  });

  it("ignores another port's host cookie, which the browser sends here too", () => {
    const otherHost = `switchyard_token_${port + 1}=${token}`;
    expect(checkRequest(request('/', { host: `127.0.0.1:${port}`, cookie: otherHost }), port, token)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a request without a token, or with another run's, as 401", () => {
    expect(checkRequest(request('/api/profiles', { host: `127.0.0.1:${port}` }), port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(request('/?token=guessed', { host: `127.0.0.1:${port}` }), port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(request('/', { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}x` }), port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkRequest(request('/', { host: `127.0.0.1:${port}`, cookie: `switchyard_token_${port}=old-run` }), port, token)).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('refuses a wrong token in the URL even when the cookie holds the right one', () => {
    const verdict = checkRequest(request('/?token=guessed', { host: `127.0.0.1:${port}`, cookie: `switchyard_token_${port}=${token}` }), port, token);
    expect(verdict).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a foreign Host header (DNS rebinding) as 403, even with the right token', () => {
    for (const host of ['evil.example:4711', `127.0.0.1:${port + 1}`, '127.0.0.1', '']) {
      expect(checkRequest(request(`/?token=${token}`, { host }), port, token)).toEqual({ ok: false, status: 403, reason: 'foreign Host header' });
    }
  });

  it("refuses a request from another site's page as 403, even with the right cookie", () => {
    for (const origin of ['https://evil.example', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, 'null']) {
      const verdict = checkRequest(request('/api/profiles', { host: `127.0.0.1:${port}`, origin, cookie: `switchyard_token_${port}=${token}` }), port, token);
      expect(verdict).toEqual({ ok: false, status: 403, reason: 'cross-origin request' });
    }
    expect(
      checkRequest(
        request('/api/profiles', { host: `127.0.0.1:${port}`, origin: `http://localhost:${port}`, cookie: `switchyard_token_${port}=${token}` }),
        port,
        token,
      ),
    ).toEqual({ ok: true, via: 'cookie' });
  });
});
