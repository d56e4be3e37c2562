/**
 * Pitch and volume (issue 25): their ranges, how they are said, and which engine can change pitch.
 * Pitch is the engine's: each engine declares here whether it can change it, and where it cannot, the
 * reason the Settings slider gives when it is disabled. Volume is the player's (the audio element's, or
 * speech-dispatcher's per utterance), so every engine has it.
 */

/** Pitch: percent above (+) or below (-) the voice's own; 0 is the voice as it is. */
export const PITCH_MIN = -50;
export const PITCH_MAX = 50;
export const PITCH_STEP = 5;
export const PITCH_DEFAULT = 0;

/** Volume: a fraction of the voice's full loudness (never louder than the engine speaks). */
export const VOLUME_MIN = 0.1;
export const VOLUME_MAX = 1;
export const VOLUME_STEP = 0.05;
export const VOLUME_DEFAULT = 1;

/** The engines by id, as ENGINE_CHOICES names them (shared/settings.ts), without 'auto'. */
export type EngineId = 'espeak-ng' | 'festival' | 'speech-dispatcher' | 'say' | 'sapi';

/** What an engine can do with pitch: change it, or not, and why not (said beside the disabled slider). */
export type PitchCapability = { pitch: true; how: string } | { pitch: false; why: string };

export const ENGINE_PITCH: Record<EngineId, PitchCapability> = {
  'espeak-ng': { pitch: true, how: 'espeak-ng -p 0-99 (50 is the voice’s own), and espeakPITCH in its library' },
  festival: { pitch: true, how: 'the mean of the intonation target (int_lr_params target_f0_mean), scaled' },
  'speech-dispatcher': { pitch: true, how: 'spd-say -p -100..100' },
  say: { pitch: true, how: 'the embedded command [[pbas]], in semitones, before the text' },
  sapi: { pitch: false, why: 'Windows speech (SAPI) cannot change pitch in this version' },
};

/** Null when the engine can change pitch; else the sentence that says why not. Unknown or no engine: it cannot. */
export function pitchUnavailable(engineId: string | null | undefined): string | null {
  if (!engineId) return 'No speech engine is working, so pitch cannot be changed';
  const capability = ENGINE_PITCH[engineId as EngineId] as PitchCapability | undefined;
  if (!capability) return `${engineId} cannot change pitch`;
  return capability.pitch ? null : capability.why;
}

/** The pitch an engine is asked for: the setting where it can change pitch, else 0 (so caches are not split by a value that changes nothing). */
export function pitchFor(engineId: string, pitch: number | undefined): number {
  return pitchUnavailable(engineId) === null ? clampPitch(pitch ?? PITCH_DEFAULT) : PITCH_DEFAULT;
}

export function clampPitch(pitch: number): number {
  if (!Number.isFinite(pitch)) return PITCH_DEFAULT;
  return Math.min(PITCH_MAX, Math.max(PITCH_MIN, Math.round(pitch / PITCH_STEP) * PITCH_STEP));
}

export function clampVolume(volume: number): number {
  if (!Number.isFinite(volume)) return VOLUME_DEFAULT;
  const stepped = Number((Math.round(volume / VOLUME_STEP) * VOLUME_STEP).toFixed(2));
  return Math.min(VOLUME_MAX, Math.max(VOLUME_MIN, stepped));
}

export function stepVolume(volume: number, steps: number): number {
  return clampVolume(volume + steps * VOLUME_STEP);
}

/** "Normal pitch", "15 percent higher", "20 percent lower": the slider's aria-valuetext and label. */
export function describePitch(pitch: number): string {
  const value = clampPitch(pitch);
  if (value === 0) return 'Normal pitch';
  return `${Math.abs(value)} percent ${value > 0 ? 'higher' : 'lower'}`;
}

/** "Full volume", "60 percent": the slider's aria-valuetext, and what the volume keys announce. */
export function describeVolume(volume: number): string {
  const value = clampVolume(volume);
  return value === VOLUME_MAX ? 'Full volume' : `${Math.round(value * 100)} percent volume`;
}
