import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { usePageTitle } from '../lib/hooks';

/** A page that only says something in words (a title and a sentence) and leads Home: never an error screen. */
export function PlainPage({ title, text }: { title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  usePageTitle(t(title));
  return (
    <div className="card empty-state">
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      <p>
        <Link to="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
