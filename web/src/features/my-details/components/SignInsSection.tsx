import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import { dayInAmsterdam, formatRelativeTime, formatShortDate, locale, type Lang } from '../../../i18n/i18n';
import * as portalApi from '../../../lib/api/portalApi';
import { useApi } from '../../../lib/hooks';
import type { SignIn } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { Section } from './Section';

/** Where Keycloak's "change password" page sends the browser back: this page, with this section's outcome. */
export const PASSWORD_RETURN = '/mijn-gegevens?onderdeel=wachtwoord';
const OUTCOMES = ['success', 'cancelled', 'error'] as const;
type Outcome = (typeof OUTCOMES)[number];

/** The day before a YYYY-MM-DD, by the calendar (a day with a clock change is not 24 hours). */
function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** "vandaag 14:02", "gisteren 09:15", else "3 december om 18:40" (with the year when not this year); office time. */
function when(at: string, lang: Lang, t: ReturnType<typeof useI18n>['t'], now = new Date()): string {
  const moment = new Date(at);
  if (Number.isNaN(moment.getTime())) return '';
  const day = dayInAmsterdam(moment);
  const today = dayInAmsterdam(now);
  if (day === today) return formatRelativeTime(at, lang, now);
  const time = new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Amsterdam' }).format(
    moment,
  );
  if (day === previousDay(today)) return t('signIns.yesterday', { time });
  return t('signIns.dateTime', { date: formatShortDate(at, lang, now), time });
}

function outcome(signIn: SignIn, t: ReturnType<typeof useI18n>['t']): string {
  if (signIn.outcome === 'SUCCESS') return t('signIns.success');
  if (signIn.reason === 'WRONG_PASSWORD' || signIn.reason === 'WRONG_CODE') return t(`signIns.failed.${signIn.reason}`);
  return t('signIns.failed');
}

function device(signIn: SignIn, t: ReturnType<typeof useI18n>['t']): string {
  if (signIn.browser && signIn.system) return t('signIns.device', { browser: signIn.browser, system: signIn.system });
  return signIn.browser ?? signIn.system ?? t('signIns.unknown');
}

/**
 * "Recente aanmeldingen" (TRL-1): the account's last 20 sign-ins and failed attempts — when, whether it worked (and why
 * not), the browser and system, and the network (never the full address) — as Keycloak stored them, with "Was u dit
 * niet? Wijzig uw wachtwoord": Keycloak's change-password page through the gateway's sign-in, as 2-step verification
 * is set up, coming back here with the outcome. A table that becomes a card per sign-in on a phone.
 */
export function SignInsSection() {
  const { t, lang } = useI18n();
  const id = useId();
  const [params] = useSearchParams();
  const list = useApi(portalApi.signIns);
  const back = params.get('onderdeel') === 'wachtwoord';
  const passwordOutcome = back ? (OUTCOMES.find((o) => o === params.get('actie')) as Outcome | undefined) : undefined;
  const items = list.data?.items;

  useEffect(() => {
    if (back && items) document.getElementById('aanmeldingen')?.scrollIntoView();
  }, [back, items]);

  return (
    <Section title={t('signIns.title')} anchor="aanmeldingen">
      <p>{t('signIns.intro')}</p>
      <p role="status" className={passwordOutcome === 'error' ? 'form-status form-status-error' : 'form-status'}>
        {passwordOutcome ? t(`signIns.password.${passwordOutcome}`) : ''}
      </p>
      {list.loading && !items && <Loading />}
      {list.error !== undefined && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {items &&
        (items.length === 0 ? (
          <p>{t('signIns.empty')}</p>
        ) : (
          // Explicit roles keep the table semantics when CSS turns rows into cards on narrow screens.
          <table className="dossier-table accounts-table" role="table" aria-labelledby={`${id}-caption`}>
            <caption id={`${id}-caption`} className="visually-hidden">
              {t('signIns.title')}
            </caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t('signIns.col.when')}
                </th>
                <th scope="col" role="columnheader">
                  {t('signIns.col.outcome')}
                </th>
                <th scope="col" role="columnheader">
                  {t('signIns.col.device')}
                </th>
                <th scope="col" role="columnheader">
                  {t('signIns.col.network')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((signIn, index) => (
                <tr key={`${signIn.at}-${index}`} role="row">
                  <th scope="row" role="rowheader">
                    <time dateTime={signIn.at}>{when(signIn.at, lang, t)}</time>
                  </th>
                  <td role="cell" data-label={t('signIns.col.outcome')}>
                    {signIn.outcome === 'FAILED' ? <strong>{outcome(signIn, t)}</strong> : outcome(signIn, t)}
                  </td>
                  <td role="cell" data-label={t('signIns.col.device')}>
                    {device(signIn, t)}
                  </td>
                  <td role="cell" data-label={t('signIns.col.network')}>
                    {signIn.network ?? t('signIns.unknown')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <p>
        {t('signIns.notYou')} <a href={portalApi.accountActionUrl('UPDATE_PASSWORD', PASSWORD_RETURN)}>{t('signIns.changePassword')}</a>
      </p>
    </Section>
  );
}
