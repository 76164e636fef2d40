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

/** Roughly what the server accepts as an e-mail address: something@something, without spaces. */
export function looksLikeEmailAddress(value: string): boolean {
  return /^[^@\s]{1,64}@[^@\s]{1,190}$/.test(value.trim());
}
