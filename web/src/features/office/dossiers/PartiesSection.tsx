import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import type { StaffDossier, StaffParty } from '../../../lib/api/types';
import { looksLikeEmailAddress, TextField } from '../../../components/FormField';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/Status';
import { fieldErrorsOf } from '../fieldErrors';
import { InviteClientForm } from './InviteClientForm';
import { AccountSuggestions } from '../accountSuggestions';

/**
 * The parties of a dossier: who may see it. "Partij toevoegen" by e-mail address of an existing account, or a new client
 * invited in the same step; "Verwijderen" asks first, as the client loses access at once.
 */
export function PartiesSection({ dossier, onSaved }: { dossier: StaffDossier; onSaved: (d: StaffDossier) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<StaffParty | undefined>(undefined);
  const [inviting, setInviting] = useState(false);
  const [done, setDone] = useState('');
  const emailInput = useRef<HTMLInputElement>(null);
  const cancelRemove = useRef<HTMLButtonElement>(null);

  const save = async (parties: string[], after: string) => {
    setFailure(undefined);
    setBusy(true);
    try {
      onSaved(await portalApi.replaceParties(dossier.id, parties));
      setDone(after);
      return true;
    } catch (err) {
      if (fieldErrorsOf(err).parties) setEmailError(t('office.parties.unknown'));
      else setFailure(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const address = email.trim();
    const error = !address
      ? t('accounts.email.missing')
      : !looksLikeEmailAddress(address)
        ? t('form.email.invalid')
        : dossier.parties.some((p) => p.toLowerCase() === address.toLowerCase())
          ? t('office.parties.already')
          : undefined;
    setEmailError(error);
    if (error) {
      emailInput.current?.focus();
      return;
    }
    if (await save([...dossier.parties, address], t('office.parties.added', { who: address }))) setEmail('');
    else emailInput.current?.focus();
  };

  const remove = async (party: StaffParty) => {
    setRemoving(undefined);
    await save(
      dossier.parties.filter((p) => p.toLowerCase() !== party.email.toLowerCase()),
      t('office.parties.removed', { who: party.name ?? party.email }),
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('office.parties.heading')}</h2>
      {dossier.partyDetails.length === 0 ? (
        <p>{t('office.parties.none')}</p>
      ) : (
        <ul className="party-list">
          {dossier.partyDetails.map((party) => (
            <li key={party.email}>
              <span className="party-name">{party.name ?? party.email}</span>
              {party.name && <span className="party-email">{party.email}</span>}
              {party.accountType && <span className="party-type">{t(`office.accountType.${party.accountType}` as MessageKey)}</span>}
              <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => setRemoving(party)}>
                {t('office.parties.remove')}
                <span className="visually-hidden"> {party.name ?? party.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="inline-form" onSubmit={add} noValidate>
        <TextField
          id={`${id}-email`}
          label={t('office.parties.add.label')}
          type="email"
          value={email}
          onChange={setEmail}
          error={emailError}
          autoComplete="off"
          inputRef={emailInput}
          list={`${id}-accounts`}
        />
        <AccountSuggestions id={`${id}-accounts`} typed={email} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('office.parties.add')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setInviting(true)}>
            {t('office.parties.invite')}
          </button>
        </div>
      </form>
      <p className="form-status" role="status">
        {done}
      </p>
      {failure !== undefined && <ErrorMessage error={failure} />}

      {inviting && (
        <Dialog labelledBy={`${id}-invite-heading`} onClose={() => setInviting(false)}>
          <h2 id={`${id}-invite-heading`}>{t('office.invite.heading')}</h2>
          <InviteClientForm
            initialEmail={email}
            onCancel={() => setInviting(false)}
            onInvited={async (account) => {
              setInviting(false);
              await save([...dossier.parties, account.email], t('office.parties.invited', { who: account.name }));
            }}
          />
        </Dialog>
      )}

      {removing && (
        <Dialog
          role="alertdialog"
          labelledBy={`${id}-remove-heading`}
          describedBy={`${id}-remove-text`}
          onClose={() => setRemoving(undefined)}
          initialFocus={cancelRemove}
        >
          <h2 id={`${id}-remove-heading`}>{t('office.parties.remove.heading')}</h2>
          <p id={`${id}-remove-text`}>
            {t('office.parties.remove.text', { who: removing.name ?? removing.email, number: dossier.number })}
          </p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => remove(removing)}>
              {t('office.parties.remove.confirm')}
            </button>
            <button ref={cancelRemove} type="button" className="button button-secondary" onClick={() => setRemoving(undefined)}>
              {t('office.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
