import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nContext';
import { usePageTitle } from '../lib/hooks';

/**
 * A dossier the account was using answers 404 now (ADV-1: a grant revoked or expired): a plain page that says so and
 * leads Home, not an error.
 */
export function NoLongerAccessPage() {
  const { t } = useI18n();
  usePageTitle(t('dossier.accessEnded.title'));
  return (
    <div className="card empty-state">
      <h1>{t('dossier.accessEnded.title')}</h1>
      <p>{t('dossier.accessEnded.text')}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
