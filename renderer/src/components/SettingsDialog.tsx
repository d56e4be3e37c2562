/** Settings: engine, voice per language, pitch and volume, pauses, theme, font and spacing, reading aids, focus. Every change applies at once and is saved. */
import type { ArticlePlayerApi, SpeechInfo } from '../../../shared/api';
import { SENTENCE_HIGHLIGHT_LABELS, SENTENCE_HIGHLIGHTS, WORD_HIGHLIGHT_LABELS, WORD_HIGHLIGHTS } from '../../../shared/highlightStyles';
import { FONT_LABELS, FONTS, READING_AID_LABELS, READING_AIDS, THEME_LABELS, THEMES, type Settings, type SettingsPatch } from '../../../shared/settings';
import { isDesktopHost } from '../api/connectApi';
import { ClipboardShortcutField } from '../desktop/ClipboardShortcutField';
import { QueueSettingsFields } from '../queue/QueueSettingsFields';
import { Dialog } from './Dialog';
import { PronunciationsSection } from '../pronunciations/PronunciationsSection';
import { ReadingRulesFields } from '../settings/ReadingRulesFields';
import { DocumentFields } from '../settings/DocumentFields';
import { Field, RangeField, SelectField } from '../settings/Fields';
import { VoiceFields } from '../settings/VoiceFields';

interface SettingsDialogProps {
  open: boolean;
  onClose: () => void;
  settings: Settings;
  update: (patch: SettingsPatch) => void;
  speech: SpeechInfo | null;
  /** The article's language (primary subtag), for the voice list and the per-language choice. */
  language: string;
  /** For the pronunciation list, which is kept in main apart from the settings. */
  api: ArticlePlayerApi;
  /** Pauses reading (keeping its place) before a voice preview speaks. */
  pausePlayer: () => void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace(/0$/u, '')} s`;

export function SettingsDialog({ open, onClose, settings, update, speech, language, api, pausePlayer }: SettingsDialogProps) {
  // "Hear it" in Pronunciations speaks with the voice of the open article's language.
  const chosen = settings.voiceByLanguage[language] ?? '';

  return (
    <Dialog
      open={open}
      title="Settings"
      onClose={onClose}
      className="settings-dialog"
    >
      <form className="settings" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>Speech</legend>
          <Field label="Speech engine" hint={speech?.engine ? `In use: ${speech.engine.name}.` : 'No engine is working.'}>
            {(id, hintId) => (
              <select id={id} aria-describedby={hintId} value={settings.engine} onChange={(e) => update({ engine: e.currentTarget.value as Settings['engine'] })}>
                <option value="auto">Automatic (the best one installed)</option>
                {(speech?.engines ?? []).map((engine) => (
                  <option key={engine.id} value={engine.id} disabled={engine.kind === 'direct'}>
                    {engine.name}
                    {engine.kind === 'direct' ? ' (speaks directly; cannot be used here)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <VoiceFields open={open} settings={settings} update={update} speech={speech} articleLanguage={language} api={api} pausePlayer={pausePlayer} />
          <RangeField label="Pause between sentences" value={settings.sentencePauseMs} min={0} max={2000} step={50} format={seconds} onChange={(v) => update({ sentencePauseMs: v })} />
          <RangeField label="Pause between paragraphs" value={settings.paragraphPauseMs} min={0} max={2000} step={50} format={seconds} onChange={(v) => update({ paragraphPauseMs: v })} />
          <div className="field checkbox">
            <input id="trim-silences" type="checkbox" aria-describedby="trim-silences-hint" checked={settings.trimSilences} onChange={(e) => update({ trimSilences: e.currentTarget.checked })} />
            <label htmlFor="trim-silences">Shorten long silences in the speech</label>
            <p id="trim-silences-hint" className="hint">
              For fast listening: the engine&rsquo;s pauses at commas and brackets become short, in exported audio too. The pauses set above stay.
            </p>
          </div>
        </fieldset>
        <fieldset>
          <legend>Appearance</legend>
          <SelectField label="Theme" value={settings.theme} options={THEMES} labels={THEME_LABELS} onChange={(theme) => update({ theme })} />
          <SelectField label="Font" value={settings.font} options={FONTS} labels={FONT_LABELS} onChange={(font) => update({ font })} />
          <RangeField label="Text size" value={settings.fontScale} min={0.75} max={3} step={0.05} format={(v) => `${Math.round(v * 100)}%`} onChange={(v) => update({ fontScale: v })} />
          <RangeField label="Line height" value={settings.lineHeight} min={1.2} max={2.5} step={0.1} format={(v) => v.toFixed(1)} onChange={(v) => update({ lineHeight: v })} />
          <RangeField label="Letter spacing" value={settings.letterSpacingEm} min={0} max={0.3} step={0.01} format={(v) => `${v.toFixed(2)} em`} onChange={(v) => update({ letterSpacingEm: v })} />
          <RangeField label="Word spacing" value={settings.wordSpacingEm} min={0} max={0.5} step={0.02} format={(v) => `${v.toFixed(2)} em`} onChange={(v) => update({ wordSpacingEm: v })} />
          <RangeField label="Line width" value={settings.lineWidthEm} min={20} max={80} step={1} format={(v) => `${v} em`} onChange={(v) => update({ lineWidthEm: v })} />
        </fieldset>
        <fieldset>
          <legend>Following along</legend>
          <SelectField label="Reading aid" value={settings.readingAid} options={READING_AIDS} labels={READING_AID_LABELS} onChange={(readingAid) => update({ readingAid })} />
          <SelectField
            label="Sentence being read"
            value={settings.sentenceHighlight}
            options={SENTENCE_HIGHLIGHTS}
            labels={SENTENCE_HIGHLIGHT_LABELS}
            onChange={(sentenceHighlight) => update({ sentenceHighlight })}
          />
          <SelectField label="Word being read" value={settings.wordHighlight} options={WORD_HIGHLIGHTS} labels={WORD_HIGHLIGHT_LABELS} onChange={(wordHighlight) => update({ wordHighlight })} />
          <div className="field checkbox">
            <input id="focus-follows" type="checkbox" aria-describedby="focus-follows-hint" checked={settings.focusFollowsReading} onChange={(e) => update({ focusFollowsReading: e.currentTarget.checked })} />
            <label htmlFor="focus-follows">Move keyboard focus to the paragraph being read</label>
            <p id="focus-follows-hint" className="hint">
              Off by default, so a screen reader stays where you put it.
            </p>
          </div>
          {isDesktopHost() && <ClipboardShortcutField value={settings.clipboardShortcut} onChange={(clipboardShortcut) => update({ clipboardShortcut })} />}
        </fieldset>
        <QueueSettingsFields settings={settings} update={update} />
        <ReadingRulesFields rules={settings.readingRules} onChange={(readingRules) => update({ readingRules })}>
          <div className="field checkbox">
            <input id="read-byline" type="checkbox" aria-describedby="read-byline-hint" checked={settings.readByline} onChange={(e) => update({ readByline: e.currentTarget.checked })} />
            <label htmlFor="read-byline">Read the author after the title</label>
            <p id="read-byline-hint" className="hint">
              The title is always read before the first paragraph. From the next article opened.
            </p>
          </div>
        </ReadingRulesFields>
        <DocumentFields settings={settings} update={update} />
      </form>
      <PronunciationsSection api={api} active={open} speech={{ lang: language, voice: chosen || null, rate: settings.rate, engine: settings.engine }} />
    </Dialog>
  );
}
