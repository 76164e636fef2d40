import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nContext';
import { usePageTitle } from '../lib/hooks';

/** A client on a page of the office workspace: it is not theirs, and nothing of it is loaded. */
export function NoAccessPage() {
  const { t } = useI18n();
  usePageTitle(t('office.noAccess.title'));
  return (
    <div className="card empty-state">
      <h1>{t('office.noAccess.title')}</h1>
      <p>{t('office.noAccess.text')}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
