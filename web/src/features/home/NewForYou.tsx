import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { formatRelativeTime } from '../../i18n/i18n';
import * as portalApi from '../../lib/api/portalApi';
import type { HomeNewItem } from '../../lib/api/types';
import { ErrorMessage } from '../../components/Status';
import { HomeCount } from './HomeCount';
import { newItemPath, newItemText } from './homeItems';

/**
 * "Nieuw voor u" (NEW-1): what is new for the client across the dossiers, newest first, each a link to its exact place;
 * following one tells the server it was seen, and it leaves the list. "Alles gezien" empties the list.
 */
export function NewForYou({ list }: { list: { items: HomeNewItem[]; total: number } | undefined }) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [gone, setGone] = useState<ReadonlySet<string>>(() => new Set());
  const [allSeen, setAllSeen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');

  // The button is gone once everything is seen: the focus goes to the section's heading.
  useEffect(() => {
    if (allSeen) headingRef.current?.focus();
  }, [allSeen]);

  const items = allSeen ? [] : (list?.items ?? []).filter((item) => !gone.has(item.id));
  const count = list === undefined ? undefined : allSeen ? 0 : Math.max(items.length, list.total - gone.size);

  const follow = (item: HomeNewItem) => {
    // Fire and forget: the client is on its way to the item; if the call fails, the item simply comes back next time.
    portalApi.markHomeItemSeen(item.id).catch(() => undefined);
    setGone((ids) => new Set(ids).add(item.id));
  };

  const markAllSeen = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    setStatus('');
    try {
      await portalApi.markAllSeen();
      setAllSeen(true);
      setStatus(t('home.new.allSeen.done'));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card home-section" aria-labelledby={headingId}>
      <div className="home-section-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="home-section-title focus-target">
          {t('home.new.title')}
          {count !== undefined && <HomeCount count={count} label={t('home.new.count', { count })} />}
        </h2>
        {items.length > 0 && (
          <button type="button" className="button button-secondary button-small" aria-disabled={busy || undefined} onClick={markAllSeen}>
            {t('home.new.allSeen')}
          </button>
        )}
      </div>
      <p role="status" className={status ? 'notice notice-ok' : 'notice'}>
        {status}
      </p>
      {failure !== undefined && <ErrorMessage error={failure} />}
      {list === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p className="home-empty">{t('home.new.empty')}</p>
      ) : (
        <ul className="home-list">
          {items.map((item) => (
            <li key={item.id} className="home-item">
              <div className="home-item-main">
                <Link to={newItemPath(item)} className="home-item-link" onClick={() => follow(item)}>
                  {newItemText(item, t)}
                  <span className="visually-hidden">, {t('actions.dossier', { number: item.dossierNumber })}</span>
                </Link>
                <p className="home-item-meta">
                  <span>{t('actions.dossier', { number: item.dossierNumber })}</span>
                  <span aria-hidden="true"> · </span>
                  <time dateTime={item.at}>{formatRelativeTime(item.at, lang)}</time>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {count !== undefined && count > items.length && items.length > 0 && (
        <p className="muted home-more">{t('home.new.more', { shown: items.length, total: count })}</p>
      )}
    </section>
  );
}
