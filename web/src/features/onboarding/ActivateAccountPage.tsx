import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { looksLikeEmailAddress, TextField } from '../../components/FormField';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/i18n';
import { ApiError } from '../../lib/api/client';
import { useApi, usePageTitle } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';

/** What the page shows: the address form, the neutral answer, the expired link with its renewal, or "tried too often". */
type View = 'confirm' | 'confirmed' | 'expired' | 'renewed' | 'tooMany';

const isTooMany = (error: unknown) => error instanceof ApiError && error.status === 429;

/**
 * "Account activeren" (ONB-1, ONB-2, ONB-7): the page behind the link of e-mail #1, for people who are not signed in.
 * The client types the e-mail address; whatever it is, the answer is the same (nothing is disclosed about which addresses
 * have accounts). An expired or used link says so in one sentence and offers a new one.
 */
export function ActivateAccountPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  usePageTitle(t('activate.title'));
  const status = useApi((signal) => portalApi.invitationStatus(token, signal), token);
  /** Set once the visitor did something; until then the link's status decides. */
  const [chosen, setChosen] = useState<View | null>(null);
  /** The address typed on the first form, offered again when the link turns out to have expired. */
  const [typed, setTyped] = useState('');

  let view: View | 'loading' | 'failed';
  if (chosen) view = chosen;
  else if (status.loading) view = 'loading';
  else if (status.error !== undefined) {
    // An unknown link is just as unusable as an expired one; the page does not tell them apart.
    const unknown = status.error instanceof ApiError && status.error.status === 404;
    view = isTooMany(status.error) ? 'tooMany' : unknown ? 'expired' : 'failed';
  } else view = status.data?.status === 'VALID' ? 'confirm' : 'expired';

  // After the visitor's own step, focus goes to what changed (the answer, or the expired message).
  const moved = chosen !== null;

  const confirm = async (email: string) => {
    setTyped(email);
    const answer = await portalApi.confirmInvitation(token, email);
    setChosen(answer?.status === 'EXPIRED' || answer?.status === 'USED' ? 'expired' : 'confirmed');
  };

  const renew = async (email: string) => {
    await portalApi.renewInvitation(token, email);
    setChosen('renewed');
  };

  return (
    <section className="card activate" aria-labelledby="activate-title">
      <h1 id="activate-title">{t('activate.title')}</h1>
      {view === 'loading' && <Loading />}
      {view === 'failed' && <ErrorMessage error={status.error} onRetry={status.reload} />}
      {view === 'tooMany' && (
        <FocusOnShow as="div" enabled={moved} className="alert alert-error" role="alert">
          <p>{t('activate.tooMany')}</p>
        </FocusOnShow>
      )}
      {view === 'confirm' && (
        <>
          <p>{t('activate.intro')}</p>
          <EmailForm submitLabel="activate.send" onSubmit={confirm} onTooMany={() => setChosen('tooMany')} />
        </>
      )}
      {view === 'confirmed' && <Answer text={t('activate.sent.text')} />}
      {view === 'expired' && (
        <>
          <FocusOnShow as="p" enabled={moved} className="alert alert-warning">
            {t('activate.expired')}
          </FocusOnShow>
          <p>{t('activate.renew.intro')}</p>
          <EmailForm
            submitLabel="activate.renew.send"
            initialEmail={typed}
            onSubmit={renew}
            onTooMany={() => setChosen('tooMany')}
          />
          <SignInHint />
        </>
      )}
      {view === 'renewed' && (
        <>
          <Answer text={t('activate.renewed.text')} />
          <SignInHint />
        </>
      )}
    </section>
  );
}

/** An element that takes the focus when it appears (tabIndex -1), so screen readers continue there. */
function FocusOnShow({
  as: Tag,
  enabled,
  className,
  role,
  children,
}: {
  as: 'div' | 'p' | 'h2';
  enabled: boolean;
  className?: string;
  role?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // Only when it appears.
  }, []);
  const props = { ref: ref as never, className: className ? `${className} focus-target` : 'focus-target', role, tabIndex: -1 };
  return <Tag {...props}>{children}</Tag>;
}

/** The neutral answer: the same whatever address was typed, with the hint to look in the spam folder. */
function Answer({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <div className="answer">
      <span className="answer-icon" aria-hidden="true">
        <MailIcon />
      </span>
      <div>
        <FocusOnShow as="h2" enabled>
          {t('activate.sent.title')}
        </FocusOnShow>
        <p>{text}</p>
        <p className="muted">{t('activate.spam')}</p>
      </div>
    </div>
  );
}

function SignInHint() {
  const { t } = useI18n();
  return (
    <div className="sign-in-hint">
      <h2>{t('activate.signIn.title')}</h2>
      <p>{t('activate.signIn.text')}</p>
      <p>
        <a className="button button-secondary" href={portalApi.SIGN_IN_URL}>
          {t('activate.signIn')}
        </a>
      </p>
    </div>
  );
}

/** One required e-mail field and a button; 429 goes to the page, other failures are shown here. */
function EmailForm({
  submitLabel,
  initialEmail = '',
  onSubmit,
  onTooMany,
}: {
  submitLabel: MessageKey;
  initialEmail?: string;
  onSubmit: (email: string) => Promise<void>;
  onTooMany: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (sending) return;
    setFailure(undefined);
    const value = email.trim();
    const problem = !value ? t('form.email.missing') : looksLikeEmailAddress(value) ? undefined : t('form.email.invalid');
    setError(problem);
    if (problem) {
      input.current?.focus();
      return;
    }
    setSending(true);
    try {
      await onSubmit(value);
    } catch (failed) {
      setSending(false);
      if (isTooMany(failed)) onTooMany();
      else setFailure(failed);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="email-form">
      <TextField
        id={`${id}-email`}
        inputRef={input}
        type="email"
        name="email"
        autoComplete="email"
        maxLength={255}
        label={t('activate.email')}
        value={email}
        error={error}
        onChange={(value) => {
          setEmail(value);
          if (error && value.trim()) setError(undefined);
        }}
      />
      {failure !== undefined && (
        <div className="form-failure">
          <ErrorMessage error={failure} />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>
          {t(submitLabel)}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {sending ? t('activate.sending') : ''}
      </p>
    </form>
  );
}

function MailIcon() {
  return (
    <svg width={28} height={28} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" focusable="false">
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
    </svg>
  );
}
