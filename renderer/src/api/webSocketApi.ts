/** The API contract over the browser host's WebSocket (the cookie set from the printed address authenticates it). */
import type { ApiEvent, ApiEvents, ApiMethod, ApiParams, ApiResults, ArticlePlayerApi } from '../../../shared/api';
import { SOCKET_PATH } from '../../../shared/apiChannels';
import { decodeWireFrame, encodeWireFrame, type ServerMessage } from '../../../shared/wire';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function connectWebSocketApi(location: Location): ArticlePlayerApi {
  const pending = new Map<number, Pending>();
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const failAll = (message: string) => {
    for (const { reject } of pending.values()) reject(new Error(message));
    pending.clear();
  };

  const connect = (): Promise<WebSocket> => {
    opened ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`);
      // Audio comes as binary frames: bytes the page uses as they are, with no base64 or text parsing on the main thread.
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('Lost the connection to Article Player. Is it still running? Restart it with npm start.'));
      ws.onclose = () => {
        opened = null; // the next call reconnects
        socket = null;
        failAll('The connection to Article Player was closed. Is it still running?');
      };
      ws.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
        const message = decodeWireFrame(event.data) as ServerMessage;
        if ('event' in message) {
          for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
          return;
        }
        const call = pending.get(message.id);
        if (!call) return;
        pending.delete(message.id);
        if ('error' in message) call.reject(new Error(message.error));
        else call.resolve(message.result);
      };
    });
    return opened;
  };

  return {
    async invoke<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResults[M]> {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise<ApiResults[M]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        ws.send(encodeWireFrame({ id, method, params }));
      });
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
