import { useId } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import * as portalApi from '../../../lib/api/portalApi';
import type { Dossier } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { GrantForm } from '../../grants/components/GrantForm';
import { GrantList } from '../../grants/components/GrantList';
import { clientGrantActions, useGrants } from '../../grants/useGrants';

/** "Delen" opened on the dossier page: who has access to this dossier besides its parties, and "Toegang geven". */
export function SharePanel({ id, dossier }: { id: string; dossier: Dossier }) {
  const { t } = useI18n();
  const headingId = useId();
  const grants = useGrants((signal) => portalApi.listDossierGrants(dossier.id, signal), dossier.id);
  return (
    <section id={id} className="card share-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('grants.title')}</h2>
      <p className="muted">{t('grants.intro')}</p>
      {grants.items ? (
        <GrantList
          grants={grants.items}
          labelledBy={headingId}
          emptyText={t('dossier.share.empty')}
          {...clientGrantActions}
          onChanged={grants.replace}
        />
      ) : grants.error !== undefined ? (
        <ErrorMessage error={grants.error} onRetry={grants.reload} />
      ) : (
        <Loading />
      )}
      <GrantForm dossier={dossier} onGranted={grants.add} />
    </section>
  );
}
