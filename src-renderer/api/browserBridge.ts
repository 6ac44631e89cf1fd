// The bridge when there is no preload (the browser host): HTTP for calls, a WebSocket for events.
// The token cookie set by the host authenticates both; nothing here knows about tokens.
import type { ApiEventMessage, ApiResult, SwitchyardBridge } from '../../src-shared/api';

export function browserBridge(): SwitchyardBridge {
  const listeners = new Set<(message: ApiEventMessage) => void>();
  let socket: WebSocket | undefined;

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/events`);
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as ApiEventMessage;
      for (const listener of listeners) listener(message);
    };
    // Reconnect after a host restart; events missed meanwhile are recovered by refetching state.
    socket.onclose = () => setTimeout(connect, 1000);
  };

  return {
    async invoke(method, input) {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: { code: 'E_UNAUTHORIZED', message: 'This page is no longer authorised: open the URL printed by `switchyard serve` again.' },
        };
      }
      return (await response.json()) as ApiResult<unknown>;
    },
    on(listener) {
      if (!socket) connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
