import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';

/** "Terug naar Acties", above every view of a questionnaire. */
export function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back no-print">
      <Link to="/acties">
        <span aria-hidden="true">←</span>
        {t('q.back')}
      </Link>
    </p>
  );
}
