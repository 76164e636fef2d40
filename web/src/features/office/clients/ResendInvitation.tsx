import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView } from '../../../lib/api/types';
import { ErrorMessage } from '../../../components/Status';

/**
 * "Uitnodiging opnieuw versturen" while the account is invited (ONB-1, ONB-7): a new e-mail #1, earlier links stop
 * working. Once the client has set a password the server refuses (409); that is said in words, and the page loads the
 * account again to show its state. What happened stays readable after the button is gone.
 */
export function ResendInvitation({
  account,
  onResent,
  onConflict,
}: {
  account: AccountView;
  onResent: (account: AccountView) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [conflict, setConflict] = useState('');
  const [failure, setFailure] = useState<unknown>(undefined);

  const resend = async () => {
    setDone('');
    setConflict('');
    setFailure(undefined);
    setBusy(true);
    try {
      const updated = await portalApi.resendInvitation(account.id);
      onResent(updated ?? account);
      setDone(t('office.client.resend.done', { email: account.email }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(t('office.client.resend.conflict', { name: account.name || account.email }));
        onConflict();
      } else {
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {account.state === 'INVITED' && (
        <div className="form-actions">
          <button type="button" className="button button-secondary" disabled={busy} onClick={resend}>
            {t('office.client.resend')}
          </button>
        </div>
      )}
      <p className="form-status" role="status">
        {done}
      </p>
      <div aria-live="assertive">{conflict && <p className="alert alert-warning">{conflict}</p>}</div>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </>
  );
}
