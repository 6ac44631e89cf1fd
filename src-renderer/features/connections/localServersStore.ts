// Local servers from the app: the list, and create/start/stop/remove through the same API methods the
// CLI calls; a created server's connection joins the list and is selected, a removed one's leaves it.
import { create } from 'zustand';
import type { LocalServer } from '../../../src-shared/model/localServer';
import { ApiError, call, type ShownError } from '../../api/client';
import { followOperation } from '../../api/operationEvents';
import { failureKept } from '../../components/failureKept';
import { useConnections } from './connectionsStore';

export type LocalServerAction = 'creating' | 'starting' | 'stopping' | 'removing';

interface LocalServersState {
  /** Undefined until first read. */
  servers: LocalServer[] | undefined;
  /** What each server is busy with, by name (a server being created is not listed yet). */
  busy: Record<string, LocalServerAction>;
  failure: ShownError | undefined;
  load(): Promise<void>;
  create(name: string): Promise<boolean>;
  start(name: string): Promise<void>;
  stop(name: string): Promise<void>;
  remove(name: string, typedName: string): Promise<void>;
}

/** Creating and starting take seconds (initdb, the server's start): long operations, whose op.done carries the server. */
function untilDone(method: 'localServers.create' | 'localServers.start', name: string): Promise<LocalServer> {
  return new Promise((resolve, reject) => {
    followOperation(method, { name }, (message) => {
      if (message.event !== 'op.done') return;
      if (message.payload.ok) resolve(message.payload.result);
      else reject(new ApiError(message.payload.error));
    }).catch(reject);
  });
}

export const useLocalServers = create<LocalServersState>((set, get) => {
  /** Runs one action on one server, marks it busy meanwhile, and reads the list again after (whichever way it went). */
  async function act(name: string, action: LocalServerAction, work: () => Promise<unknown>): Promise<boolean> {
    set({ busy: { ...get().busy, [name]: action }, failure: undefined });
    return failureKept(set, work, async () => {
      const { [name]: _done, ...rest } = get().busy;
      set({ busy: rest });
      await get().load();
    });
  }
  return {
    servers: undefined,
    busy: {},
    failure: undefined,
    async load() {
      await failureKept(set, async () => set({ servers: await call('localServers.list', {}) }));
    },
    create(name) {
      return act(name, 'creating', async () => {
        const server = await untilDone('localServers.create', name);
        const connections = useConnections.getState();
        await connections.load();
        connections.select(server.profileId);
      });
    },
    async start(name) {
      await act(name, 'starting', () => untilDone('localServers.start', name));
    },
    async stop(name) {
      await act(name, 'stopping', () => call('localServers.stop', { name }));
    },
    async remove(name, typedName) {
      await act(name, 'removing', async () => {
        await call('localServers.remove', { name, confirmation: { typedName } });
        await useConnections.getState().load();
      });
    },
  };
});
