import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18nContext';
import type { MessageKey } from '../../../i18n/i18n';
import { usePageTitle, usePagedApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { WorkItem } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { ErrorMessage, Loading } from '../../../components/Status';
import { officePath } from '../paths';

const PAGE = 20;

/** Where an item of the queue is dealt with. */
export function workItemPlace(item: WorkItem): string {
  switch (item.kind) {
    case 'MESSAGE':
      return officePath.dossier(item.dossierId ?? '', 'berichten');
    case 'DELIVERY':
      return officePath.dossier(item.dossierId ?? '', 'aangeleverd');
    case 'QUESTIONNAIRE_COMPLETED':
    case 'QUESTIONNAIRE_OVERDUE':
      return officePath.dossier(item.dossierId ?? '', 'vragenlijsten');
    case 'INVITATION_PENDING':
      return officePath.client(item.accountId);
  }
}

/** "Werkvoorraad": what needs the office now, newest first; "Afgehandeld" takes an item off for every handler. */
export function WorkQueuePage() {
  const { t, tp } = useI18n();
  usePageTitle(t('office.work.title'));
  const [round, setRound] = useState(0);
  const list = usePagedApi((page, signal) => portalApi.workQueue(page, PAGE, signal), String(round));
  const [handled, setHandled] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<unknown>(undefined);
  const [announce, setAnnounce] = useState('');
  const open = list.items.filter((item) => !handled.has(item.id));

  const markHandled = async (item: WorkItem) => {
    setFailure(undefined);
    try {
      await portalApi.markWorkHandled(item.id);
      setHandled((all) => new Set(all).add(item.id));
      setAnnounce(t('office.work.handled.done'));
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <>
      <div className="page-heading">
        <h1>{t('office.work.title')}</h1>
        <button type="button" className="button button-secondary" onClick={() => setRound((n) => n + 1)}>
          {t('office.work.refresh')}
        </button>
      </div>
      <p className="result-count" aria-live="polite">
        {list.totalItems !== undefined ? tp('office.work.count', Math.max(0, list.totalItems - handled.size)) : ''}
      </p>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {failure !== undefined && <ErrorMessage error={failure} />}
      {list.error !== undefined && <ErrorMessage error={list.error} onRetry={list.loadMore} />}
      {list.totalItems === undefined && list.error === undefined ? (
        <Loading />
      ) : open.length === 0 && !list.hasMore ? (
        <div className="card empty-state">
          <h2>{t('office.work.empty')}</h2>
          <p>{t('office.work.empty.hint')}</p>
        </div>
      ) : (
        <ul className="work-list">
          {open.map((item) => (
            <li key={item.id} className="card work-item">
              <div className="work-what">
                <span className={`work-kind work-kind-${item.kind.toLowerCase()}`}>{t(`office.work.kind.${item.kind}` as MessageKey)}</span>
                <span className="work-who">
                  {item.accountName ?? t('office.work.someone')}
                  {item.dossierNumber && <> · {t('office.dossier.title')} {item.dossierNumber}</>}
                </span>
                <span className="work-when">
                  {item.kind === 'QUESTIONNAIRE_OVERDUE' && item.dueDate ? (
                    <>
                      {t('office.work.due')} <DateTime value={item.dueDate} dateOnly />
                    </>
                  ) : (
                    <DateTime value={item.occurredAt} />
                  )}
                </span>
              </div>
              <div className="work-actions">
                <Link to={workItemPlace(item)} className="button button-primary button-small">
                  {t('office.work.open')}
                  <span className="visually-hidden"> {t(`office.work.kind.${item.kind}` as MessageKey)}, {item.accountName ?? ''}</span>
                </Link>
                <button type="button" className="button button-secondary button-small" onClick={() => markHandled(item)}>
                  {t('office.work.handled')}
                  <span className="visually-hidden"> {t(`office.work.kind.${item.kind}` as MessageKey)}, {item.accountName ?? ''}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.hasMore && (
        <button type="button" className="button button-secondary" disabled={list.loading} onClick={list.loadMore}>
          {t('office.work.more')}
        </button>
      )}
    </>
  );
}
