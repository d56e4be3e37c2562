/** Picks the best speech engine available on this machine, or explains what to install. */
import { findExecutable } from '../process/runProcess.js';
import { EspeakNgEngine } from './espeakNg.js';
import type { SpeechEngine } from './SpeechEngine.js';

export type EngineDetection = { engine: SpeechEngine; problem: null } | { engine: null; problem: string };

export function missingEngineMessage(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux') {
    return 'No speech engine was found. Install espeak-ng (for example: sudo apt install espeak-ng), then restart Article Player. The article is still shown.';
  }
  return `No supported speech engine was found on ${platform}. The article is still shown.`;
}

export async function detectEngine(env: NodeJS.ProcessEnv = process.env): Promise<EngineDetection> {
  const espeak = await findExecutable('espeak-ng', env);
  if (espeak) return { engine: new EspeakNgEngine(espeak), problem: null };
  return { engine: null, problem: missingEngineMessage() };
}
