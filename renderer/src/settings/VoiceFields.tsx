/**
 * Settings > Speech, the voice part (issue 25): a language picker (the open article's language, the
 * library's, every language the engine's voices cover), the voice for the language picked with a Preview
 * in it, and the pitch and volume sliders. Pitch is disabled, with the reason, where the engine cannot
 * change it (shared/voiceControls.ts).
 */
import { useEffect, useState } from 'react';
import type { ArticlePlayerApi, SpeechInfo } from '../../../shared/api';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { describePitch, describeVolume, pitchUnavailable, PITCH_MAX, PITCH_MIN, PITCH_STEP, VOLUME_MAX, VOLUME_MIN, VOLUME_STEP } from '../../../shared/voiceControls';
import { Field, RangeField } from './Fields';
import { useVoiceLanguages } from './useVoiceLanguages';
import { useVoicePreview } from './useVoicePreview';
import { languageName, voicesFor } from './voiceLanguages';

const SOURCE_NOTES = { article: ' (this article)', library: ' (in your library)', voices: '' } as const;

interface VoiceFieldsProps {
  open: boolean;
  settings: Settings;
  update: (patch: SettingsPatch) => void;
  speech: SpeechInfo | null;
  /** The open article's language (primary subtag): picked when the dialog opens. */
  articleLanguage: string;
  api: ArticlePlayerApi;
  pausePlayer: () => void;
}

export function VoiceFields({ open, settings, update, speech, articleLanguage, api, pausePlayer }: VoiceFieldsProps) {
  const voices = speech?.voices ?? [];
  const { languages, language, setLanguage } = useVoiceLanguages(api, open, articleLanguage, voices);
  const [allLanguages, setAllLanguages] = useState(false);
  const matching = voicesFor(voices, language);
  const listed = allLanguages || matching.length === 0 ? voices : matching;
  const chosen = settings.voiceByLanguage[language] ?? '';
  const chosenName = voices.find((voice) => voice.id === chosen)?.name ?? 'the automatic voice';
  const { preview, message: previewMessage, stop: stopPreview } = useVoicePreview(api, pausePlayer);
  useEffect(() => {
    if (!open) stopPreview();
  }, [open, stopPreview]);
  const name = languageName(language);
  const engineId = (speech?.engine ?? speech?.direct)?.id ?? null;
  const noPitch = pitchUnavailable(engineId);

  return (
    <>
      <Field label="Language" hint="Choose a language to set its voice: articles and passages in that language are read with it.">
        {(id, hintId) => (
          <select id={id} aria-describedby={hintId} value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {languages.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
                {SOURCE_NOTES[option.source]}
                {settings.voiceByLanguage[option.code] ? ` – ${voices.find((voice) => voice.id === settings.voiceByLanguage[option.code])?.name ?? settings.voiceByLanguage[option.code]}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={`Voice for ${name}`} hint={`Automatic picks a voice that speaks ${name}.`}>
        {(id, hintId) => (
          <select id={id} aria-describedby={hintId} value={chosen} onChange={(e) => update({ voiceByLanguage: { [language]: e.currentTarget.value } })}>
            <option value="">Automatic</option>
            {listed.map((voice) => (
              <option key={voice.id} value={voice.id}>
                {voice.name} ({voice.lang})
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="voice-preview">
        <button
          type="button"
          aria-describedby="voice-preview-status"
          disabled={!speech?.engine}
          onClick={() => void preview({ language, voice: chosen || null, voiceName: chosenName, rate: settings.rate, engine: settings.engine, pitch: noPitch ? 0 : settings.pitch, volume: settings.volume })}
        >
          Preview
        </button>
        <p id="voice-preview-status" role="status" className="dialog-message">
          {previewMessage}
        </p>
      </div>
      <div className="field checkbox">
        <input id="all-voices" type="checkbox" checked={allLanguages} onChange={(e) => setAllLanguages(e.currentTarget.checked)} />
        <label htmlFor="all-voices">Show voices for all languages</label>
      </div>
      <RangeField
        label="Pitch"
        value={settings.pitch}
        min={PITCH_MIN}
        max={PITCH_MAX}
        step={PITCH_STEP}
        format={describePitch}
        disabled={noPitch !== null}
        hint={noPitch ? `${noPitch}.` : 'Heard from the next paragraph: the engine speaks it again at this pitch.'}
        onChange={(pitch) => update({ pitch })}
      />
      <RangeField
        label="Volume"
        value={settings.volume}
        min={VOLUME_MIN}
        max={VOLUME_MAX}
        step={VOLUME_STEP}
        format={describeVolume}
        hint={speech?.direct ? 'Speaking directly, the volume changes from the next paragraph.' : 'Heard at once. Full volume is as loud as the voice speaks.'}
        onChange={(volume) => update({ volume })}
      />
    </>
  );
}
