import { useId } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import { sharedAccess } from '../../../lib/access';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { DossierListItem, Me } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { GrantForm } from '../../grants/components/GrantForm';
import { GrantList } from '../../grants/components/GrantList';
import { clientGrantActions, useGrants } from '../../grants/useGrants';
import { Section } from './Section';

/** The most dossiers one page of the list API gives: a client has far fewer in progress. */
const OWN_DOSSIERS_PAGE = 100;

/** What the client can share: their own dossiers in progress, not those someone shared with them. */
const shareable = (dossiers: DossierListItem[]) => dossiers.filter((d) => d.status === 'IN_PROGRESS' && sharedAccess(d) === null);

/**
 * "Toegang voor anderen" (ADV-1): every grant the client gave, on any of their dossiers (who, e-mail address, dossier,
 * what, until, last used, state) with "Inkorten" and "Intrekken", and "Toegang geven" for one of their dossiers in
 * progress. Not for advisers nor a company's extra accounts (MY_DETAILS_SECTIONS leaves it out for them).
 */
export function AccessForOthersSection(_props: { me: Me }) {
  const { t } = useI18n();
  const id = useId();
  const grants = useGrants(portalApi.listMyGrants, 'mine');
  const own = useApi((signal) => portalApi.dossiers({ query: '', statuses: [], page: 0, size: OWN_DOSSIERS_PAGE }, signal));

  // The server says this account grants nothing after all.
  if (grants.error instanceof ApiError && (grants.error.status === 403 || grants.error.status === 404)) return null;

  const choices = own.data ? shareable(own.data.items) : undefined;
  return (
    <Section title={t('grants.title')} className="access-for-others" anchor="toegang">
      <p className="muted">{t('grants.intro')}</p>
      <h3 id={`${id}-list`}>{t('grants.list')}</h3>
      {grants.items ? (
        <GrantList
          grants={grants.items}
          labelledBy={`${id}-list`}
          emptyText={t('grants.empty')}
          showDossier
          {...clientGrantActions}
          onChanged={grants.replace}
        />
      ) : grants.error !== undefined ? (
        <ErrorMessage error={grants.error} onRetry={grants.reload} />
      ) : (
        <Loading />
      )}
      {choices === undefined ? (
        own.error !== undefined ? (
          <ErrorMessage error={own.error} onRetry={own.reload} />
        ) : (
          <Loading />
        )
      ) : choices.length === 0 ? (
        <p className="muted">{t('grants.noDossiers')}</p>
      ) : (
        <GrantForm choices={choices} onGranted={grants.add} />
      )}
    </Section>
  );
}
