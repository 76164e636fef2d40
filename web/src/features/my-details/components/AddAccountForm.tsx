import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView } from '../../../lib/api/types';
import { looksLikeEmailAddress, TextField } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';

type Field = 'firstName' | 'lastName' | 'email';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['firstName', 'lastName', 'email'];

/**
 * "Extra account toevoegen" (ME-4): first name, last name and e-mail address, all required (messages next to the
 * fields, also for the server's 400 field errors and 409 for an address in use). The new account gets the invitation.
 */
export function AddAccountForm({ onAdded, onCancel }: { onAdded: (account: AccountView) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const headingId = `${id}-heading`;
  const hintId = `${id}-hint`;
  const [values, setValues] = useState<Record<Field, string>>({ firstName: '', lastName: '', email: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const refs = {
    firstName: useRef<HTMLInputElement>(null),
    lastName: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    refs.firstName.current?.focus();
    // Only when the form opens.
  }, []);

  const focusFirst = (found: FieldErrors) => {
    const field = FIELDS.find((f) => found[f]);
    if (field) refs[field].current?.focus();
  };

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!values.firstName.trim()) found.firstName = t('accounts.firstName.missing');
    if (!values.lastName.trim()) found.lastName = t('accounts.lastName.missing');
    if (!values.email.trim()) found.email = t('accounts.email.missing');
    else if (!looksLikeEmailAddress(values.email)) found.email = t('form.email.invalid');
    return found;
  };

  /** 409 and 400 with `errors[].field` belong next to the fields (in the portal's words, not the server's). */
  const serverFieldErrors = (error: unknown): FieldErrors | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    if (error.status === 409) return { email: t('accounts.email.exists') };
    if (error.status !== 400 && error.status !== 422) return undefined;
    const found: FieldErrors = {};
    for (const fieldError of error.problem?.errors ?? []) {
      const field = FIELDS.find((f) => f === fieldError.field);
      if (!field || found[field]) continue;
      found[field] = field === 'email' ? t('form.email.invalid') : t('accounts.name.invalid');
    }
    return Object.keys(found).length > 0 ? found : undefined;
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (sending) return;
    setFailure(undefined);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setSending(true);
    try {
      const added = await portalApi.addExtraAccount({
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: values.email.trim(),
      });
      onAdded(added);
    } catch (error) {
      setSending(false);
      const fieldErrors = serverFieldErrors(error);
      if (fieldErrors) {
        setErrors(fieldErrors);
        focusFirst(fieldErrors);
      } else {
        setFailure(error);
      }
    }
  };

  const change = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field] && value.trim()) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <section className="subform" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('accounts.add')}</h4>
      <p id={hintId} className="hint">
        {t('accounts.add.hint')}
      </p>
      <form noValidate onSubmit={submit} aria-describedby={hintId}>
        <div className="field-row">
          <TextField
            id={`${id}-firstName`}
            inputRef={refs.firstName}
            name="firstName"
            label={t('accounts.firstName')}
            autoComplete="off"
            maxLength={100}
            value={values.firstName}
            error={errors.firstName}
            onChange={change('firstName')}
          />
          <TextField
            id={`${id}-lastName`}
            inputRef={refs.lastName}
            name="lastName"
            label={t('accounts.lastName')}
            autoComplete="off"
            maxLength={100}
            value={values.lastName}
            error={errors.lastName}
            onChange={change('lastName')}
          />
        </div>
        <TextField
          id={`${id}-email`}
          inputRef={refs.email}
          type="email"
          name="email"
          label={t('accounts.email')}
          autoComplete="off"
          maxLength={255}
          value={values.email}
          error={errors.email}
          onChange={change('email')}
        />
        {failure !== undefined && (
          <div className="form-failure">
            <p className="field-error">{t('accounts.addFailed')}</p>
            <ErrorMessage error={failure} />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>
            {t('accounts.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={sending}>
            {t('accounts.cancel')}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {sending ? t('accounts.adding') : ''}
        </p>
      </form>
    </section>
  );
}
