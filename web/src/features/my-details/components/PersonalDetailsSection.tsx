import { useI18n } from '../../../i18n/I18nContext';
import type { Me } from '../../../lib/api/types';
import { Section } from './Section';

/** "Persoonlijke gegevens": name, e-mail address (changed by the office, not here) and phone number. */
export function PersonalDetailsSection({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <Section title={t('me.personal')} anchor="gegevens">
      <dl className="details">
        <div>
          <dt>{t('me.name')}</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>{t('me.email')}</dt>
          <dd>
            {me.email}
            <span className="dd-hint">{t('me.email.hint')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('me.phone')}</dt>
          <dd>{me.phone ? me.phone : <span className="dd-unknown">{t('me.unknown')}</span>}</dd>
        </div>
        {me.companyName && (
          <div>
            <dt>{t('me.company')}</dt>
            <dd>{me.companyName}</dd>
          </div>
        )}
      </dl>
    </Section>
  );
}
