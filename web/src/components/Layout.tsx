import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { accountLabel } from '../lib/accountName';
import { csrfToken } from '../lib/api/client';
import { SIGN_OUT_URL } from '../lib/api/portalApi';
import type { Me } from '../lib/api/types';
import { PHONE_QUERY, useMediaQuery } from '../lib/useMediaQuery';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

function Brand({ home }: { home: string }) {
  const { t } = useI18n();
  return (
    <Link to={home} className="brand">
      <span className="brand-mark" aria-hidden="true">
        N
      </span>
      <span className="brand-text">
        <span className="brand-office">{t('app.office')}</span>
        <span className="brand-name">{t('app.name')}</span>
      </span>
    </Link>
  );
}

/** ONB-8: sign out from every page, as a form POST with the CSRF token. */
function SignOut() {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const onSubmit = (_e: FormEvent<HTMLFormElement>) => {
    // Read the cookie at submit time: it may have been (re)issued after the first render.
    if (input.current) input.current.value = csrfToken() ?? '';
  };
  return (
    <form method="post" action={SIGN_OUT_URL} className="sign-out" onSubmit={onSubmit}>
      <input ref={input} type="hidden" name="_csrf" defaultValue={csrfToken() ?? ''} />
      <button type="submit" className="button button-header">
        {t('nav.signOut')}
      </button>
    </form>
  );
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

/** Moves focus to <main> after in-app navigation so screen readers start at the new content. */
function useFocusMainOnNavigate(main: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname, main]);
}

/** The dark header bar: the portal's name and, on the right, the tools of the page. */
function HeaderBar({ home = '/', children }: { home?: string; children: ReactNode }) {
  return (
    <div className="header-bar container">
      <Brand home={home} />
      <div className="header-tools">{children}</div>
    </div>
  );
}

/** One entry of the main menu; `end` when only the exact path marks it current. */
export interface NavItem {
  to: string;
  label: MessageKey;
  end?: boolean;
}

/** The client's menu. */
export const CLIENT_NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/dossiers', label: 'nav.dossiers' },
  { to: '/acties', label: 'nav.actions' },
  { to: '/mijn-gegevens', label: 'nav.myDetails' },
];

/** An adviser's menu (ADV-1): no "Acties", they get no questionnaires. */
export const ADVISER_NAV: readonly NavItem[] = CLIENT_NAV.filter((item) => item.to !== '/acties');

/** Who is signed in: the person, and the company they act for. */
function AccountName({ me }: { me: Me }) {
  const { t } = useI18n();
  const label = accountLabel(me);
  return (
    <span className="user-name" title={t('nav.signedInAs', { name: label })}>
      <span className="visually-hidden">{t('nav.signedInAs', { name: '' })}</span>
      {label}
    </span>
  );
}

/** The links of the main menu; `onFollow` runs when one is chosen (the phone's menu closes then). */
function MainNav({ nav, className, onFollow }: { nav: readonly NavItem[]; className?: string; onFollow?: () => void }) {
  const { t } = useI18n();
  return (
    <nav className={className ? `main-nav ${className}` : 'main-nav'} aria-label={t('nav.label')}>
      <ul className="container">
        {nav.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} onClick={onFollow}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface HeaderProps {
  me: Me;
  nav: readonly NavItem[];
  home: string;
  /** False where the page has its own language control ("Mijn gegevens"): one control per page. */
  languageSwitch: boolean;
}

/** Wide screens: the account, language and "Uitloggen" on the right of the bar; the menu as a bar below it. */
function WideHeader({ me, nav, home, languageSwitch }: HeaderProps) {
  return (
    <>
      <HeaderBar home={home}>
        <AccountName me={me} />
        {languageSwitch && <LanguageSwitch />}
        <SignOut />
      </HeaderBar>
      <MainNav nav={nav} />
    </>
  );
}

/**
 * Phones: one low bar with the portal's name and "Menu" (a disclosure button); the menu, the account, the language and
 * "Uitloggen" open below it. Escape closes it and puts the focus back on "Menu"; choosing a page closes it too.
 */
function PhoneHeader({ me, nav, home, languageSwitch }: HeaderProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="phone-header" onKeyDown={onKeyDown}>
      <div className="header-bar container">
        <Brand home={home} />
        <button
          ref={button}
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((o) => !o)}
        >
          <MenuIcon open={open} />
          {t('nav.menu')}
        </button>
      </div>
      <div id={menuId} className="phone-menu" hidden={!open}>
        <MainNav nav={nav} className="main-nav-phone" onFollow={() => setOpen(false)} />
        <div className="phone-menu-account container">
          <AccountName me={me} />
          <div className="phone-menu-tools">
            {languageSwitch && <LanguageSwitch />}
            <SignOut />
          </div>
        </div>
      </div>
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" aria-hidden="true">
      {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
    </svg>
  );
}

/** The signed-in layout: header with the account, language and "Uitloggen", the menu of the area, the page. */
export function Layout({
  me,
  notice,
  nav = CLIENT_NAV,
  home = '/',
  languageSwitch = true,
  children,
}: {
  me: Me;
  notice?: ReactNode;
  nav?: readonly NavItem[];
  home?: string;
  /** False on a page with its own language control. */
  languageSwitch?: boolean;
  children: ReactNode;
}) {
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  const phone = useMediaQuery(PHONE_QUERY);
  const Header = phone ? PhoneHeader : WideHeader;
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <Header me={me} nav={nav} home={home} languageSwitch={languageSwitch} />
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container main">
        <div aria-live="polite" className="notice-region">
          {notice}
        </div>
        {children}
      </main>
      <Footer />
    </>
  );
}

export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <HeaderBar>
          <LanguageSwitch />
        </HeaderBar>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <Footer />
    </>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        {t('app.office')} · {t('app.name')}
      </div>
    </footer>
  );
}
