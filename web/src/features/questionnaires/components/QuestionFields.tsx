// The questions of one questionnaire page (or of one block of a group), one renderer per question type. Every field has
// a visible label, its help text and its error next to it (aria-invalid, aria-describedby); fields in a group block say
// which block they belong to, for screen readers too.
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { tidyPostcode } from '../lib/formats';
import { tidyTypedDate } from '../lib/dateEntry';
import { emptyBlock, fieldDomId, type DraftAnswers, type DraftValue, type GroupBlock } from '../lib/answers';
import type { Question } from '../../../lib/api/types';
import { FieldError } from '../../../components/FormField';

/** More options than this: a select instead of radio buttons. */
export const MAX_RADIOS = 6;

export interface QuestionListProps {
  questions: Question[];
  values: DraftAnswers;
  onChange: (questionId: string, value: DraftValue) => void;
  /** An answer was edited (its error may go); `subtree` when a group's blocks were added or removed. */
  onEdited?: (field: string, subtree?: boolean) => void;
  /** Field paths of the shown questions. */
  visible: Set<string>;
  /** Error text per field path. */
  errors: Map<string, string>;
  /** "bewoners[1]." inside a group block. */
  prefix?: string;
  /** "Bewoner 2": added to every label for screen readers. */
  blockLabel?: string;
}

export function QuestionList({ questions, values, onChange, onEdited, visible, errors, prefix = '', blockLabel }: QuestionListProps) {
  return (
    <>
      {questions.map((question) => {
        const path = `${prefix}${question.id}`;
        if (!visible.has(path)) return null;
        const common = { question, path, blockLabel, error: errors.get(path) };
        if (question.type === 'group') {
          return (
            <GroupField
              key={question.id}
              {...common}
              onChange={(value) => onChange(question.id, value)}
              onEdited={onEdited}
              blocks={Array.isArray(values[question.id]) ? (values[question.id] as GroupBlock[]) : []}
              visible={visible}
              errors={errors}
            />
          );
        }
        const change = (value: DraftValue) => {
          onChange(question.id, value);
          onEdited?.(path);
        };
        return <QuestionField key={question.id} {...common} onChange={change} value={values[question.id]} />;
      })}
    </>
  );
}

interface FieldProps {
  question: Question;
  path: string;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  error?: string;
  blockLabel?: string;
}

