// ACT-2..5: filling in a questionnaire ("Invullen"), one page at a time ("Stap 2 van 6", "Vorige", "Volgende" saves the
// page), the check page ("Controleer uw antwoorden", "Voltooien") and the result ("Afdrukken", the PDF). Loaded lazily
// (React.lazy in app/App.tsx): its code stays out of the main bundle until a questionnaire is opened.
//
// This module loads the questionnaire; `useQuestionnaire` holds its state (the view from the URL, what was typed, saving,
// checking, completing) and `components/Questionnaire` shows the view: `QuestionPageView`, `CheckAnswersView` or
// `ResultView` inside `QuestionnaireShell`.
import { useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { ApiError } from '../../lib/api/client';
import { useApi } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';
import { ErrorMessage, Loading } from '../../components/Status';
import { BackLink } from './components/BackLink';
import { PageTitle } from './components/PageTitle';
import { Questionnaire } from './components/Questionnaire';

/** Route /acties/:assignmentId. */
export default function QuestionnairePage() {
  const { assignmentId = '' } = useParams();
  const { t } = useI18n();
  const loaded = useApi((signal) => portalApi.assignment(assignmentId, signal), assignmentId);
  const notFound = loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 403);

  if (notFound) {
    return (
      <>
        <PageTitle title={t('q.notFound')} />
        <BackLink />
        <div className="card empty-state">
          <h1>{t('q.notFound')}</h1>
          <p>{t('q.notFound.hint')}</p>
        </div>
      </>
    );
  }
  if (loaded.error !== undefined) {
    return (
      <>
        <PageTitle title={t('actions.title')} />
        <BackLink />
        <h1>{t('actions.title')}</h1>
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      </>
    );
  }
  if (!loaded.data) {
    return (
      <>
        <PageTitle title={t('actions.title')} />
        <Loading />
      </>
    );
  }
  return <Questionnaire key={loaded.data.id} initial={loaded.data} />;
}
