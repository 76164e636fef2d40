import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/I18nContext';
import { ApiError } from '../../../lib/api/client';
import { useApi } from '../../../lib/hooks';
import * as portalApi from '../../../lib/api/portalApi';
import type { AccountView, Me } from '../../../lib/api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { AddAccountForm } from './AddAccountForm';
import { AccountDetailsDialog, AccountStateBadge, DeleteAccountDialog } from './AccountDialogs';
import { AddPersonIcon, DeleteIcon, EyeIcon } from './icons';
import { Section } from './Section';

type Open = { kind: 'view' | 'delete'; account: AccountView } | null;
type FocusTarget = 'add' | 'heading' | null;

/**
 * "Accounts" | "Extra accounts" (ME-4): the company's extra accounts (a table; stacked cards on a phone), each with
 * "Bekijken" and "Verwijderen", and "Extra account toevoegen". A deleted account loses access at once.
 */
export function ExtraAccountsSection(_props: { me: Me }) {
  const { t } = useI18n();
  const id = useId();
  const list = useApi(portalApi.extraAccounts);
  const [items, setItems] = useState<AccountView[] | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<FocusTarget>(null);

  useEffect(() => {
    if (list.data) setItems(list.data);
  }, [list.data]);

  // Focus moves after the change is on screen: back to "Extra account toevoegen", or to the list after a deletion.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    (target === 'add' ? addButton : heading).current?.focus();
  });

  // Not a main account after all: the section is not for this account.
  if (list.error instanceof ApiError && list.error.status === 403) return null;

  const remove = (account: AccountView) => setItems((current) => current?.filter((a) => a.id !== account.id));

  /** "Bekijken" found the account gone meanwhile: off the list, and focus to the list (its row is gone). */
  const onGone = (account: AccountView) => {
    remove(account);
    focusNext.current = 'heading';
  };

  const onAdded = (account: AccountView) => {
    setItems((current) => [...(current ?? []).filter((a) => a.id !== account.id), account]);
    setAdding(false);
    setNotice(t('accounts.added', { name: account.name }));
    focusNext.current = 'add';
  };

  const onDeleted = (account: AccountView) => {
    remove(account);
    setOpen(null);
    setNotice(t('accounts.deleted', { name: account.name }));
    focusNext.current = 'heading';
  };

  return (
    <Section title={t('accounts.title')} className="accounts" anchor="accounts">
      <h3 id={`${id}-extra`} ref={heading} tabIndex={-1} className="focus-target">
        {t('accounts.extra')}
      </h3>
      <p className="muted">{t('accounts.intro')}</p>
      <p role="status" className="notice notice-ok">
        {notice}
      </p>

      {items === undefined ? (
        list.error !== undefined ? (
          <ErrorMessage error={list.error} onRetry={list.reload} />
        ) : (
          <Loading />
        )
      ) : items.length === 0 ? (
        <p className="accounts-empty">{t('accounts.empty')}</p>
      ) : (
        // Explicit roles keep the table semantics when CSS turns rows into cards on narrow screens.
        <table className="dossier-table accounts-table" role="table" aria-labelledby={`${id}-extra`}>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t('accounts.col.name')}
              </th>
              <th scope="col" role="columnheader">
                {t('accounts.col.email')}
              </th>
              <th scope="col" role="columnheader">
                {t('accounts.col.state')}
              </th>
              <th scope="col" role="columnheader">
                <span className="visually-hidden">{t('accounts.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((account) => (
              <tr key={account.id} role="row">
                <th scope="row" role="rowheader" className="account-name">
                  {account.name}
                </th>
                <td role="cell" data-label={t('accounts.col.email')} className="account-email">
                  {account.email}
                </td>
                <td role="cell" data-label={t('accounts.col.state')}>
                  <AccountStateBadge state={account.state} />
                </td>
                <td role="cell" className="cell-action">
                  {/* The visible words come first in the buttons' names (WCAG 2.5.3), followed by whose account it is. */}
                  <span className="row-actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-haspopup="dialog"
                      aria-label={`${t('accounts.view')} ${account.name}`}
                      onClick={() => setOpen({ kind: 'view', account })}
                    >
                      <EyeIcon />
                      {t('accounts.view')}
                    </button>
                    <button
                      type="button"
                      className="button button-danger-outline button-small"
                      aria-haspopup="dialog"
                      aria-label={`${t('accounts.delete')} ${account.name}`}
                      onClick={() => setOpen({ kind: 'delete', account })}
                    >
                      <DeleteIcon />
                      {t('accounts.delete')}
                    </button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {adding ? (
        <AddAccountForm
          onAdded={onAdded}
          onCancel={() => {
            setAdding(false);
            focusNext.current = 'add';
          }}
        />
      ) : (
        <p className="accounts-add">
          <button
            ref={addButton}
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice('');
              setAdding(true);
            }}
          >
            <AddPersonIcon />
            {t('accounts.add')}
          </button>
        </p>
      )}

      {open?.kind === 'view' && <AccountDetailsDialog account={open.account} onClose={() => setOpen(null)} onGone={onGone} />}
      {open?.kind === 'delete' && <DeleteAccountDialog account={open.account} onCancel={() => setOpen(null)} onDeleted={onDeleted} />}
    </Section>
  );
}
