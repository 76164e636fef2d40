import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { useQuestionnaireMode } from '../mode';

/** "Terug naar Acties", above every view of a questionnaire. */
export function BackLink() {
  const { t } = useI18n();
  const { actionsHref } = useQuestionnaireMode();
  return (
    <p className="back no-print">
      <Link to={actionsHref}>
        <span aria-hidden="true">←</span>
        {t('q.back')}
      </Link>
    </p>
  );
}
