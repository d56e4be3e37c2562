/**
 * The whole preload (VS Code's sandboxed preload idea): only the typed API, nothing of Electron or
 * Node. Listeners are wrapped so the page never receives the IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_EVENTS, eventChannel, INVOKE_CHANNEL } from '../../shared/apiChannels.js';

type EventName = (typeof API_EVENTS)[number];

contextBridge.exposeInMainWorld('articlePlayer', {
  // Main answers with an envelope so the user-facing message arrives without Electron's IPC prefix.
  invoke: async (method: string, params: unknown): Promise<unknown> => {
    const reply = (await ipcRenderer.invoke(INVOKE_CHANNEL, method, params)) as { ok: boolean; value?: unknown; message?: string };
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  },
  on: (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!API_EVENTS.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    const channel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
});
