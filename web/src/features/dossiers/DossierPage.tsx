import { useEffect, useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { ApiError } from '../../lib/api/client';
import { mayGrantAccess, sharedAccess } from '../../lib/access';
import { useApi, usePageTitle } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';
import type { Dossier, Me } from '../../lib/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/StatusBadge';
import { NoLongerAccessPage } from '../../app/NoLongerAccessPage';
import { DossierTabs } from './components/DossierTabs';
import { ProgressPanel } from './components/ProgressPanel';
import { SharedBy } from './components/SharedBy';
import { SharePanel } from './components/SharePanel';
import { rememberDossiers, wasShown } from './knownDossiers';
import { useAccessLost } from './useAccessLost';

/**
 * DOS-3..5, DOC-1..4. `?voortgang=open` opens the progress (`&stap=<stepId>` focuses that step): Home's links to a
 * step that was done. ADV-1: a dossier shared with the account shows who shared it and only what the access allows; a
 * party who may grant has "Delen". Access that ends while the page is used (or a 404 on a dossier shown before) gives
 * a plain "no access any more" page.
 */
export function DossierPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  // A document delivered from the progress: the tabs count it (and the message) again.
  const [deliveries, setDeliveries] = useState(0);
  const dossier = useApi((signal) => portalApi.dossier(id, signal), id);
  const notFound = dossier.error instanceof ApiError && dossier.error.status === 404;
  const accessLost = useAccessLost(id, dossier.data !== undefined);
  const accessEnded = accessLost || (notFound && wasShown(id));

  useEffect(() => {
    if (dossier.data) rememberDossiers([dossier.data.id]);
  }, [dossier.data]);

  usePageTitle(
    notFound ? t('dossier.notFound') : dossier.data ? t('dossier.title', { number: dossier.data.number }) : t('dossiers.title'),
  );

  if (accessEnded) return <NoLongerAccessPage />;
  if (notFound) {
    return (
      <>
        <BackLink />
        <div className="card empty-state">
          <h1>{t('dossier.notFound')}</h1>
          <p>{t('dossier.notFound.hint')}</p>
          <p>
            <Link to="/dossiers">{t('dossier.back')}</Link>
          </p>
        </div>
      </>
    );
  }
  if (dossier.error !== undefined) {
    return (
      <>
        <BackLink />
        <h1>{t('dossiers.title')}</h1>
        <ErrorMessage error={dossier.error} onRetry={dossier.reload} />
      </>
    );
  }
  if (!dossier.data) return <Loading />;

  const d = dossier.data;
  const access = sharedAccess(d);
  return (
    <>
      <BackLink />
      <DossierHead dossier={d} canShare={access === null && mayGrantAccess(me)} />
      <ProgressPanel
        key={d.id}
        progress={d.progress}
        dossier={d}
        initiallyOpen={searchParams.get('voortgang') === 'open'}
        focusStepId={searchParams.get('stap')}
        onDelivered={() => setDeliveries((n) => n + 1)}
      />
      <DossierTabs key={deliveries} dossierId={d.id} access={access} />
    </>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back">
      <Link to="/dossiers">
        <span aria-hidden="true">←</span>
        {t('dossier.back')}
      </Link>
    </p>
  );
}

/**
 * The description as the page heading, with the dossier number and status; who shared it, for a shared dossier; "Delen"
 * (a disclosure: the panel with this dossier's grants and "Toegang geven" follows the heading) for a party who may grant.
 */
function DossierHead({ dossier, canShare }: { dossier: Dossier; canShare: boolean }) {
  const { t } = useI18n();
  const panelId = useId();
  const [sharing, setSharing] = useState(false);
  return (
    <div className="dossier-head">
      <div className="dossier-title">
        <h1>{dossier.description}</h1>
        {canShare && (
          <button type="button" className="button button-secondary share-button" aria-expanded={sharing} aria-controls={panelId} onClick={() => setSharing((open) => !open)}>
            <ShareIcon />
            {t('dossier.share')}
          </button>
        )}
      </div>
      <SharedBy dossier={dossier} className="shared-by dossier-shared-by" />
      <dl className="facts">
        <div>
          <dt>{t('dossier.number')}</dt>
          <dd>{dossier.number}</dd>
        </div>
        <div>
          <dt>{t('dossier.status')}</dt>
          <dd>
            <StatusBadge status={dossier.status} />
          </dd>
        </div>
      </dl>
      {sharing && <SharePanel id={panelId} dossier={dossier} />}
    </div>
  );
}

function ShareIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <circle cx="18" cy="5" r="2.5" />
      <circle cx="6" cy="12" r="2.5" />
      <circle cx="18" cy="19" r="2.5" />
      <path d="m8.2 10.8 7.6-4.4M8.2 13.2l7.6 4.4" />
    </svg>
  );
}
