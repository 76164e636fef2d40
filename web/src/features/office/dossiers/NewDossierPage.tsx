import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import { usePageTitle } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../lib/api/types';
import { looksLikeEmailAddress, TextField } from '../../../components/FormField';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/Status';
import { officePath } from '../paths';
import { fieldErrorsOf } from '../fieldErrors';
import { InviteClientForm } from './InviteClientForm';
import { AccountSuggestions } from '../accountSuggestions';

type Field = 'number' | 'description' | 'party';

/** "Nieuw dossier" (STF-2): number, description, status and parties — existing accounts, or clients invited here. */
export function NewDossierPage() {
  const { t } = useI18n();
  usePageTitle(t('office.newDossier.title'));
  const id = useId();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<DossierStatus>('IN_PROGRESS');
  const [parties, setParties] = useState<{ email: string; name?: string }[]>([]);
  const [party, setParty] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const [inviting, setInviting] = useState(false);
  const refs: Record<Field, React.RefObject<HTMLInputElement | null>> = { number: useRef(null), description: useRef(null), party: useRef(null) };

  /** Typing in a field takes its message away; the next "Dossier aanmaken" checks again. */
  const edit = (field: Field, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const show = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    const first = (['number', 'description', 'party'] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
    return first !== undefined;
  };

  const addParty = () => {
    const address = party.trim();
    const error = !looksLikeEmailAddress(address)
      ? t('form.email.invalid')
      : parties.some((p) => p.email.toLowerCase() === address.toLowerCase())
        ? t('office.parties.already')
        : undefined;
    if (error) {
      show({ ...errors, party: error });
      return;
    }
    setParties((all) => [...all, { email: address }]);
    setParty('');
    setErrors((e) => ({ ...e, party: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(undefined);
    const found: Partial<Record<Field, string>> = {};
    if (!number.trim()) found.number = t('office.newDossier.number.missing');
    if (!description.trim()) found.description = t('office.dossier.description.missing');
    if (party.trim()) found.party = t('office.newDossier.party.pending');
    if (show(found)) return;
    setSending(true);
    try {
      const created = await portalApi.createDossier({
        number: number.trim(),
        description: description.trim(),
        status,
        parties: parties.map((p) => p.email),
      });
      navigate(officePath.dossier(created.id));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (err instanceof ApiError && err.status === 409) show({ number: t('office.newDossier.number.exists') });
      else if (fields.number) show({ number: t('office.newDossier.number.invalid') });
      else if (fields.description) show({ description: t('office.dossier.description.invalid') });
      else if (Object.keys(fields).some((f) => f.startsWith('parties'))) show({ party: t('office.parties.unknown') });
      else setFailure(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={officePath.dossiers()}>
          <span aria-hidden="true">← </span>
          {t('office.dossier.back')}
        </Link>
      </p>
      <h1>{t('office.newDossier.title')}</h1>
      <form className="card" onSubmit={submit} noValidate>
        <TextField id={`${id}-number`} label={t('dossiers.col.number')} value={number} onChange={edit('number', setNumber)} error={errors.number} inputRef={refs.number} maxLength={50} autoComplete="off" />
        <TextField id={`${id}-description`} label={t('dossiers.col.description')} value={description} onChange={edit('description', setDescription)} error={errors.description} inputRef={refs.description} maxLength={500} autoComplete="off" />
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('dossiers.col.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as DossierStatus)}>
            {DOSSIER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="parties-fieldset">
          <legend>{t('office.parties.heading')}</legend>
          {parties.length > 0 && (
            <ul className="party-list">
              {parties.map((p) => (
                <li key={p.email}>
                  <span className="party-name">{p.name ?? p.email}</span>
                  {p.name && <span className="party-email">{p.email}</span>}
                  <button type="button" className="button button-secondary button-small" onClick={() => setParties((all) => all.filter((x) => x !== p))}>
                    {t('office.parties.remove')}
                    <span className="visually-hidden"> {p.name ?? p.email}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <TextField id={`${id}-party`} label={t('office.parties.add.label')} type="email" value={party} onChange={edit('party', setParty)} error={errors.party} inputRef={refs.party} autoComplete="off" list={`${id}-accounts`} />
          <AccountSuggestions id={`${id}-accounts`} typed={party} />
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={addParty}>
              {t('office.parties.add')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setInviting(true)}>
              {t('office.parties.invite')}
            </button>
          </div>
        </fieldset>

        {failure !== undefined && <ErrorMessage error={failure} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={sending}>
            {t('office.newDossier.submit')}
          </button>
        </div>
      </form>

      {inviting && (
        <Dialog labelledBy={`${id}-invite-heading`} onClose={() => setInviting(false)}>
          <h2 id={`${id}-invite-heading`}>{t('office.invite.heading')}</h2>
          <InviteClientForm
            initialEmail={party}
            onCancel={() => setInviting(false)}
            onInvited={(account) => {
              setInviting(false);
              setParties((all) => [...all, { email: account.email, name: account.name }]);
              setParty('');
            }}
          />
        </Dialog>
      )}
    </>
  );
}
