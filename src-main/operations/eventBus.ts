// Fan-out of API events to whichever shells are listening (windows, WebSocket clients, the CLI).
import type { ApiEventMessage, ApiEventName, ApiEvents } from '../../src-shared/api';

export type EventListener = (message: ApiEventMessage) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    const message = { event, payload } as ApiEventMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken listener (a closed socket) must not stop the others from hearing the event.
      }
    }
  }
}
