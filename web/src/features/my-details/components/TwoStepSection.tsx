import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import { useApi } from '../../../lib/hooks';
import type { SecondFactor } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { Section } from './Section';

const OUTCOMES = ['success', 'cancelled', 'error'] as const;
type Outcome = (typeof OUTCOMES)[number];

/** A link to one of Keycloak's account pages, styled as a button; the browser comes back here afterwards. */
function ActionLink({ action, primary = false, label }: { action: string; primary?: boolean; label: string }) {
  return (
    <a className={primary ? 'button button-primary' : 'button button-secondary'} href={portalApi.accountActionUrl(action)}>
      {label}
    </a>
  );
}

function FactorList({ factors, name }: { factors: SecondFactor[]; name: string }) {
  const { t, lang } = useI18n();
  return (
    <ul className="factor-list">
      {factors.map((factor) => (
        <li key={factor.id}>
          <span>
            {factor.label || name}
            {factor.since && <span className="dd-hint">{t('twoStep.since', { date: formatDate(factor.since, lang) })}</span>}
          </span>
          <a className="button button-small button-danger-outline" href={portalApi.accountActionUrl(`delete_credential:${factor.id}`)}>
            {t('twoStep.remove')} <span className="visually-hidden">{factor.label || name}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * "2-staps verificatie" (ME-2): whether sign-ins ask for an SMS code, and links to Keycloak's pages that set it up
 * (a code to the number, then the recovery code shown once), change the number, switch it off after a fresh code, or
 * add an authenticator app or a passkey instead. Coming back, Keycloak's outcome is said in words.
 */
export function TwoStepSection() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const status = useApi(portalApi.twoFactor);
  // Back from another section's page of Keycloak (?onderdeel=…, e.g. the password): that section says the outcome.
  const outcome = params.has('onderdeel') ? undefined : (OUTCOMES.find((o) => o === params.get('actie')) as Outcome | undefined);
  const data = status.data;
  const anyFactor = !!data && (!!data.sms || data.authenticatorApps.length > 0 || data.passkeys.length > 0);

  return (
    <Section title={t('twoStep.title')} className="two-step" anchor="verificatie">
      <p>{t('twoStep.intro')}</p>
      <p role="status" className={outcome === 'error' ? 'form-status form-status-error' : 'form-status'}>
        {outcome ? t(`twoStep.outcome.${outcome}`) : ''}
      </p>
      {status.loading && !data && <Loading />}
      {status.error !== undefined && <ErrorMessage error={status.error} onRetry={status.reload} />}
      {data && (
        <>
          <h3>{t('twoStep.sms')}</h3>
          {data.sms ? (
            <>
              <p>
                <strong>{t('twoStep.on')}</strong> {t('twoStep.sms.to', { number: data.sms.phoneNumber })}
              </p>
              <p className="button-row">
                <ActionLink action="portal-sms-setup" label={t('twoStep.sms.change')} />
                <ActionLink action="portal-sms-disable" label={t('twoStep.sms.off')} />
              </p>
            </>
          ) : (
            <>
              <p>
                <strong>{t('twoStep.off')}</strong> {t('twoStep.sms.how')}
              </p>
              <p className="button-row">
                <ActionLink action="portal-sms-setup" primary label={t('twoStep.sms.setUp')} />
              </p>
            </>
          )}

          {anyFactor && (
            <>
              <h3>{t('twoStep.recovery')}</h3>
              <p>{data.recoveryCode ? t('twoStep.recovery.set') : t('twoStep.recovery.missing')}</p>
              <p className="button-row">
                <ActionLink action="portal-recovery-code" primary={!data.recoveryCode} label={t('twoStep.recovery.new')} />
              </p>
            </>
          )}

          <h3>{t('twoStep.alternatives')}</h3>
          <p>{t('twoStep.alternatives.intro')}</p>
          <h4>{t('twoStep.app')}</h4>
          {data.authenticatorApps.length > 0 && <FactorList factors={data.authenticatorApps} name={t('twoStep.app')} />}
          <p className="button-row">
            <ActionLink action="CONFIGURE_TOTP" label={t('twoStep.app.add')} />
          </p>
          <h4>{t('twoStep.passkey')}</h4>
          {data.passkeys.length > 0 && <FactorList factors={data.passkeys} name={t('twoStep.passkey')} />}
          <p className="button-row">
            <ActionLink action="webauthn-register" label={t('twoStep.passkey.add')} />
          </p>
        </>
      )}
    </Section>
  );
}
