import type { HTMLInputAutoCompleteAttribute, Ref } from 'react';
import { useI18n } from '../i18n/I18nContext';

/** A field's message, between its label and the input; "Fout:" is read before it. */
export function FieldError({ id, text }: { id: string; text: string }) {
  const { t } = useI18n();
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t('error.fieldPrefix')} </span>
      {text}
    </p>
  );
}

/**
 * One labelled text input with its message next to it (aria-invalid and aria-describedby follow the message).
 * `id` is the input's id; the message gets `${id}-error`.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  type = 'text',
  name,
  autoComplete,
  maxLength,
  inputRef,
  list,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: 'text' | 'email';
  name?: string;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  /** The id of a <datalist> with suggestions. */
  list?: string;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error && <FieldError id={errorId} text={error} />}
      <input
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        required
        spellCheck={type === 'email' ? false : undefined}
        autoCapitalize={type === 'email' ? 'none' : undefined}
        autoComplete={autoComplete}
        maxLength={maxLength}
        list={list}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * A labelled date input (YYYY-MM-DD) with its limits, an optional hint and its message, wired as TextField's.
 * `id` is the input's id; the hint gets `${id}-hint`, the message `${id}-error`.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  min,
  max,
  hint,
  error,
  name,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
  hint?: string;
  error?: string;
  name?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={errorId} text={error} />}
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="date"
        required
        min={min}
        max={max}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** Roughly what the server accepts as an e-mail address: something@something, without spaces. */
export function looksLikeEmailAddress(value: string): boolean {
  return /^[^@\s]{1,64}@[^@\s]{1,190}$/.test(value.trim());
}
