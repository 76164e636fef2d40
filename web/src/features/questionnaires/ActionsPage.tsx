import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { formatDate } from '../../i18n/i18n';
import { useApi, usePageTitle } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';
import { isOverdue } from './lib/dates';
import type { ActionItem } from '../../lib/api/types';
import { ErrorMessage, Loading } from '../../components/Status';

export { isOverdue };

function ActionCard({ item }: { item: ActionItem }) {
  const { t, lang } = useI18n();
  const overdue = isOverdue(item.dueDate);
  const headingId = `action-${item.assignmentId}`;
  return (
    <li className="card action">
      <div className="action-main">
        <h2 id={headingId} className="action-title">
          {item.title}
        </h2>
        <p className="action-meta">
          <span>{t('actions.dossier', { number: item.dossierNumber })}</span>
          {item.dueDate && (
            <span className={overdue ? 'action-due action-overdue' : 'action-due'}>
              {overdue && (
                <span className="action-overdue-icon" aria-hidden="true">
                  !
                </span>
              )}
              {t(overdue ? 'actions.overdue' : 'actions.due', { date: formatDate(item.dueDate, lang) })}
            </span>
          )}
          {item.assignedAt && <span className="action-received">{t('actions.received', { date: formatDate(item.assignedAt, lang) })}</span>}
        </p>
        {item.currentPageId && <p className="action-started">{t('actions.started')}</p>}
      </div>
      <Link className="button button-primary action-button" to={`/acties/${encodeURIComponent(item.assignmentId)}`}>
        {t('actions.fillIn')} <span className="visually-hidden">{t('actions.fillInLabel', { title: item.title })}</span>
      </Link>
    </li>
  );
}

/** ACT-1: the open questionnaires, each with "Invullen" (ACT-2); 0 means nothing (more) to fill in. */
export function ActionsPage() {
  const { t, tp } = useI18n();
  usePageTitle(t('actions.title'));
  const actions = useApi(portalApi.actions);
  const items = actions.data?.items;

  return (
    <>
      <h1>{t('actions.title')}</h1>
      {actions.error !== undefined ? (
        <ErrorMessage error={actions.error} onRetry={actions.reload} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <div className="card">
          <p className="lead">{t('actions.none')}</p>
          <p className="muted">{t('actions.explanation')}</p>
        </div>
      ) : (
        <>
          <p className="lead">{tp('actions.open', items.length)}</p>
          <ul className="actions" aria-label={t('actions.listLabel')}>
            {items.map((item) => (
              <ActionCard key={item.assignmentId} item={item} />
            ))}
          </ul>
          <p className="muted">{t('actions.explanation')}</p>
        </>
      )}
    </>
  );
}
