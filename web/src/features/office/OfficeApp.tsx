import { Navigate, Route, Routes } from 'react-router';
import type { Me } from '../../lib/api/types';
import { Layout, type NavItem } from '../../components/Layout';
import { NotFoundPage } from '../../app/NotFoundPage';
import { WorkQueuePage } from './work/WorkQueuePage';
import { OfficeDossiersPage } from './dossiers/OfficeDossiersPage';
import { NewDossierPage } from './dossiers/NewDossierPage';
import { OfficeDossierPage } from './dossiers/OfficeDossierPage';
import { OfficeClientsPage } from './clients/OfficeClientsPage';
import { OfficeClientPage } from './clients/OfficeClientPage';
import { OfficeQuestionnairesPage } from './questionnaires/OfficeQuestionnairesPage';
import { UploadQuestionnairePage } from './questionnaires/UploadQuestionnairePage';
import { QuestionnaireVersionPage } from './questionnaires/QuestionnaireVersionPage';
import { OFFICE_HOME, officePath } from './paths';

const OFFICE_NAV: readonly NavItem[] = [
  { to: OFFICE_HOME, label: 'office.nav.work', end: true },
  { to: officePath.dossiers(), label: 'office.nav.dossiers' },
  { to: officePath.clients(), label: 'office.nav.clients' },
  { to: officePath.questionnaires(), label: 'office.nav.questionnaires' },
];

/** The office workspace "Kantoor" (OFF-1): only for staff, who see no client pages. Its own chunk. */
export default function OfficeApp({ me }: { me: Me }) {
  return (
    <Layout me={me} nav={OFFICE_NAV} home={OFFICE_HOME}>
      <Routes>
        <Route path={OFFICE_HOME} element={<WorkQueuePage />} />
        <Route path={officePath.dossiers()} element={<OfficeDossiersPage />} />
        <Route path={officePath.newDossier()} element={<NewDossierPage />} />
        <Route path={`${officePath.dossiers()}/:id`} element={<OfficeDossierPage />} />
        <Route path={officePath.clients()} element={<OfficeClientsPage />} />
        <Route path={`${officePath.clients()}/:id`} element={<OfficeClientPage />} />
        <Route path={officePath.questionnaires()} element={<OfficeQuestionnairesPage />} />
        <Route path={officePath.uploadQuestionnaire()} element={<UploadQuestionnairePage />} />
        <Route path={`${officePath.questionnaires()}/:key/versies/:version`} element={<QuestionnaireVersionPage />} />
        <Route path="/" element={<Navigate to={OFFICE_HOME} replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
