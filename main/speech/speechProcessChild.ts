/**
 * The child's side of a speech process (speechProcess.ts): opens the native engine once, says
 * "ready" (or why it cannot), then answers one request per message. The same code runs under Node's
 * fork (messages through process.send) and in an Electron utility process (process.parentPort).
 */
export type SpeechChildMessage =
  | { type: 'ready' }
  | { type: 'failed'; reason: string }
  | { type: 'answer'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string };

export interface SpeechRequestEnvelope {
  id: number;
  payload: unknown;
}

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function serveSpeechRequests(open: () => (payload: unknown) => unknown): void {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  const post = (message: SpeechChildMessage) => (parentPort ? parentPort.postMessage(message) : process.send?.(message));
  const onRequest = (listener: (envelope: SpeechRequestEnvelope) => void) =>
    parentPort ? parentPort.on('message', (event) => listener(event.data as SpeechRequestEnvelope)) : process.on('message', (message) => listener(message as SpeechRequestEnvelope));
  // Forked by Node: when the app goes, so does this process.
  if (!parentPort) process.on('disconnect', () => process.exit(0));

  let answer: ((payload: unknown) => unknown) | null = null;
  try {
    answer = open();
    post({ type: 'ready' });
  } catch (error) {
    post({ type: 'failed', reason: (error as Error).message });
  }
  onRequest(({ id, payload }) => {
    if (!answer) return;
    try {
      post({ type: 'answer', id, result: answer(payload) });
    } catch (error) {
      post({ type: 'error', id, message: (error as Error).message });
    }
  });
}
