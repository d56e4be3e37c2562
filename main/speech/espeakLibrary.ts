/**
 * libespeak-ng through koffi (a C FFI for Node): the same synthesis as the espeak-ng command, in this
 * process, with the library's own word events. Synchronous output mode: espeak_Synth returns when the
 * whole text is said, calling our callback with the audio and events on this thread. espeak-ng 1.51
 * aborts on some texts, so this module is only loaded in the library's own process
 * (main/speech/espeakProcess.ts), never in the app's (the bench loads it alone to compare).
 * The library keeps global state: one instance per process, used by one request at a time.
 * Struct layouts and constants: /usr/include/espeak-ng/speak_lib.h (API revision 12).
 */
import { createRequire } from 'node:module';
import type { EspeakWordEvent } from './espeakWordMarks.js';

// Not an import statement: a missing or unloadable native module must reach the caller as an error to report.
type Koffi = typeof import('koffi');

const AUDIO_OUTPUT_SYNCHRONOUS = 2;
const ESPEAK_INITIALIZE_DONT_EXIT = 0x8000;
const POS_CHARACTER = 1;
// The espeak-ng command's flags with -b 1: UTF-8 text, [[phonemes]] allowed, a pause at the end.
const ESPEAK_CHARS_UTF8 = 1;
const ESPEAK_PHONEMES = 0x100;
const ESPEAK_ENDPAUSE = 0x1000;
const ESPEAK_RATE = 1;
const ESPEAK_PITCH = 3;
/** espeakPITCH's default: the voice's own pitch. */
const DEFAULT_PITCH = 50;
const EVENT_LIST_TERMINATED = 0;
const EVENT_WORD = 1;
const EE_OK = 0;
/** The espeak-ng command's voice when none is given. */
const DEFAULT_VOICE = 'en';

export interface LibrarySpeech {
  sampleRate: number;
  samples: Int16Array;
  words: EspeakWordEvent[];
}

export interface EspeakLibrary {
  readonly sampleRate: number;
  /** `pitch` is espeakPITCH, 0-99 (50, the default, the voice's own); it is set on every call, since the library keeps it. */
  synthesize(text: string, voice: string | null, wordsPerMinute: number, pitch?: number): LibrarySpeech;
}

/** The default library file for this OS (a name the dynamic loader finds on its search path). */
export function defaultEspeakLibraryPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'libespeak-ng.dll';
  if (platform === 'darwin') return 'libespeak-ng.dylib';
  return 'libespeak-ng.so.1';
}

/** Loads and initializes the library; throws an Error saying what is missing. */
export function openEspeakLibrary(path: string): EspeakLibrary {
  let koffi: Koffi;
  try {
    koffi = createRequire(import.meta.url)('koffi') as Koffi;
  } catch (error) {
    throw new Error(`the koffi module could not load (${(error as Error).message.split('\n')[0]})`);
  }
  let lib: ReturnType<Koffi['load']>;
  try {
    lib = koffi.load(path);
  } catch (error) {
    throw new Error(`${path} could not load (${(error as Error).message.split('\n')[0]})`);
  }
  const Event = koffi.struct('espeak_EVENT', {
    type: 'int',
    unique_identifier: 'uint',
    text_position: 'int',
    length: 'int',
    audio_position: 'int',
    sample: 'int',
    user_data: 'void *',
    id: koffi.union('espeak_EVENT_id', { number: 'int', name: 'const char *', string: koffi.array('char', 8) }),
  });
  // Registered by name for espeak_SetVoiceByProperties below.
  koffi.struct('espeak_VOICE', {
    name: 'const char *',
    languages: 'const char *',
    identifier: 'const char *',
    gender: 'uchar',
    age: 'uchar',
    variant: 'uchar',
    xx1: 'uchar',
    score: 'int',
    spare: 'void *',
  });
  const SynthCallback = koffi.proto('int espeak_synth_callback(short *wav, int numsamples, espeak_EVENT *events)');
  const initialize = lib.func('int espeak_Initialize(int output, int buflength, const char *path, int options)');
  const setSynthCallback = lib.func('void espeak_SetSynthCallback(espeak_synth_callback *callback)');
  const synth = lib.func('int espeak_Synth(const char *text, size_t size, uint position, int position_type, uint end_position, uint flags, uint *unique_identifier, void *user_data)');
  const setVoiceByName = lib.func('int espeak_SetVoiceByName(const char *name)');
  const setVoiceByProperties = lib.func('int espeak_SetVoiceByProperties(espeak_VOICE *voice)');
  const setParameter = lib.func('int espeak_SetParameter(int parameter, int value, int relative)');

  const sampleRate = initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, null, ESPEAK_INITIALIZE_DONT_EXIT) as number;
  if (!(sampleRate > 0)) throw new Error(`espeak_Initialize failed (${sampleRate}): the espeak-ng data files may be missing`);

  const eventSize = koffi.sizeof(Event);
  let chunks: Int16Array[] = [];
  let words: EspeakWordEvent[] = [];
  const callback = koffi.register(
    (wav: unknown, count: number, events: unknown) => {
      // Copied at once: the buffer is the library's and is reused for the next chunk.
      if (wav && count > 0) chunks.push(new Int16Array(koffi.view(wav, count * 2).slice(0)));
      for (let i = 0; events; i++) {
        const event = koffi.decode(events, i * eventSize, Event) as { type: number; text_position: number; length: number; audio_position: number };
        if (event.type === EVENT_LIST_TERMINATED) break;
        if (event.type === EVENT_WORD) words.push({ textPosition: event.text_position, length: event.length, audioMs: event.audio_position });
      }
      return 0;
    },
    koffi.pointer(SynthCallback),
  );
  setSynthCallback(callback);

  let currentVoice: string | null = null;
  const useVoice = (voice: string) => {
    if (voice === currentVoice) return;
    // As the command does for -v: a voice name, else a language.
    if (setVoiceByName(voice) !== EE_OK && setVoiceByProperties({ name: null, languages: voice, identifier: null, gender: 0, age: 0, variant: 0, xx1: 0, score: 0, spare: null }) !== EE_OK) {
      throw new Error(`espeak-ng: that voice does not exist (${voice})`);
    }
    currentVoice = voice;
  };

  return {
    sampleRate,
    synthesize(text, voice, wordsPerMinute, pitch = DEFAULT_PITCH) {
      useVoice(voice ?? DEFAULT_VOICE);
      setParameter(ESPEAK_RATE, Math.round(wordsPerMinute), 0);
      setParameter(ESPEAK_PITCH, Math.round(Math.min(99, Math.max(0, pitch))), 0);
      chunks = [];
      words = [];
      const bytes = Buffer.from(`${text}\0`, 'utf8');
      const result = synth(bytes, bytes.length, 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8 | ESPEAK_PHONEMES | ESPEAK_ENDPAUSE, null, null) as number;
      if (result !== EE_OK) throw new Error(`espeak_Synth failed (${result})`);
      const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        samples.set(chunk, offset);
        offset += chunk.length;
      }
      const said = { sampleRate, samples, words };
      chunks = [];
      words = [];
      return said;
    },
  };
}
