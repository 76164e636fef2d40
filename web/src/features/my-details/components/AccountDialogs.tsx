import { useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDateTime, type MessageKey } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api/client';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountState, AccountView } from '../../../lib/api/types';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage, Loading } from '../../../components/Status';

const STATE_CLASS: Record<AccountState, string> = {
  INVITED: 'status-in-progress',
  ACTIVE: 'status-completed',
  BLOCKED: 'status-blocked',
  REMOVED: 'status-cancelled',
};

/** "Uitgenodigd", "Actief", "Geblokkeerd" as a badge. */
export function AccountStateBadge({ state }: { state: AccountState }) {
  const { t } = useI18n();
  return <span className={`status ${STATE_CLASS[state] ?? 'status-cancelled'}`}>{t(`accounts.state.${state}` as MessageKey) ?? state}</span>;
}

/**
 * "Bekijken": the extra account's recorded details (GET /api/me/accounts/{id}); the row's data shows while the fresh
 * copy loads. An account that is gone meanwhile says so (`onGone` takes it off the list).
 */
export function AccountDetailsDialog({ account, onClose, onGone }: { account: AccountView; onClose: () => void; onGone: (account: AccountView) => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const fresh = useApi((signal) => portalApi.extraAccount(account.id, signal), account.id);
  const gone = fresh.error instanceof ApiError && fresh.error.status === 404;
  const shown = fresh.data ?? account;
  const close = () => {
    onClose();
    if (gone) onGone(account);
  };
  const unknown = <span className="dd-unknown">{t('me.unknown')}</span>;

  return (
    <Dialog labelledBy={`${id}-title`} onClose={close}>
      <h2 id={`${id}-title`} className="dialog-title">
        {t('accounts.details.title', { name: account.name })}
      </h2>
      {gone ? (
        <p className="alert alert-error" role="alert">
          {t('accounts.gone')}
        </p>
      ) : fresh.error !== undefined ? (
        <ErrorMessage error={fresh.error} onRetry={fresh.reload} />
      ) : (
        <>
          {fresh.loading && <Loading />}
          <dl className="details details-dialog" aria-busy={fresh.loading || undefined}>
            <div>
              <dt>{t('me.name')}</dt>
              <dd>{shown.name}</dd>
            </div>
            <div>
              <dt>{t('me.email')}</dt>
              <dd>{shown.email}</dd>
            </div>
            <div>
              <dt>{t('me.phone')}</dt>
              <dd>{shown.phone || unknown}</dd>
            </div>
            <div>
              <dt>{t('accounts.col.state')}</dt>
              <dd>
                <AccountStateBadge state={shown.state} />
              </dd>
            </div>
            <div>
              <dt>{t('accounts.invitedAt')}</dt>
              <dd>{formatDateTime(shown.invitedAt, lang) || unknown}</dd>
            </div>
            <div>
              <dt>{t('accounts.activatedAt')}</dt>
              <dd>{formatDateTime(shown.activatedAt, lang) || <span className="dd-unknown">{t('accounts.notActivated')}</span>}</dd>
            </div>
          </dl>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={close}>
          {t('accounts.close')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * "Verwijderen": asks first, naming the person and that they lose access at once. Focus starts on "Annuleren" (the safe
 * choice); Escape cancels. A 404 means the account is gone already, which is what was asked.
 */
export function DeleteAccountDialog({
  account,
  onCancel,
  onDeleted,
}: {
  account: AccountView;
  onCancel: () => void;
  onDeleted: (account: AccountView) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);

  const confirm = async () => {
    if (deleting) return;
    setDeleting(true);
    setFailure(undefined);
    try {
      await portalApi.deleteExtraAccount(account.id);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        setDeleting(false);
        setFailure(error);
        return;
      }
    }
    onDeleted(account);
  };

  return (
    <Dialog role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={() => !deleting && onCancel()} initialFocus={cancelButton}>
      <h2 id={`${id}-title`} className="dialog-title">
        {t('accounts.delete.title', { name: account.name })}
      </h2>
      <p id={`${id}-text`}>{t('accounts.delete.text', { name: account.name })}</p>
      {failure !== undefined && (
        <div className="form-failure">
          <p className="field-error">{t('accounts.deleteFailed')}</p>
          <ErrorMessage error={failure} />
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-danger" onClick={confirm} aria-disabled={deleting || undefined}>
          {t('accounts.delete')}
        </button>
        <button
          ref={cancelButton}
          type="button"
          className="button button-secondary"
          onClick={() => !deleting && onCancel()}
          aria-disabled={deleting || undefined}
        >
          {t('accounts.cancel')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {deleting ? t('accounts.deleting') : ''}
      </p>
    </Dialog>
  );
}
