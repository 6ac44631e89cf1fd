// The preload: exposes exactly the typed API (one invoke, one event subscription) and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEventMessage, ApiResult, SwitchyardBridge } from '../../src-shared/api';

// Duplicated from ipc.ts on purpose: a sandboxed preload is bundled alone and must stay tiny.
const invokeChannel = 'switchyard:invoke';
const eventChannel = 'switchyard:event';

const bridge: SwitchyardBridge = {
  invoke: (method, input) => ipcRenderer.invoke(invokeChannel, method, input) as Promise<ApiResult<unknown>>,
  on: (listener) => {
    const forward = (_event: IpcRendererEvent, message: ApiEventMessage) => listener(message);
    ipcRenderer.on(eventChannel, forward);
    return () => ipcRenderer.removeListener(eventChannel, forward);
  },
};

contextBridge.exposeInMainWorld('switchyard', bridge);
