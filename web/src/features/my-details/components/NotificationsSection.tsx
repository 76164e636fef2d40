import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { Me, NotificationChoices } from '../../../lib/api/types';
import { isAdviser } from '../../../lib/access';
import { ErrorMessage, Loading } from '../../../components/Status';
import { Section } from './Section';

const KINDS = ['documents', 'questionnaires', 'messages'] as const;
type Kind = (typeof KINDS)[number];
/** ADV-1: an adviser gets no questionnaires and no messages from the handler, only new documents in shared dossiers. */
const ADVISER_KINDS: readonly Kind[] = ['documents'];

/**
 * "Notificaties" (ME-3): three switches — new documents, a questionnaire waiting, a message from the handler — each
 * saved the moment it is switched. The e-mails of the account itself (invitation, password) are always sent.
 * E-mails' "switch off" link opens this section (#notificaties).
 */
export function NotificationsSection({ me }: { me: Me }) {
  const { t } = useI18n();
  const adviser = isAdviser(me);
  const kinds = adviser ? ADVISER_KINDS : KINDS;
  const loaded = useApi(portalApi.notificationChoices);
  const [choices, setChoices] = useState<NotificationChoices | undefined>();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  useEffect(() => {
    if (loaded.data) setChoices(loaded.data);
  }, [loaded.data]);

  useEffect(() => {
    if (!loaded.data || window.location.hash !== '#notificaties') return;
    document.getElementById('notificaties')?.scrollIntoView();
  }, [loaded.data]);

  const toggle = async (kind: Kind, on: boolean) => {
    if (!choices) return;
    const before = choices;
    const next = { ...choices, [kind]: on };
    setChoices(next);
    setStatus('saving');
    try {
      setChoices(await portalApi.saveNotificationChoices(next));
      setStatus('saved');
    } catch {
      setChoices(before);
      setStatus('failed');
    }
  };

  return (
    <Section title={t('notifications.title')} anchor="notificaties">
      <p>{t(adviser ? 'notifications.intro.adviser' : 'notifications.intro')}</p>
      {loaded.loading && !choices && <Loading />}
      {loaded.error !== undefined && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {choices && (
        <fieldset className="switches">
          <legend className="visually-hidden">{t('notifications.legend')}</legend>
          {kinds.map((kind) => (
            <label key={kind} className="switch">
              <input
                type="checkbox"
                role="switch"
                checked={choices[kind]}
                onChange={(e) => void toggle(kind, e.target.checked)}
              />
              <span>{t(`notifications.${kind}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <p role="status" className={status === 'failed' ? 'form-status form-status-error' : 'form-status'}>
        {status === 'saved' ? t('notifications.saved') : status === 'failed' ? t('notifications.failed') : ''}
      </p>
      <p className="hint">{t('notifications.always')}</p>
    </Section>
  );
}
