import { useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import type { Grant } from '../../../lib/api/types';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/Status';

/**
 * "Intrekken": asks first, naming the person and that access ends at once. Focus starts on "Annuleren" (the safe
 * choice); Escape cancels. A 404 means the grant is gone already, which is what was asked.
 */
export function RevokeGrantDialog({
  grant,
  revoke,
  onCancel,
  onRevoked,
}: {
  grant: Grant;
  revoke: (grant: Grant) => Promise<void>;
  onCancel: () => void;
  onRevoked: (grant: Grant) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [revoking, setRevoking] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);

  const confirm = async () => {
    if (revoking) return;
    setRevoking(true);
    setFailure(undefined);
    try {
      await revoke(grant);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        setRevoking(false);
        setFailure(error);
        return;
      }
    }
    onRevoked(grant);
  };
  const cancel = () => !revoking && onCancel();

  return (
    <Dialog role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={cancel} initialFocus={cancelButton}>
      <h2 id={`${id}-title`} className="dialog-title">
        {t('grants.revoke.title', { name: grant.name })}
      </h2>
      <p id={`${id}-text`}>{t('grants.revoke.text', { name: grant.name, number: grant.dossierNumber })}</p>
      {failure !== undefined && (
        <div className="form-failure">
          <p className="field-error">{t('grants.revokeFailed')}</p>
          <ErrorMessage error={failure} />
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-danger" onClick={confirm} aria-disabled={revoking || undefined}>
          {t('grants.revoke')}
        </button>
        <button ref={cancelButton} type="button" className="button button-secondary" onClick={cancel} aria-disabled={revoking || undefined}>
          {t('grants.cancel')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {revoking ? t('grants.revoking') : ''}
      </p>
    </Dialog>
  );
}
