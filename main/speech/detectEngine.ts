/**
 * Picks the best speech engine available on this machine, or explains what to install.
 * Preference per OS: Linux espeak-ng, festival, then speech-dispatcher (direct speech only);
 * macOS say; Windows SAPI. ARTICLE_PLAYER_ENGINE (or the `preferred` option, which wins) overrides.
 */
import { findExecutable } from '../process/runProcess.js';
import { EspeakNgEngine } from './espeakNg.js';
import { FestivalEngine } from './festival.js';
import { MacSayEngine } from './macSay.js';
import type { AnySpeechEngine, DirectSpeechEngine, SpeechEngine } from './SpeechEngine.js';
import { SpeechDispatcherEngine } from './speechDispatcher.js';
import { findPowerShell, WindowsSapiEngine } from './windowsSapi.js';

export const ENGINE_IDS = ['espeak-ng', 'festival', 'speech-dispatcher', 'say', 'sapi'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];
export const ENGINE_OVERRIDE_VARIABLE = 'ARTICLE_PLAYER_ENGINE';

export interface AvailableEngine {
  id: EngineId;
  name: string;
  /** 'direct': speaks to the speakers itself and cannot give audio to the player. */
  kind: 'synthesize' | 'direct';
  engine: AnySpeechEngine;
}

export type EngineDetection = (
  | { engine: SpeechEngine; problem: null }
  | { engine: null; problem: string }
) & {
  /** A direct-speech engine to fall back on when no engine can write audio (or when one was asked for). */
  direct: DirectSpeechEngine | null;
  /** Every engine found, best first, for a chooser in the UI. */
  available: AvailableEngine[];
  /** Why an override was not followed, or null. */
  notice: string | null;
};

export interface DetectOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** An engine id the user chose; wins over ARTICLE_PLAYER_ENGINE. */
  preferred?: string | null;
}

const PREFERENCE: Partial<Record<NodeJS.Platform, EngineId[]>> = {
  linux: ['espeak-ng', 'festival', 'speech-dispatcher'],
  darwin: ['say', 'espeak-ng'],
  win32: ['sapi', 'espeak-ng'],
};
const DEFAULT_PREFERENCE: EngineId[] = ['espeak-ng', 'festival', 'speech-dispatcher'];

const INSTALL_HINT: Record<EngineId, string> = {
  'espeak-ng': 'install the espeak-ng package (for example: sudo apt install espeak-ng)',
  festival: 'install the festival package (for example: sudo apt install festival festvox-kallpc16k)',
  'speech-dispatcher': 'install the speech-dispatcher package (for example: sudo apt install speech-dispatcher)',
  say: '/usr/bin/say is part of macOS; check that PATH includes /usr/bin',
  sapi: 'Windows PowerShell (powershell.exe) is part of Windows; check that it has not been removed or blocked',
};

export function missingEngineMessage(platform: NodeJS.Platform = process.platform, directFound = false): string {
  if (platform === 'darwin') {
    return 'No speech engine was found: the macOS "say" command is missing from PATH (it lives in /usr/bin). The article is still shown.';
  }
  if (platform === 'win32') {
    return 'No speech engine was found: Windows speech needs Windows PowerShell (powershell.exe), which is part of Windows; voices are added in Settings > Time & language > Speech. The article is still shown.';
  }
  const direct = directFound ? ' Speech Dispatcher was found, but it cannot give audio to the player.' : '';
  if (platform === 'linux') {
    return `No speech engine was found.${direct} Install espeak-ng (for example: sudo apt install espeak-ng), then restart Article Player. The article is still shown.`;
  }
  return `No supported speech engine was found on ${platform}.${direct} Install espeak-ng, then restart Article Player. The article is still shown.`;
}

async function probe(id: EngineId, env: NodeJS.ProcessEnv): Promise<AnySpeechEngine | null> {
  switch (id) {
    case 'espeak-ng': {
      const path = await findExecutable('espeak-ng', env);
      return path ? new EspeakNgEngine(path) : null;
    }
    case 'festival': {
      const [text2wave, festival] = await Promise.all([findExecutable('text2wave', env), findExecutable('festival', env)]);
      return text2wave && festival ? new FestivalEngine(text2wave, festival) : null;
    }
    case 'speech-dispatcher': {
      const path = await findExecutable('spd-say', env);
      return path ? new SpeechDispatcherEngine({ command: path }) : null;
    }
    case 'say': {
      const path = await findExecutable('say', env);
      return path ? new MacSayEngine(path) : null;
    }
    case 'sapi': {
      const path = await findPowerShell(env);
      return path ? new WindowsSapiEngine(path, env) : null;
    }
  }
}

/** Every engine this machine has, best first for its OS (others found on PATH after them). */
export async function listAvailableEngines(options: Omit<DetectOptions, 'preferred'> = {}): Promise<AvailableEngine[]> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  // Engines of other OSes are not probed (a "say" on Linux would be some other program).
  const ids = PREFERENCE[platform] ?? DEFAULT_PREFERENCE;
  const found = await Promise.all(ids.map((id) => probe(id, env)));
  return found.flatMap((engine, i) =>
    engine ? [{ id: ids[i]!, name: engine.name, kind: engine.kind === 'direct' ? ('direct' as const) : ('synthesize' as const), engine }] : [],
  );
}

function isEngineId(value: string): value is EngineId {
  return (ENGINE_IDS as readonly string[]).includes(value);
}

export async function detectEngine(options: DetectOptions = {}): Promise<EngineDetection> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const available = await listAvailableEngines({ env, platform });
  const wanted = (options.preferred ?? env[ENGINE_OVERRIDE_VARIABLE] ?? '').trim().toLowerCase();
  let notice: string | null = null;
  let chosen: AvailableEngine | undefined;
  if (wanted) {
    if (!isEngineId(wanted)) {
      notice = `Unknown speech engine "${wanted}" (known: ${ENGINE_IDS.join(', ')}); using the default.`;
    } else {
      chosen = available.find((candidate) => candidate.id === wanted);
      if (!chosen) notice = `The speech engine "${wanted}" is not available on this machine (${INSTALL_HINT[wanted]}); using the default.`;
    }
  }
  const best = available.find((candidate) => candidate.kind === 'synthesize');
  const firstDirect = available.find((candidate) => candidate.kind === 'direct');
  const direct = (chosen?.kind === 'direct' ? chosen : firstDirect)?.engine as DirectSpeechEngine | undefined;
  if (chosen?.kind === 'direct') {
    return {
      engine: null,
      problem: `${chosen.name} speaks directly and cannot give audio to the player; choose another engine or ${INSTALL_HINT['espeak-ng']}.`,
      direct: direct ?? null,
      available,
      notice,
    };
  }
  const engine = (chosen ?? best)?.engine as SpeechEngine | undefined;
  if (engine) return { engine, problem: null, direct: direct ?? null, available, notice };
  return { engine: null, problem: missingEngineMessage(platform, Boolean(direct)), direct: direct ?? null, available, notice };
}
