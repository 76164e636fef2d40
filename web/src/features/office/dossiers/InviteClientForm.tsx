import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView, NewClient } from '../../../lib/api/types';
import { looksLikeEmailAddress, TextField } from '../../../components/FormField';
import { ErrorMessage } from '../../../components/Status';
import { fieldErrorsOf } from '../fieldErrors';

type Field = 'email' | 'firstName' | 'lastName' | 'companyName';
const FIELDS: readonly Field[] = ['firstName', 'lastName', 'companyName', 'email'];

/** "Cliënt uitnodigen" (STF-1): a person or a company; the new account gets invitation e-mail #1 at once. */
export function InviteClientForm({
  initialEmail = '',
  onInvited,
  onCancel,
}: {
  initialEmail?: string;
  onInvited: (account: AccountView) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [client, setClient] = useState<NewClient>({
    type: 'PERSON',
    email: initialEmail,
    firstName: '',
    lastName: '',
    companyName: '',
    language: lang,
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const refs: Record<Field, React.RefObject<HTMLInputElement | null>> = {
    email: useRef(null),
    firstName: useRef(null),
    lastName: useRef(null),
    companyName: useRef(null),
  };
  useEffect(() => refs.firstName.current?.focus(), []);
  const set = (field: keyof NewClient) => (value: string) => {
    setClient((c) => ({ ...c, [field]: value }));
    setErrors((e) => (field in e ? { ...e, [field]: undefined } : e));
  };

  const show = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) refs[first].current?.focus();
    return first !== undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const found: Partial<Record<Field, string>> = {};
    if (!client.firstName.trim()) found.firstName = t('accounts.firstName.missing');
    if (!client.lastName.trim()) found.lastName = t('accounts.lastName.missing');
    if (client.type === 'COMPANY' && !client.companyName?.trim()) found.companyName = t('office.invite.companyName.missing');
    if (!client.email.trim()) found.email = t('accounts.email.missing');
    else if (!looksLikeEmailAddress(client.email)) found.email = t('form.email.invalid');
    if (show(found)) return;
    setSending(true);
    try {
      onInvited(
        await portalApi.inviteClient({
          ...client,
          email: client.email.trim(),
          firstName: client.firstName.trim(),
          lastName: client.lastName.trim(),
          companyName: client.type === 'COMPANY' ? client.companyName?.trim() : undefined,
        }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        show({ email: t('office.invite.email.exists') });
      } else {
        const fields = fieldErrorsOf(err);
        const named = FIELDS.filter((f) => fields[f]);
        if (named.length > 0) show(Object.fromEntries(named.map((f) => [f, t('office.invite.field.invalid')])));
        else setFailure(err);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="radio-group">
        <legend>{t('office.invite.type')}</legend>
        {(['PERSON', 'COMPANY'] as const).map((type) => (
          <label key={type} className="radio">
            <input type="radio" name={`${id}-type`} checked={client.type === type} onChange={() => set('type')(type)} />
            <span>{t(type === 'PERSON' ? 'office.invite.type.person' : 'office.invite.type.company')}</span>
          </label>
        ))}
      </fieldset>
      {client.type === 'COMPANY' && (
        <TextField
          id={`${id}-company`}
          label={t('office.invite.companyName')}
          value={client.companyName ?? ''}
          onChange={set('companyName')}
          error={errors.companyName}
          inputRef={refs.companyName}
          maxLength={200}
        />
      )}
      <TextField id={`${id}-first`} label={t('accounts.firstName')} value={client.firstName} onChange={set('firstName')} error={errors.firstName} inputRef={refs.firstName} autoComplete="off" />
      <TextField id={`${id}-last`} label={t('accounts.lastName')} value={client.lastName} onChange={set('lastName')} error={errors.lastName} inputRef={refs.lastName} autoComplete="off" />
      <TextField id={`${id}-email`} label={t('accounts.email')} type="email" value={client.email} onChange={set('email')} error={errors.email} inputRef={refs.email} autoComplete="off" />
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('office.invite.language')}</label>
        <select id={`${id}-language`} value={client.language} onChange={(e) => set('language')(e.target.value)}>
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
      </div>
      {failure !== undefined && <ErrorMessage error={failure} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={sending}>
          {t('office.invite.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('office.cancel')}
        </button>
      </div>
    </form>
  );
}
