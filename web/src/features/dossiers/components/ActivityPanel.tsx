import { useEffect, useRef } from 'react';
import { useI18n, type I18n } from '../../../i18n/I18nContext';
import { formatNumber, type MessageKey } from '../../../i18n/i18n';
import { usePagedApi, type PageLoader } from '../../../lib/hooks';
import type { ActivityEntry } from '../../../lib/api/types';
import { DateTime } from '../../../components/DateTime';
import { ErrorMessage, Loading } from '../../../components/Status';

export const ACTIVITY_PAGE_SIZE = 20;

/** The kinds said as "{actor} heeft …"; the others have their own sentence below. */
const SIMPLE_KINDS = new Set([
  'DOSSIER_CREATED',
  'DETAILS_CHANGED',
  'PROGRESS_CHANGED',
  'DOCUMENT_PUBLISHED',
  'DOCUMENT_OPENED',
  'DOCUMENT_DELIVERED',
  'MESSAGE_SENT',
  'MESSAGE_READ',
  'QUESTIONNAIRE_SENT',
  'QUESTIONNAIRE_COMPLETED',
  // ADV-1: the actor is the adviser who used their access.
  'USED',
]);

/** ADV-1: a grant given or revoked names the person it is for ("Anna de Vries heeft Bram Adviseur toegang gegeven"). */
const GRANT_KINDS = new Set(['GRANTED', 'REVOKED']);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One entry as a sentence in the user's language, with who: "Anna de Vries heeft een document geopend", "Status
 * gewijzigd in Afgerond door Mr. J. de Notaris", "Partij toegevoegd: Bram Jansen (door het kantoor)". Without a name the
 * actor is "het kantoor" or "een cliënt".
 */
export function activitySentence(entry: ActivityEntry, { t, tp }: Pick<I18n, 't' | 'tp'>): string {
  const named = entry.actor?.name?.trim();
  const actor = named || t(entry.actor?.side === 'CLIENT' ? 'activity.actor.CLIENT' : 'activity.actor.OFFICE');
  let sentence: string;
  if (SIMPLE_KINDS.has(entry.kind)) {
    sentence = t(`activity.kind.${entry.kind}` as MessageKey, { actor });
  } else if (entry.kind === 'STATUS_CHANGED') {
    sentence = entry.status
      ? t('activity.kind.STATUS_CHANGED', { actor, status: statusLabel(entry.status, t) })
      : t('activity.kind.STATUS_CHANGED.plain', { actor });
  } else if (entry.kind === 'PARTIES_CHANGED') {
    const added = entry.partiesAdded ?? [];
    const removed = entry.partiesRemoved ?? [];
    const changes = [
      added.length > 0 ? tp('activity.parties.added', added.length, { names: added.join(', ') }) : '',
      removed.length > 0 ? tp('activity.parties.removed', removed.length, { names: removed.join(', ') }) : '',
    ].filter(Boolean);
    sentence =
      changes.length > 0 ? t('activity.parties.by', { changes: changes.join('; '), actor }) : t('activity.kind.PARTIES_CHANGED', { actor });
  } else if (GRANT_KINDS.has(entry.kind)) {
    sentence = entry.name?.trim()
      ? t(`activity.kind.${entry.kind}` as MessageKey, { name: entry.name.trim(), actor })
      : t(`activity.kind.${entry.kind}.plain` as MessageKey, { actor });
  } else if (entry.kind === 'REQUEST_FULFILLED') {
    sentence = entry.name?.trim()
      ? t('activity.kind.REQUEST_FULFILLED', { name: entry.name.trim(), actor })
      : t('activity.kind.REQUEST_FULFILLED.plain', { actor });
  } else {
    sentence = t('activity.kind.other', { actor });
  }
  // "het kantoor heeft …" at the start of a sentence: "Het kantoor heeft …" (a name stays as it is written).
  return !named && sentence.startsWith(actor) ? capitalise(sentence) : sentence;
}

function statusLabel(status: string, t: I18n['t']): string {
  const key = `status.${status}` as MessageKey;
  const label = t(key);
  return label === key ? status : label;
}

/**
 * "Activiteit" (TRL-1): who did what in the dossier and when, newest first, a page at a time ("Meer laden" appends the
 * next page and moves the focus to its first entry). The client's tab and the office's use the same panel with their
 * own call. Give it a React key per dossier.
 */
export function ActivityPanel({ loadPage }: { loadPage: PageLoader<ActivityEntry> }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const list = usePagedApi(loadPage);
  const listRef = useRef<HTMLOListElement>(null);
  const focusOnArrival = useRef<number | null>(null);

  useEffect(() => {
    const index = focusOnArrival.current;
    if (index === null || list.items.length <= index) return;
    focusOnArrival.current = null;
    listRef.current?.querySelectorAll<HTMLElement>('.activity-entry')[index]?.focus();
  }, [list.items.length]);

  if (list.totalItems === undefined) {
    return list.error !== undefined ? <ErrorMessage error={list.error} onRetry={list.loadMore} /> : <Loading />;
  }
  if (list.items.length === 0) return <p className="muted">{t('activity.empty')}</p>;

  const showMore = () => {
    if (list.loading) return;
    focusOnArrival.current = list.items.length;
    list.loadMore();
  };

  return (
    <>
      <ol ref={listRef} className="activity" aria-label={t('activity.listLabel')}>
        {list.items.map((entry) => (
          <li key={entry.id} className={`activity-entry activity-${entry.actor?.side === 'CLIENT' ? 'client' : 'office'}`} tabIndex={-1}>
            <span className="activity-text">{activitySentence(entry, i18n)}</span>
            <span className="activity-when">
              <DateTime value={entry.at} />
            </span>
          </li>
        ))}
      </ol>
      {list.error !== undefined && <ErrorMessage error={list.error} />}
      {list.multiplePages && (
        <div className="documents-more">
          <p className="muted" role="status">
            {t('activity.shown', {
              shown: formatNumber(list.items.length, lang),
              total: formatNumber(Math.max(list.items.length, list.totalItems), lang),
            })}
          </p>
          {(list.hasMore || list.error !== undefined) && (
            // aria-disabled rather than disabled while loading: a disabled button would drop the keyboard focus.
            <button type="button" className="button button-secondary" aria-disabled={list.loading || undefined} onClick={showMore}>
              {t('dossier.documents.more')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
