import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nContext';
import { usePageTitle } from '../lib/hooks';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <div className="card empty-state">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
