/**
 * The browser host: the same player served to a browser on 127.0.0.1, for machines without the
 * Electron runtime. Every request and socket must carry this run's token (from the printed address,
 * then an HttpOnly cookie); Host and Origin are checked so a web page cannot reach it through DNS
 * rebinding or a cross-site socket.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { type ApiEvent, type ApiEvents, type ApiHandlers } from '../../shared/api.js';
import { MAX_FILE_BYTES } from '../../shared/articleFiles.js';
import { SOCKET_PATH } from '../../shared/apiChannels.js';
import { decodeWireFrame, encodeWireFrame, type ServerMessage } from '../../shared/wire.js';
import { dispatchApiCall, errorMessageForRenderer } from '../api/dispatchApiCall.js';
import { readAppFile } from './appFiles.js';
import { SECURITY_HEADERS } from './securityHeaders.js';

export interface BrowserHostOptions {
  handlers: ApiHandlers;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface BrowserHost {
  /** The address to open, token included. */
  url: string;
  port: number;
  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void;
  close(): Promise<void>;
}

// A dropped file arrives in one message (one binary frame; base64 inside JSON from older pages): a PDF up to MAX_FILE_BYTES (300 MB).
const MAX_MESSAGE_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024 * 1024;

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A binary message as one byte array, whatever shape ws delivered it in. */
function binaryMessage(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  let port = 0;
  // Cookies are shared across ports of one host, so the name carries the port: two instances never mix tokens.
  const cookieName = () => `article_player_token_${port}`;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const hasToken = (request: IncomingMessage) => sameSecret(cookieValue(request, cookieName()), token);

  const refuse = (response: ServerResponse, status: number, message: string) => {
    response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(message);
  };

  const server = createServer((request, response) => {
    void (async () => {
      if (!allowedHosts().has(request.headers.host ?? '')) return refuse(response, 421, 'Wrong host name.');
      if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Only GET is served.');
      const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
      const queryToken = url.searchParams.get('token') ?? undefined;
      if (queryToken !== undefined) {
        if (!sameSecret(queryToken, token)) return refuse(response, 403, 'This address has a wrong access token. Open the address Article Player printed.');
        // Move the token from the address into a cookie, so it does not stay in history or Referer.
        response.writeHead(303, {
          ...SECURITY_HEADERS,
          'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname,
        });
        return response.end();
      }
      if (!hasToken(request)) return refuse(response, 403, 'Open the address Article Player printed: it carries the access token.');
      const file = await readAppFile(options.rendererDir, url.pathname);
      if (!file) return refuse(response, 404, 'Not found.');
      response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Content-Length': file.body.length });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    })().catch(() => refuse(response, 500, 'Internal error.'));
  });

  const socketServer = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  /** The page whose words the direct-speech engine is saying, if any. */
  let directSpeaker: WebSocket | null = null;
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const allowed =
      url.pathname === SOCKET_PATH &&
      allowedHosts().has(request.headers.host ?? '') &&
      allowedOrigins().has(request.headers.origin ?? '') &&
      hasToken(request);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    socketServer.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        // A page that vanished without saying so (crashed, killed) stops the direct speech it started.
        if (directSpeaker === ws) {
          directSpeaker = null;
          void dispatchApiCall(options.handlers, 'stopDirect', {}).catch(() => undefined);
        }
      });
      ws.on('message', (data, isBinary) => {
        let id = -1;
        let method: unknown;
        void (async () => {
          const message = decodeWireFrame(isBinary ? binaryMessage(data) : data.toString()) as { id?: unknown; method?: unknown; params?: unknown };
          if (typeof message.id !== 'number') throw new Error('missing id');
          id = message.id;
          method = message.method;
          if (method === 'speakDirect') directSpeaker = ws;
          const result = await dispatchApiCall(options.handlers, message.method, message.params);
          ws.send(encodeWireFrame({ id, result }));
        })().catch((error: unknown) => {
          ws.send(encodeWireFrame({ id, error: errorMessageForRenderer(error, String(method)) }));
        });
      });
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
    emit(event, payload) {
      const frame = encodeWireFrame({ event, payload } satisfies ServerMessage);
      for (const ws of sockets) ws.send(frame);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      socketServer.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
