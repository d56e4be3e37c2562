/** The labelled field, slider and list the Settings sections are made of. */
import { useId, type ReactNode } from 'react';

export function Field({ label, children, hint }: { label: string; children: (id: string, hintId: string | undefined) => ReactNode; hint?: string }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A slider: its value said in words (aria-valuetext); `disabled` with a hint that says why. */
export function RangeField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      {(id, hintId) => (
        <span className="range-field">
          <input
            id={id}
            type="range"
            min={props.min}
            max={props.max}
            step={props.step}
            value={props.value}
            disabled={props.disabled}
            aria-describedby={hintId}
            aria-valuetext={props.format(props.value)}
            onChange={(e) => props.onChange(Number(e.currentTarget.value))}
          />
          <output htmlFor={id} aria-hidden="true">
            {props.format(props.value)}
          </output>
        </span>
      )}
    </Field>
  );
}

export function SelectField<T extends string>(props: { label: string; value: T; options: readonly T[]; labels: Record<T, string>; onChange: (value: T) => void }) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
          {props.options.map((option) => (
            <option key={option} value={option}>
              {props.labels[option]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
