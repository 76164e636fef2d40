import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import { useApi, usePageTitle } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { StaffDossier } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { StatusBadge } from '../../../components/StatusBadge';
import { Tabs } from '../../../components/Tabs';
import { officePath } from '../paths';
import { DossierDetailsForm } from './DossierDetailsForm';
import { PartiesSection } from './PartiesSection';
import { AccessGrantsPanel } from './AccessGrantsPanel';
import { ProgressEditor } from './ProgressEditor';
import { DocumentsTab } from './DocumentsTab';
import { MessagesTab } from './MessagesTab';
import { DeliveredTab } from './DeliveredTab';
import { QuestionnairesTab } from './QuestionnairesTab';
import { ActivityPanel, ACTIVITY_PAGE_SIZE } from '../../dossiers/components/ActivityPanel';

/** The tabs of one dossier in the workspace (the Werkvoorraad links to them with ?tab=). */
export const OFFICE_DOSSIER_TABS = ['gegevens', 'documenten', 'berichten', 'aangeleverd', 'vragenlijsten', 'activiteit'] as const;
export type OfficeDossierTab = (typeof OFFICE_DOSSIER_TABS)[number];

/** One dossier as the handler works on it: its details, parties and progress, and what goes on in it. */
export function OfficeDossierPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const loaded = useApi((signal) => portalApi.staffDossier(id, signal), id);
  // After a change the server's answer is the dossier: shown at once, without loading it again.
  const [changed, setChanged] = useState<StaffDossier | undefined>(undefined);
  const dossier = changed?.id === id ? changed : loaded.data;
  usePageTitle(dossier ? `${t('office.dossier.title')} ${dossier.number}` : t('office.dossier.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = (OFFICE_DOSSIER_TABS as readonly string[]).includes(searchParams.get('tab') ?? '')
    ? (searchParams.get('tab') as OfficeDossierTab)
    : 'gegevens';

  if (loaded.error !== undefined) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!dossier) return <Loading />;

  return (
    <>
      <p className="breadcrumb">
        <Link to={officePath.dossiers()}>
          <span aria-hidden="true">← </span>
          {t('office.dossier.back')}
        </Link>
      </p>
      <div className="page-heading">
        <h1>
          {t('office.dossier.title')} {dossier.number}
        </h1>
        <StatusBadge status={dossier.status} />
      </div>
      <p className="lead">{dossier.description}</p>
      <Tabs
        tabs={OFFICE_DOSSIER_TABS.map((tabId) => ({ id: tabId, label: t(`office.dossier.tab.${tabId}` as MessageKey) }))}
        selected={tab}
        onSelect={(next) => setSearchParams(next === 'gegevens' ? {} : { tab: next }, { replace: true })}
        label={t('office.dossier.tabs.label')}
        idPrefix="office-dossier"
      >
        {tab === 'gegevens' && (
          <div className="stack">
            <DossierDetailsForm dossier={dossier} onSaved={setChanged} />
            <PartiesSection dossier={dossier} onSaved={setChanged} />
            <AccessGrantsPanel dossier={dossier} onSaved={setChanged} />
            <ProgressEditor dossier={dossier} onSaved={setChanged} />
          </div>
        )}
        {tab === 'documenten' && <DocumentsTab dossier={dossier} />}
        {tab === 'berichten' && <MessagesTab dossier={dossier} />}
        {tab === 'aangeleverd' && <DeliveredTab dossier={dossier} />}
        {tab === 'vragenlijsten' && <QuestionnairesTab dossier={dossier} />}
        {tab === 'activiteit' && (
          <section className="card" aria-labelledby="office-activity-heading">
            <h2 id="office-activity-heading">{t('office.activity.heading')}</h2>
            <ActivityPanel
              key={dossier.id}
              loadPage={(page, signal) => portalApi.staffDossierActivity(dossier.id, page, ACTIVITY_PAGE_SIZE, signal)}
            />
          </section>
        )}
      </Tabs>
    </>
  );
}
