import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate, type MessageKey } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import { GRANT_SCOPES, type DossierListItem, type Grant, type GrantScope } from '../../../lib/api/types';
import { DateField, FieldError, looksLikeEmailAddress, TextField } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';
import { isWithin, newGrantDays } from '../grantDates';
import { grantRefusal, untilRangeText, type GrantField, type GrantFieldErrors } from '../grantProblems';

export type DossierChoice = Pick<DossierListItem, 'id' | 'number' | 'description'>;

const FIELD_ORDER: readonly GrantField[] = ['email', 'name', 'dossier', 'scope', 'until'];

/**
 * "Toegang geven" (ADV-1): e-mail address, name, the dossier (a choice of `choices`, or the one `dossier`), what the
 * person may do ("Inzien" / "Inzien en aanleveren") and the last day ("Tot en met": 30 days from today unless changed,
 * at most a year). Messages next to the fields, the server's too; a conflict or the office's "no" above the button.
 */
export function GrantForm({
  dossier,
  choices = [],
  onGranted,
}: {
  /** The one dossier to share (the dossier page); otherwise the client picks one of `choices`. */
  dossier?: DossierChoice;
  choices?: DossierChoice[];
  onGranted: (grant: Grant) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [days] = useState(() => newGrantDays());
  const preselected = dossier?.id ?? (choices.length === 1 ? choices[0].id : '');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [dossierId, setDossierId] = useState(preselected);
  const [scope, setScope] = useState<GrantScope>('READ');
  const [until, setUntil] = useState(days.initial);
  const [errors, setErrors] = useState<GrantFieldErrors>({});
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState('');
  const emailInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const dossierSelect = useRef<HTMLSelectElement>(null);
  const firstScope = useRef<HTMLInputElement>(null);
  const untilInput = useRef<HTMLInputElement>(null);
  const refs: Record<GrantField, RefObject<HTMLElement | null>> = {
    email: emailInput,
    name: nameInput,
    dossier: dossierSelect,
    scope: firstScope,
    until: untilInput,
  };

  const showErrors = (found: GrantFieldErrors) => {
    setErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  const validate = (): GrantFieldErrors => {
    const found: GrantFieldErrors = {};
    if (!email.trim()) found.email = t('accounts.email.missing');
    else if (!looksLikeEmailAddress(email)) found.email = t('form.email.invalid');
    if (!name.trim()) found.name = t('grants.name.missing');
    if (!dossierId) found.dossier = t('grants.dossier.missing');
    if (!until) found.until = t('grants.until.missing');
    else if (!isWithin(until, days)) found.until = untilRangeText(days, lang);
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setDone('');
    setRefused(undefined);
    setFailure(undefined);
    const found = validate();
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const grant = await portalApi.createGrant(dossierId, { email: email.trim(), name: name.trim(), scope, until });
      setSending(false);
      setEmail('');
      setName('');
      setScope('READ');
      setUntil(days.initial);
      setDossierId(preselected);
      setDone(t('grants.granted', { name: grant.name, number: grant.dossierNumber, date: formatDate(grant.until, lang) }));
      onGranted(grant);
    } catch (error) {
      setSending(false);
      const refusal = grantRefusal(error, days, lang);
      if (!refusal) setFailure(error);
      else if (refusal.form) setRefused(refusal.form);
      else showErrors(refusal.fields);
    }
  };

  /** Typing in a field takes its message away. */
  const edited = (field: GrantField) => {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <section className="subform grant-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('grants.give')}</h3>
      <p id={`${id}-hint`} className="hint">
        {t('grants.give.hint')}
      </p>
      <form noValidate onSubmit={submit} aria-describedby={`${id}-hint`}>
        <div className="field-row">
          <TextField
            id={`${id}-email`}
            inputRef={emailInput}
            type="email"
            name="email"
            label={t('grants.email')}
            autoComplete="off"
            maxLength={255}
            value={email}
            error={errors.email}
            onChange={(value) => {
              setEmail(value);
              edited('email');
            }}
          />
          <TextField
            id={`${id}-name`}
            inputRef={nameInput}
            name="name"
            label={t('grants.name')}
            autoComplete="off"
            maxLength={100}
            value={name}
            error={errors.name}
            onChange={(value) => {
              setName(value);
              edited('name');
            }}
          />
        </div>
        {!dossier && (
          <DossierSelect
            id={`${id}-dossier`}
            selectRef={dossierSelect}
            choices={choices}
            value={dossierId}
            error={errors.dossier}
            onChange={(value) => {
              setDossierId(value);
              edited('dossier');
            }}
          />
        )}
        <ScopeChoice
          id={`${id}-scope`}
          firstRef={firstScope}
          value={scope}
          error={errors.scope}
          onChange={(value) => {
            setScope(value);
            edited('scope');
          }}
        />
        <DateField
          id={`${id}-until`}
          inputRef={untilInput}
          name="until"
          label={t('grants.untilField')}
          hint={t('grants.until.hint', { max: formatDate(days.max, lang) })}
          value={until}
          min={days.min}
          max={days.max}
          error={errors.until}
          onChange={(value) => {
            setUntil(value);
            edited('until');
          }}
        />
        {refused && (
          <p className="alert alert-error" role="alert">
            {refused}
          </p>
        )}
        {failure !== undefined && (
          <div className="form-failure">
            <p className="field-error">{t('grants.grantFailed')}</p>
            <ErrorMessage error={failure} />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>
            {t('grants.submit')}
          </button>
        </div>
        <p role="status" className="form-status">
          {sending ? t('grants.granting') : done}
        </p>
      </form>
    </section>
  );
}

/** "Dossier": the client's own dossiers in progress. */
function DossierSelect({
  id,
  selectRef,
  choices,
  value,
  error,
  onChange,
}: {
  id: string;
  selectRef: RefObject<HTMLSelectElement | null>;
  choices: DossierChoice[];
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t('grants.dossierField')}</label>
      {error && <FieldError id={`${id}-error`} text={error} />}
      <select
        ref={selectRef}
        id={id}
        name="dossier"
        required
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('grants.dossier.choose')}</option>
        {choices.map((d) => (
          <option key={d.id} value={d.id}>
            {t('grants.dossier.option', { number: d.number, description: d.description })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Wat mag deze persoon?": a radio group with a line under each choice saying what it allows. */
function ScopeChoice({
  id,
  firstRef,
  value,
  error,
  onChange,
}: {
  id: string;
  firstRef: RefObject<HTMLInputElement | null>;
  value: GrantScope;
  error?: string;
  onChange: (value: GrantScope) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className={error ? 'field scope-choice field-invalid' : 'field scope-choice'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('grants.scope.legend')}</legend>
      {error && <FieldError id={`${id}-error`} text={error} />}
      {GRANT_SCOPES.map((scope, index) => (
        <div key={scope} className="scope-option">
          <label className="radio">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              name={id}
              value={scope}
              checked={value === scope}
              aria-describedby={`${id}-${scope}-hint`}
              onChange={() => onChange(scope)}
            />
            <span>{t(`grants.scope.${scope}` as MessageKey)}</span>
          </label>
          <p id={`${id}-${scope}-hint`} className="hint">
            {t(`grants.scope.${scope}.hint` as MessageKey)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