/** The label's text: the question, "(Bewoner 2)" for screen readers, "(niet verplicht)" for an optional one. */
function LabelText({ question, blockLabel }: { question: Question; blockLabel?: string }) {
  const { t } = useI18n();
  return (
    <>
      {question.label}
      {blockLabel && (
        <>
          {' '}
          <span className="visually-hidden">({blockLabel})</span>
        </>
      )}
      {!question.required && (
        <>
          {' '}
          <span className="q-optional">{t('q.optional')}</span>
        </>
      )}
    </>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The frame of a single-input question: label, help, error, input. */
function Field({ id, question, blockLabel, error, hint, children }: { id: string; question: Question; blockLabel?: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field q-field field-invalid' : 'field q-field'}>
      <label htmlFor={id}>
        <LabelText question={question} blockLabel={blockLabel} />
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
      {children}
    </div>
  );
}

/** The frame of a question with several inputs (radios, checkboxes): a fieldset whose legend is the question. */
function FieldSet({ id, question, blockLabel, error, children, className }: { id: string; question: Question; blockLabel?: string; error?: string; children: ReactNode; className: string }) {
  return (
    <fieldset
      className={error ? `field q-field field-invalid` : 'field q-field'}
      aria-describedby={describedBy(question.help && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>
        <LabelText question={question} blockLabel={blockLabel} />
      </legend>
      {question.help && (
        <p id={`${id}-hint`} className="hint">
          {question.help}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
      <div className={className}>{children}</div>
    </fieldset>
  );
}

const AUTOCOMPLETE: Record<string, string> = { email: 'email', phone: 'tel', postcode: 'postal-code' };

/** On leaving a field: its text written the one way ("1015 CJ", "15-04-1990"), if that differs from what was typed. */
function changeIfTidier(text: string, tidied: string, onChange: (value: DraftValue) => void) {
  if (tidied !== text) onChange(tidied);
}

export function QuestionField({ question, path, value, onChange, error, blockLabel }: FieldProps) {
  const { t } = useI18n();
  const id = fieldDomId(path);
  const text = typeof value === 'string' ? value : '';
  const inputProps = {
    id,
    name: path,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy((question.help || question.type === 'amount' || question.type === 'date') && `${id}-hint`, error && `${id}-error`),
  } as const;
  const frame = { id, question, blockLabel, error };

  switch (question.type) {
    case 'longText':
      return (
        <Field {...frame} hint={question.help}>
          <textarea {...inputProps} required={question.required} maxLength={question.maxLength} rows={5} value={text} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    case 'number':
      return (
        <Field {...frame} hint={question.help}>
          <input {...inputProps} className="q-input-short" type="text" inputMode="decimal" autoComplete="off" required={question.required} value={text} onChange={(e) => onChange(e.target.value)} />
        </Field>
      );
    case 'amount':
      return (
        <Field {...frame} hint={question.help ? `${question.help} ${t('q.amount.hint')}` : t('q.amount.hint')}>
          <div className="q-amount">
            <span className="q-amount-sign" aria-hidden="true">
              €
            </span>
            <input {...inputProps} type="text" inputMode="decimal" autoComplete="off" required={question.required} value={text} onChange={(e) => onChange(e.target.value)} />
          </div>
        </Field>
      );
    case 'date': {
      // A text field, not type="date": that one follows the browser's locale (mm/dd/yyyy) and silently turns what it
      // cannot read into another day. Read on "Volgende"; written the one way (15-04-1990) when the field is left.
      return (
        <Field {...frame} hint={question.help ? `${question.help} ${t('q.date.hint')}` : t('q.date.hint')}>
          <input
            {...inputProps}
            className="q-input-short q-input-date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            required={question.required}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            onBlur={() => changeIfTidier(text, tidyTypedDate(text), onChange)}
          />
        </Field>
      );
    }
    case 'yesNo':
      return (
        <FieldSet {...frame} className="radios radios-inline">
          {[true, false].map((option) => (
            <label key={String(option)} className="radio">
              <input
                type="radio"
                id={option ? id : `${id}-no`}
                name={path}
                required={question.required}
                aria-invalid={error ? true : undefined}
                checked={value === option}
                onChange={() => onChange(option)}
              />
              {option ? t('q.yes') : t('q.no')}
            </label>
          ))}
        </FieldSet>
      );
    case 'choice': {
      const options = question.options ?? [];
      if (options.length > MAX_RADIOS) {
        return (
          <Field {...frame} hint={question.help}>
            <select {...inputProps} required={question.required} value={text} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('q.choose')}</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </Field>
        );
      }
      return (
        <FieldSet {...frame} className="radios">
          {options.map((option, index) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                id={index === 0 ? id : `${id}-${index}`}
                name={path}
                value={option.value}
                required={question.required}
                aria-invalid={error ? true : undefined}
                checked={text === option.value}
                onChange={() => onChange(option.value)}
              />
              {option.label}
            </label>
          ))}
        </FieldSet>
      );
    }
    case 'multiChoice': {
      const ticked = Array.isArray(value) ? (value as string[]) : [];
      const options = question.options ?? [];
      return (
        <FieldSet {...frame} className="radios">
          {options.map((option, index) => (
            <label key={option.value} className="checkbox">
              <input
                type="checkbox"
                id={index === 0 ? id : `${id}-${index}`}
                name={path}
                value={option.value}
                aria-invalid={error ? true : undefined}
                checked={ticked.includes(option.value)}
                onChange={(e) =>
                  // Keep the options' order, whatever the order of ticking.
                  onChange(options.map((o) => o.value).filter((v) => (v === option.value ? e.target.checked : ticked.includes(v))))
                }
              />
              {option.label}
            </label>
          ))}
        </FieldSet>
      );
    }
    default:
      return (
        <Field {...frame} hint={question.help}>
          <input
            {...inputProps}
            type={question.format === 'email' ? 'email' : question.format === 'phone' ? 'tel' : 'text'}
            className={question.format === 'postcode' ? 'q-input-short' : question.format === 'bsn' ? 'q-input-medium' : undefined}
            required={question.required}
            maxLength={question.maxLength}
            autoComplete={question.format ? (AUTOCOMPLETE[question.format] ?? 'off') : undefined}
            spellCheck={question.format ? false : undefined}
            inputMode={question.format === 'bsn' ? 'numeric' : undefined}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            onBlur={question.format === 'postcode' ? () => changeIfTidier(text, tidyPostcode(text), onChange) : undefined}
          />
        </Field>
      );
  }
}

/**
 * A repeating block ("Bewoners"): one fieldset per block ("Bewoner 1", "Bewoner 2") with "Verwijderen", and
 * "+ Bewoner toevoegen"; at least minItems and at most maxItems blocks. Adding moves focus to the new block's first
 * field, removing to the add button; both are announced.
 */
function GroupField({
  question,
  path,
  blocks,
  onChange,
  error,
  visible,
  errors,
  onEdited,
}: Omit<FieldProps, 'value'> & {
  blocks: GroupBlock[];
  visible: Set<string>;
  errors: Map<string, string>;
  onEdited?: (field: string, subtree?: boolean) => void;
}) {
  const { t } = useI18n();
  const id = fieldDomId(path);
  const [announcement, setAnnouncement] = useState('');
  const container = useRef<HTMLFieldSetElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const item = question.itemLabel ?? question.label;
  const blockName = (index: number) => t('q.group.block', { item, number: index + 1 });
  const min = question.minItems ?? 0;
  const max = question.maxItems;
  const canAdd = max === undefined || blocks.length < max;
  const canRemove = blocks.length > min;

  const add = () => {
    const index = blocks.length;
    onChange([...blocks, emptyBlock(question)]);
    onEdited?.(path, true);
    setAnnouncement(t('q.group.added', { block: blockName(index) }));
    // After React has rendered the new block.
    setTimeout(() => {
      const first = container.current?.querySelectorAll<HTMLElement>('.q-block')[index]?.querySelector<HTMLElement>('input, select, textarea');
      first?.focus();
    }, 0);
  };

  const remove = (index: number) => {
    onChange(blocks.filter((_, i) => i !== index));
    onEdited?.(path, true);
    setAnnouncement(t('q.group.removed', { block: blockName(index) }));
    setTimeout(() => (addButton.current ?? container.current)?.focus(), 0);
  };

  return (
    <fieldset
      ref={container}
      id={`${id}-group`}
      tabIndex={-1}
      className={error ? 'field q-field q-group field-invalid' : 'field q-field q-group'}
      aria-describedby={describedBy(question.help && `${id}-hint`, error && `${id}-error`)}
    >
      <legend className="q-group-legend">
        <LabelText question={question} />
      </legend>
      {question.help && (
        <p id={`${id}-hint`} className="hint">
          {question.help}
        </p>
      )}
      {error && <FieldError id={`${id}-error`} text={error} />}
      {blocks.length === 0 && <p className="q-group-empty">{t('q.group.empty')}</p>}
      {blocks.map((block, index) => {
        const name = blockName(index);
        return (
          <div key={block.key} className="q-block">
            <fieldset>
              <legend className="q-block-legend">{name}</legend>
              <QuestionList
                questions={question.questions ?? []}
                values={block.values}
                onChange={(questionId, value) =>
                  onChange(blocks.map((b, i) => (i === index ? { ...b, values: { ...b.values, [questionId]: value } } : b)))
                }
                onEdited={onEdited}
                visible={visible}
                errors={errors}
                prefix={`${path}[${index}].`}
                blockLabel={name}
              />
              {canRemove && (
                <p className="q-block-actions">
                  <button type="button" className="button button-small button-danger-outline" onClick={() => remove(index)}>
                    {t('q.group.remove')} <span className="visually-hidden">{name}</span>
                  </button>
                </p>
              )}
            </fieldset>
          </div>
        );
      })}
      {canAdd ? (
        <button ref={addButton} id={id} type="button" className="button button-secondary q-group-add" onClick={add}>
          <span aria-hidden="true">+</span> {t('q.group.add', { item })}
        </button>
      ) : (
        <p className="hint">{t('q.group.full', { max: max ?? 0 })}</p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </fieldset>
  );
}
