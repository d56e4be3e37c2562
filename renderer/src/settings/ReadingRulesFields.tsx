/** The reading rules' switches in Settings: what of the text is skipped or shortened when read aloud (never when shown). */
import { useId, type ReactNode } from 'react';
import { ADDRESS_READING_LABELS, ADDRESS_READINGS, type AddressReading, type ReadingRules } from '../../../shared/readingRules';

interface ReadingRulesFieldsProps {
  rules: ReadingRules;
  onChange: (rules: ReadingRules) => void;
  /** Fields of this section kept elsewhere in the settings (the byline after the title). */
  children?: ReactNode;
}

export function ReadingRulesFields({ rules, onChange, children }: ReadingRulesFieldsProps) {
  const id = useId();
  const set = (patch: Partial<ReadingRules>) => onChange({ ...rules, ...patch });
  const toggle = (key: 'skipCitations' | 'skipParentheses' | 'skipBrackets' | 'usePronunciations', label: string, hint?: string) => (
    <div className="field checkbox">
      <input id={`${id}-${key}`} type="checkbox" checked={rules[key]} aria-describedby={hint ? `${id}-${key}-hint` : undefined} onChange={(e) => set({ [key]: e.currentTarget.checked })} />
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint && (
        <p id={`${id}-${key}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
  const address = (key: 'urls' | 'emails', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={rules[key]} onChange={(e) => set({ [key]: e.currentTarget.value as AddressReading })}>
        {ADDRESS_READINGS.map((reading) => (
          <option key={reading} value={reading}>
            {key === 'emails' ? ADDRESS_READING_LABELS[reading].replace('link to example.com', 'e-mail address at example.com') : ADDRESS_READING_LABELS[reading]}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset>
      <legend>What is read aloud</legend>
      <p className="hint">These change only what is heard: the text on screen stays as it is.</p>
      {children}
      {toggle('skipCitations', 'Skip citation and footnote markers', 'Markers such as [12], [a] and superscript note numbers.')}
      {address('urls', 'Web addresses')}
      {address('emails', 'E-mail addresses')}
      {toggle('skipParentheses', 'Skip asides in parentheses')}
      {toggle('skipBrackets', 'Skip notes in square brackets', 'Editorial notes such as [sic] or [laughs].')}
      {toggle('usePronunciations', 'Use the pronunciation list')}
    </fieldset>
  );
}
