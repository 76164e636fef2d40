import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { ApiError } from '../../lib/api/client';
import { useApi, usePageTitle } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';
import type { Dossier } from '../../lib/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/StatusBadge';
import { DossierTabs } from './components/DossierTabs';
import { ProgressPanel } from './components/ProgressPanel';

/**
 * DOS-3..5, DOC-1..4. `?voortgang=open` opens the progress (`&stap=<stepId>` focuses that step): Home's links to a
 * step that was done.
 */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  // A document delivered from the progress: the tabs count it (and the message) again.
  const [deliveries, setDeliveries] = useState(0);
  const dossier = useApi((signal) => portalApi.dossier(id, signal), id);
  const notFound = dossier.error instanceof ApiError && dossier.error.status === 404;

  usePageTitle(
    notFound ? t('dossier.notFound') : dossier.data ? t('dossier.title', { number: dossier.data.number }) : t('dossiers.title'),
  );

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
  return (
    <>
      <BackLink />
      <DossierHead dossier={d} />
      <ProgressPanel
        key={d.id}
        progress={d.progress}
        dossier={d}
        initiallyOpen={searchParams.get('voortgang') === 'open'}
        focusStepId={searchParams.get('stap')}
        onDelivered={() => setDeliveries((n) => n + 1)}
      />
      <DossierTabs key={deliveries} dossierId={d.id} />
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

/** The description as the page heading, with the dossier number and status. */
function DossierHead({ dossier }: { dossier: Dossier }) {
  const { t } = useI18n();
  return (
    <div className="dossier-head">
      <h1>{dossier.description}</h1>
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
    </div>
  );
}
