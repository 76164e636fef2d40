import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { formatDate } from '../../../i18n/i18n';
import type { Grant } from '../../../lib/api/types';
import { shorterDays } from '../grantDates';
import { GrantItem } from './GrantItem';
import { RevokeGrantDialog } from './RevokeGrantDialog';
import { ShortenGrantDialog } from './ShortenGrantDialog';

type Open = { kind: 'shorten' | 'revoke'; grant: Grant } | null;

/**
 * Grants with "Inkorten" and "Intrekken" (each in a dialog), the client's and the office's alike: `shorten` is left out
 * where the grant can only be revoked. What changed is said in the list's status line; `onChanged` gets the grant as it
 * is now. After a revocation the focus goes to the list (the row's buttons are gone).
 */
export function GrantList({
  grants,
  labelledBy,
  emptyText,
  revoke,
  shorten,
  onChanged,
  showDossier = false,
  showGrantedBy = false,
}: {
  grants: Grant[];
  /** The id of the heading that names the list. */
  labelledBy: string;
  emptyText: string;
  revoke: (grant: Grant) => Promise<void>;
  shorten?: (grant: Grant, until: string) => Promise<Grant>;
  onChanged: (grant: Grant) => void;
  /** Which dossier each grant is for (a list over several dossiers). */
  showDossier?: boolean;
  /** Who granted it and when (the office's view). */
  showGrantedBy?: boolean;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const focusList = useRef(false);

  useEffect(() => {
    if (!focusList.current) return;
    focusList.current = false;
    list.current?.focus();
  });

  const onRevoked = (grant: Grant) => {
    setOpen(null);
    onChanged({ ...grant, state: 'REVOKED', revokedAt: new Date().toISOString() });
    setNotice(t('grants.revoked', { name: grant.name }));
    focusList.current = true;
  };

  const onShortened = (grant: Grant) => {
    setOpen(null);
    onChanged(grant);
    setNotice(t('grants.shortened', { name: grant.name, date: formatDate(grant.until, lang) }));
    // "Inkorten" stays (the dialog gives the focus back to it) unless no earlier day is left now.
    if (shorterDays(grant.until) === null) focusList.current = true;
  };

  return (
    <>
      <p role="status" className="notice notice-ok">
        {notice}
      </p>
      {grants.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul ref={list} className="grant-list focus-target" aria-labelledby={labelledBy} tabIndex={-1}>
          {grants.map((grant) => (
            <GrantItem
              key={grant.id}
              grant={grant}
              showDossier={showDossier}
              showGrantedBy={showGrantedBy}
              onShorten={
                shorten
                  ? (g) => {
                      setNotice('');
                      setOpen({ kind: 'shorten', grant: g });
                    }
                  : undefined
              }
              onRevoke={(g) => {
                setNotice('');
                setOpen({ kind: 'revoke', grant: g });
              }}
            />
          ))}
        </ul>
      )}
      {open?.kind === 'revoke' && <RevokeGrantDialog grant={open.grant} revoke={revoke} onCancel={() => setOpen(null)} onRevoked={onRevoked} />}
      {open?.kind === 'shorten' && shorten && (
        <ShortenGrantDialog grant={open.grant} shorten={shorten} onCancel={() => setOpen(null)} onShortened={onShortened} />
      )}
    </>
  );
}
