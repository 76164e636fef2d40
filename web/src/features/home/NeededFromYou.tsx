import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { HomeNeededItem } from '../../lib/api/types';
import { DueDate } from '../../components/DueDate';
import { DeliverForRequestDialog, type DeliveryTarget } from '../messages/components/DeliverForRequestDialog';
import { HomeCount } from './HomeCount';
import { neededItemText, neededStepId } from './homeItems';

/**
 * "Wat wij van u nodig hebben" (NEW-1, NEW-2): the documents the office asked for and the questionnaires to fill in,
 * soonest due first. "Aanleveren" opens the message form with the attachment pop-up for that request; once sent, the
 * item leaves the list and a confirmation is announced. "Invullen" opens the questionnaire.
 */
export function NeededFromYou({ list }: { list: { items: HomeNeededItem[]; total: number } | undefined }) {
  const { t } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [gone, setGone] = useState<ReadonlySet<string>>(() => new Set());
  const [delivering, setDelivering] = useState<(DeliveryTarget & { itemId: string }) | null>(null);
  const [status, setStatus] = useState('');
  const [delivered, setDelivered] = useState(0);

  // The delivered item (and its button) is gone: the focus goes to the section's heading.
  useEffect(() => {
    if (delivered > 0) headingRef.current?.focus();
  }, [delivered]);

  const items = (list?.items ?? []).filter((item) => !gone.has(item.id));
  const count = list === undefined ? undefined : Math.max(items.length, list.total - gone.size);

  return (
    <section className="card home-section" aria-labelledby={headingId}>
      <div className="home-section-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="home-section-title focus-target">
          {t('home.needed.title')}
          {count !== undefined && <HomeCount count={count} label={t('home.needed.count', { count })} />}
        </h2>
      </div>
      <p role="status" className={status ? 'notice notice-ok' : 'notice'}>
        {status}
      </p>
      {list === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="home-empty">{t('home.needed.empty')}</p>
      ) : (
        <ul className="home-list">
          {items.map((item) => (
            <NeededItem
              key={item.id}
              item={item}
              onDeliver={(target) => {
                setStatus('');
                setDelivering({ ...target, itemId: item.id });
              }}
            />
          ))}
        </ul>
      )}
      {count !== undefined && count > items.length && items.length > 0 && (
        <p className="muted home-more">{t('home.needed.more', { shown: items.length, total: count })}</p>
      )}
      {delivering && (
        <DeliverForRequestDialog
          target={delivering}
          onClose={() => setDelivering(null)}
          onSent={() => {
            setGone((ids) => new Set(ids).add(delivering.itemId));
            setDelivering(null);
            setStatus(t('request.delivered', { name: delivering.name }));
            setDelivered((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}

function NeededItem({ item, onDeliver }: { item: HomeNeededItem; onDeliver: (target: DeliveryTarget) => void }) {
  const { t } = useI18n();
  const name = neededItemText(item, t);
  const dossier = t('actions.dossier', { number: item.dossierNumber });
  const stepId = neededStepId(item);
  // The space before it outside the hidden text: some accessible-name computations trim inside it.
  const which = (
    <>
      {' '}
      <span className="visually-hidden">
        {name}, {dossier}
      </span>
    </>
  );

  let action;
  if (item.kind === 'QUESTIONNAIRE' && item.assignmentId) {
    action = (
      <Link className="button button-primary home-item-action" to={`/acties/${encodeURIComponent(item.assignmentId)}`}>
        {t('request.fillIn')}
        {which}
      </Link>
    );
  } else if (item.kind === 'DOCUMENT_REQUEST' && stepId) {
    action = (
      <button
        type="button"
        className="button button-primary home-item-action"
        aria-haspopup="dialog"
        onClick={() => onDeliver({ dossierId: item.dossierId, dossierNumber: item.dossierNumber, stepId, name })}
      >
        {t('request.deliver')}
        {which}
      </button>
    );
  } else {
    // Not enough to act on here: the dossier's progress says what is asked.
    action = (
      <Link className="button button-secondary home-item-action" to={`/dossiers/${encodeURIComponent(item.dossierId)}?voortgang=open`}>
        {t('dossiers.open')}
        {which}
      </Link>
    );
  }

  return (
    <li className="home-item home-item-needed">
      <div className="home-item-main">
        <h3 className="home-item-title">{name}</h3>
        <p className="home-item-meta">
          <span>{dossier}</span>
          {item.dueDate && (
            <>
              <span aria-hidden="true"> · </span>
              <DueDate date={item.dueDate} />
            </>
          )}
        </p>
        {item.kind === 'DOCUMENT_REQUEST' && item.stepTitle && item.stepTitle !== name && (
          <p className="home-item-step">{t('home.needed.step', { step: item.stepTitle })}</p>
        )}
      </div>
      {action}
    </li>
  );
}
