import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import * as portalApi from '../../../lib/api/portalApi';
import type { Grant, StaffDossier } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { GrantList } from '../../grants/components/GrantList';
import { useGrants } from '../../grants/useGrants';

/**
 * "Toegang voor anderen" (ADV-1): who has access to the dossier besides its parties, because a client shared it (who,
 * what, until, last used, state, who shared it), with "Intrekken"; and whether the parties may share it at all.
 */
export function AccessGrantsPanel({ dossier, onSaved }: { dossier: StaffDossier; onSaved: (dossier: StaffDossier) => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const grants = useGrants((signal) => portalApi.listStaffDossierGrants(dossier.id, signal), dossier.id);
  const revoke = (grant: Grant) => portalApi.revokeStaffGrant(dossier.id, grant.id);
  return (
    <section className="card access-grants" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('office.grants.heading')}</h2>
      <p className="muted">{t('office.grants.intro')}</p>
      <GrantPolicySwitch dossier={dossier} onSaved={onSaved} />
      {grants.items ? (
        <GrantList grants={grants.items} labelledBy={headingId} emptyText={t('office.grants.none')} showGrantedBy revoke={revoke} onChanged={grants.replace} />
      ) : grants.error !== undefined ? (
        <ErrorMessage error={grants.error} onRetry={grants.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

/** "Cliënt mag dit dossier delen": saved the moment it is switched; a failure puts it back and says so. */
function GrantPolicySwitch({ dossier, onSaved }: { dossier: StaffDossier; onSaved: (dossier: StaffDossier) => void }) {
  const { t } = useI18n();
  const hintId = useId();
  const allowed = dossier.grantsAllowed ?? true;
  // The position while the office's choice is being saved.
  const [saving, setSaving] = useState<boolean | null>(null);
  const [status, setStatus] = useState<'idle' | 'on' | 'off' | 'failed'>('idle');

  const toggle = async (on: boolean) => {
    if (saving !== null) return;
    setSaving(on);
    setStatus('idle');
    try {
      const saved = (await portalApi.setGrantPolicy(dossier.id, on))?.grantsAllowed ?? on;
      onSaved({ ...dossier, grantsAllowed: saved });
      setStatus(saved ? 'on' : 'off');
    } catch {
      setStatus('failed');
    } finally {
      setSaving(null);
    }
  };

  return (
    <div className="grant-policy">
      <div className="switches">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={saving ?? allowed}
            aria-describedby={hintId}
            onChange={(e) => void toggle(e.target.checked)}
          />
          <span>{t('office.grants.policy')}</span>
        </label>
      </div>
      <p id={hintId} className="hint">
        {t('office.grants.policy.hint')}
      </p>
      <p role="status" className={status === 'failed' ? 'form-status form-status-error' : 'form-status'}>
        {status === 'on'
          ? t('office.grants.policy.on')
          : status === 'off'
            ? t('office.grants.policy.off')
            : status === 'failed'
              ? t('office.grants.policy.failed')
              : ''}
      </p>
    </div>
  );
}
