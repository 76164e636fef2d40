import { PublicLayout } from '../../components/Layout';
import { useI18n } from '../../i18n/I18nContext';
import { usePageTitle } from '../../lib/hooks';
import { SIGN_IN_URL } from '../../lib/api/portalApi';

export function WelcomePage() {
  const { t } = useI18n();
  usePageTitle(t('welcome.signIn'));
  return (
    <PublicLayout>
      <section className="card welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">{t('welcome.title')}</h1>
        <p className="lead">{t('welcome.intro')}</p>
        <p>
          <a className="button button-primary button-large" href={SIGN_IN_URL}>
            {t('welcome.signIn')}
          </a>
        </p>
        <p className="muted">{t('welcome.help')}</p>
      </section>
    </PublicLayout>
  );
}
