import type { Page } from '@playwright/test';

/**
 * The texts the page asks main to synthesize (synthesizeBlock calls), in order, read off the browser host's
 * socket as they are sent: each frame is [u32 JSON length][JSON][audio] or JSON text.
 */
export function recordSynthesisRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const json = typeof payload === 'string' ? payload : payload.subarray(4, 4 + payload.readUInt32LE(0)).toString();
      const message = JSON.parse(json) as { method?: string; params?: { text?: string } };
      if (message.method === 'synthesizeBlock') asked.push(message.params!.text!);
    }),
  );
  return asked;
}
