/** Settings for books and documents (EPUB, PDF): where their notes are read, and whether image descriptions are. */
import { useId } from 'react';
import { NOTE_PLACEMENT_LABELS, NOTE_PLACEMENTS, type NotePlacement } from '../../../shared/notes';
import type { Settings, SettingsPatch } from '../../../shared/settings';

interface DocumentFieldsProps {
  settings: Pick<Settings, 'notePlacement' | 'readImageDescriptions'>;
  update: (patch: SettingsPatch) => void;
}

export function DocumentFields({ settings, update }: DocumentFieldsProps) {
  const id = useId();
  return (
    <fieldset>
      <legend>Books and documents</legend>
      <p className="hint">For EPUB books and PDFs opened from now on.</p>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Footnotes and endnotes</label>
        <select id={`${id}-notes`} value={settings.notePlacement} onChange={(e) => update({ notePlacement: e.currentTarget.value as NotePlacement })}>
          {NOTE_PLACEMENTS.map((placement) => (
            <option key={placement} value={placement}>
              {NOTE_PLACEMENT_LABELS[placement]}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox">
        <input id={`${id}-images`} type="checkbox" aria-describedby={`${id}-images-hint`} checked={settings.readImageDescriptions} onChange={(e) => update({ readImageDescriptions: e.currentTarget.checked })} />
        <label htmlFor={`${id}-images`}>Read image descriptions</label>
        <p id={`${id}-images-hint`} className="hint">
          A book&rsquo;s descriptions of its pictures, each read as a paragraph of its own (&ldquo;Image: &hellip;&rdquo;). Off: they are kept with the text left out.
        </p>
      </div>
    </fieldset>
  );
}
