import type { Page } from '@playwright/test';

/** What the page asked main to synthesize in one synthesizeBlock call. */
export interface SynthesisParams {
  text: string;
  lang: string | null;
  voice: string | null;
  rate: number;
  pitch?: number;
  engine?: string;
}

/** Calls `record` with the parameters of each synthesizeBlock call the page makes, read off the browser host's socket as they are sent: each frame is [u32 JSON length][JSON][audio] or JSON text. */
function onSynthesis(page: Page, record: (params: SynthesisParams) => void): void {
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const json = typeof payload === 'string' ? payload : payload.subarray(4, 4 + payload.readUInt32LE(0)).toString();
      const message = JSON.parse(json) as { method?: string; params?: SynthesisParams };
      if (message.method === 'synthesizeBlock') record(message.params!);
    }),
  );
}

/** The synthesizeBlock calls the page makes, in order, with their parameters. */
export function recordSynthesisParams(page: Page): SynthesisParams[] {
  const asked: SynthesisParams[] = [];
  onSynthesis(page, (params) => asked.push(params));
  return asked;
}

/** The texts the page asks main to synthesize (synthesizeBlock calls), in order. */
export function recordSynthesisRequests(page: Page): string[] {
  const asked: string[] = [];
  onSynthesis(page, (params) => asked.push(params.text));
  return asked;
}
