// ACT-2..5: filling in a questionnaire ("Invullen"), one page at a time ("Stap 2 van 6", "Vorige", "Volgende" saves the
// page), the check page ("Controleer uw antwoorden", "Voltooien") and the result ("Afdrukken", the PDF). Loaded lazily
// (React.lazy in App.tsx): its code stays out of the main bundle until a questionnaire is opened.
//
// The page shown is in the URL (`?pagina={pageId}` or `?pagina=controleren`), so the browser's back button goes back a
// page too; without it the questionnaire opens where the client stopped (the server's currentPageId). What the client
// types lives in memory per page (drafts) until "Volgende" sends it, so going back and forth loses nothing.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import { formatDate, formatDateTime, translate, type Lang } from '../../i18n/i18n';
import { ApiError, errorMessageKey } from '../../lib/api/client';
import { useApi, usePageTitle } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';
import {
  draftsFromAnswers,
  evaluatePage,
  questionAt,
  relocaliseDrafts,
  type DraftValue,
  type Drafts,
} from './lib/answers';
import { isOverdue } from './lib/formats';
import { errorText } from './lib/messages';
import { AnswerValidator, pointerToField } from './lib/validation';
import type { AnswerError, Assignment, Question } from '../../lib/api/types';
import { ErrorMessage, Loading } from '../../components/Status';
import { AnswersView } from './components/AnswersView';
import { ErrorSummary, type SummaryItem } from './components/ErrorSummary';
import { QuestionList } from './components/QuestionFields';

/** `?pagina=controleren`: the check page. */
export const CHECK = 'controleren';
const PAGE_PARAM = 'pagina';
/** `&terug=controleren`: opened with "Wijzigen" from the check page; "Volgende" returns there. */
const RETURN_PARAM = 'terug';

type View = { kind: 'page'; index: number } | { kind: 'check' } | { kind: 'result' };

function PageTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back no-print">
      <Link to="/acties">
        <span aria-hidden="true">←</span>
        {t('q.back')}
      </Link>
    </p>
  );
}

/** Route /acties/:assignmentId. */
export default function QuestionnairePage() {
  const { assignmentId = '' } = useParams();
  const { t } = useI18n();
  const loaded = useApi((signal) => portalApi.assignment(assignmentId, signal), assignmentId);
  const notFound = loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 403);

  if (notFound) {
    return (
      <>
        <PageTitle title={t('q.notFound')} />
        <BackLink />
        <div className="card empty-state">
          <h1>{t('q.notFound')}</h1>
          <p>{t('q.notFound.hint')}</p>
        </div>
      </>
    );
  }
  if (loaded.error !== undefined) {
    return (
      <>
        <PageTitle title={t('actions.title')} />
        <BackLink />
        <h1>{t('actions.title')}</h1>
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      </>
    );
  }
  if (!loaded.data) {
    return (
      <>
        <PageTitle title={t('actions.title')} />
        <Loading />
      </>
    );
  }
  return <Questionnaire key={loaded.data.id} initial={loaded.data} />;
}

/** The server's field errors of a 400 (a page PUT or "complete"), with fields in the portal's notation. */
export function answerErrorsOf(error: unknown): AnswerError[] | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return undefined;
  const errors = (error.problem?.errors ?? []) as unknown[];
  const found: AnswerError[] = [];
  for (const e of errors) {
    if (!e || typeof e !== 'object' || typeof (e as AnswerError).field !== 'string') continue;
    const answerError = e as AnswerError;
    let field = answerError.field.replace(/^answers(?=[./[])\.?/, '');
    if (field.startsWith('/')) field = pointerToField(field);
    found.push({ ...answerError, field, code: answerError.code ?? 'invalid' });
  }
  return found.length > 0 ? found : undefined;
}

/** "Naam (Bewoner 2)" for "bewoners[1].naam". */
function fieldLabel(questions: Question[], field: string, lang: Lang): string {
  const parts: string[] = [];
  let scope: Question[] | undefined = questions;
  const pieces = field.split('.');
  let label = '';
  for (const piece of pieces) {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(piece);
    const question: Question | undefined = scope?.find((q) => q.id === (match?.[1] ?? piece));
    if (!question) return label || field;
    label = question.label;
    if (match?.[2] !== undefined) parts.push(translate(lang, 'q.group.block', { item: question.itemLabel ?? question.label, number: Number(match[2]) + 1 }));
    scope = question.questions;
  }
  return parts.length > 0 && pieces.length > 1 ? `${label} (${parts.join(', ')})` : label;
}

function Questionnaire({ initial }: { initial: Assignment }) {
  const { t, lang } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const [assignment, setAssignment] = useState(initial);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFromAnswers(initial.pages, initial.answers, lang));
  const [errorsByPage, setErrorsByPage] = useState<Record<string, AnswerError[]>>({});
  const [busy, setBusy] = useState<'saving' | 'completing' | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; kind: 'save' | 'complete' } | null>(null);
  const [saved, setSaved] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const validator = useMemo(() => new AnswerValidator(), []);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const pages = assignment.pages;

  // Typed numbers and amounts follow a change of language ("1.234,56" ↔ "1,234.56").
  const typedIn = useRef(lang);
  useEffect(() => {
    if (typedIn.current === lang) return;
    const from = typedIn.current;
    typedIn.current = lang;
    setDrafts((current) => relocaliseDrafts(pages, current, from, lang));
  }, [lang, pages]);

  // Which view: the result once completed; else the page asked for in the URL (not beyond the first page never
  // saved), else where the client stopped.
  const firstUnsaved = pages.findIndex((p) => !Object.prototype.hasOwnProperty.call(assignment.answers, p.id));
  const allSaved = firstUnsaved < 0;
  const reachable = allSaved ? pages.length - 1 : firstUnsaved;
  const requested = searchParams.get(PAGE_PARAM);
  const pageIndex = (id: string | null) => pages.findIndex((p) => p.id === id);
  let view: View;
  if (assignment.status === 'COMPLETED') view = { kind: 'result' };
  else if (pages.length === 0 || (requested === CHECK && allSaved)) view = { kind: 'check' };
  else if (requested !== null && pageIndex(requested) >= 0) view = { kind: 'page', index: Math.min(pageIndex(requested), reachable) };
  else if (requested === CHECK) view = { kind: 'page', index: reachable };
  else if (pageIndex(assignment.currentPageId) >= 0) view = { kind: 'page', index: pageIndex(assignment.currentPageId) };
  else view = allSaved ? { kind: 'check' } : { kind: 'page', index: reachable };

  const returnToCheck = searchParams.get(RETURN_PARAM) === CHECK;
  const go = (next: View, options: { returnToCheck?: boolean } = {}) => {
    const params: Record<string, string> = {};
    if (next.kind === 'page') params[PAGE_PARAM] = pages[next.index].id;
    if (next.kind === 'check') params[PAGE_PARAM] = CHECK;
    if (next.kind === 'page' && options.returnToCheck) params[RETURN_PARAM] = CHECK;
    setSearchParams(params, { replace: next.kind === 'result' });
  };

  // A new view: focus its heading (not on the first render: the layout focuses <main> then).
  const viewKey = view.kind === 'page' ? `page-${view.index}` : view.kind;
  const firstView = useRef(true);
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [viewKey]);

  // A failed "Volgende" or "Voltooien": the error summary takes the focus.
  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);

  const page = view.kind === 'page' ? pages[view.index] : undefined;
  const evaluation = useMemo(
    () => (view.kind === 'page' ? evaluatePage(pages, drafts, lang, view.index) : undefined),
    [pages, drafts, lang, view.kind, view.kind === 'page' ? view.index : -1],
  );

  const title = assignment.title;
  const pageErrors = page ? (errorsByPage[page.id] ?? []) : [];
  const errorPrefix = pageErrors.length > 0 ? `${t('error.fieldPrefix')} ` : '';
  const documentTitle =
    view.kind === 'result'
      ? `${t('q.result.title')} – ${title}`
      : view.kind === 'check'
        ? `${t('q.check.title')} – ${title}`
        : `${errorPrefix}${t('q.step', { step: view.index + 1, steps: pages.length })}: ${page?.title ?? ''} – ${title}`;

  // ---- a page of questions

  const onChange = (questionId: string, value: DraftValue) => {
    if (!page) return;
    setSaved(false);
    setDrafts((current) => ({ ...current, [page.id]: { ...current[page.id], [questionId]: value } }));
  };

  /** An answer was edited: its error (or, for a block added or removed, all of the group's) goes. */
  const onEdited = (field: string, subtree = false) => {
    if (!page) return;
    setErrorsByPage((current) => {
      const list = current[page.id];
      if (!list?.length) return current;
      const kept = list.filter((e) => !(e.field === field || (subtree && (e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`)))));
      return kept.length === list.length ? current : { ...current, [page.id]: kept };
    });
  };

  const showErrors = (pageId: string, errors: AnswerError[]) => {
    setErrorsByPage((current) => ({ ...current, [pageId]: errors }));
    setSummaryFocus((n) => n + 1);
  };

  const onNext = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy || view.kind !== 'page' || !page || !evaluation) return;
    setFailure(null);
    const errors = validator.validatePage(page.questions, assignment.schemas?.[page.id], evaluation);
    if (errors.length > 0) {
      showErrors(page.id, errors);
      return;
    }
    setBusy('saving');
    try {
      const updated = await portalApi.saveQuestionnairePage(assignment.id, page.id, evaluation.answers);
      const answers = { ...(updated.answers ?? {}) };
      if (!Object.prototype.hasOwnProperty.call(answers, page.id)) answers[page.id] = evaluation.answers;
      setAssignment({ ...updated, answers });
      setErrorsByPage((current) => ({ ...current, [page.id]: [] }));
      setSaved(true);
      const everythingSaved = pages.every((p) => Object.prototype.hasOwnProperty.call(answers, p.id));
      if (view.index + 1 >= pages.length || (returnToCheck && everythingSaved)) go({ kind: 'check' });
      else go({ kind: 'page', index: view.index + 1 }, { returnToCheck });
    } catch (error) {
      const fieldErrors = answerErrorsOf(error);
      if (fieldErrors) showErrors(page.id, fieldErrors.filter((f) => !f.page || f.page === page.id));
      else setFailure({ error, kind: 'save' });
    } finally {
      setBusy(null);
    }
  };

  const onPrevious = () => {
    setSaved(false);
    setFailure(null);
    if (view.kind === 'page' && view.index > 0) go({ kind: 'page', index: view.index - 1 }, { returnToCheck });
    else if (view.kind === 'check') go({ kind: 'page', index: pages.length - 1 });
  };

  // ---- check page

  const onComplete = async () => {
    if (busy) return;
    setFailure(null);
    setBusy('completing');
    try {
      const done = await portalApi.completeQuestionnaire(assignment.id);
      setAssignment(done);
      setSaved(false);
      go({ kind: 'result' });
    } catch (error) {
      const fieldErrors = answerErrorsOf(error)?.filter((f) => f.page && pageIndex(f.page) >= 0);
      if (fieldErrors?.length) {
        const byPage: Record<string, AnswerError[]> = {};
        for (const f of fieldErrors) (byPage[f.page!] ??= []).push(f);
        setErrorsByPage(byPage);
        const first = Math.min(...Object.keys(byPage).map(pageIndex));
        go({ kind: 'page', index: first }, { returnToCheck: true });
        setSummaryFocus((n) => n + 1);
      } else {
        setFailure({ error, kind: 'complete' });
      }
    } finally {
      setBusy(null);
    }
  };

  // ---- rendering

  const meta = (
    <p className="q-meta">
      <span>{t('q.dossier', { number: assignment.dossierNumber })}</span>
      {view.kind === 'result' && assignment.completedAt ? (
        <span>{t('q.completedOn', { date: formatDateTime(assignment.completedAt, lang) })}</span>
      ) : assignment.dueDate ? (
        <span className={isOverdue(assignment.dueDate) ? 'action-overdue' : undefined}>
          {t(isOverdue(assignment.dueDate) ? 'actions.overdue' : 'q.due', { date: formatDate(assignment.dueDate, lang) })}
        </span>
      ) : null}
    </p>
  );

  const failureAlert = failure && (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{t(failure.kind === 'save' ? 'q.saveFailed' : 'q.completeFailed')}</strong>
      </p>
      <ErrorText error={failure.error} />
    </div>
  );

  if (view.kind === 'result') {
    return (
      <article className="questionnaire q-result">
        <PageTitle title={documentTitle} />
        <BackLink />
        <h1>{title}</h1>
        {meta}
        <div className="q-done">
          <p>
            <strong>{t('q.result.done', { date: formatDateTime(assignment.completedAt, lang) })}</strong>
          </p>
          <p className="no-print">{t('q.result.pdf', { number: assignment.dossierNumber })}</p>
          <div className="q-result-actions no-print">
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              {t('q.print')}
            </button>
            {assignment.pdfDocumentId && (
              <a className="button button-secondary" href={portalApi.documentContentUrl(assignment.pdfDocumentId)} download>
                {t('q.downloadPdf')}
              </a>
            )}
            <Link to={`/dossiers/${encodeURIComponent(assignment.dossierId)}?tab=aangeleverd`}>{t('q.result.toDossier', { number: assignment.dossierNumber })}</Link>
          </div>
        </div>
        <h2 ref={headingRef} tabIndex={-1} className="focus-target">
          {t('q.result.title')}
        </h2>
        <AnswersView assignment={assignment} />
      </article>
    );
  }

  const steps = (
    <nav className="q-steps no-print" aria-label={t('q.steps')}>
      <ol>
        {pages.map((p, i) => {
          const current = view.kind === 'page' && view.index === i;
          const done = Object.prototype.hasOwnProperty.call(assignment.answers, p.id);
          const state = current ? t('q.stepCurrent') : done ? t('q.stepDone') : '';
          const content = (
            <>
              <span className="q-step-number" aria-hidden="true">
                {done && !current ? '✓' : i + 1}
              </span>
              <span className="q-step-title">
                {p.title}
                {state && (
                  <>
                    {' '}
                    <span className="visually-hidden">({state})</span>
                  </>
                )}
              </span>
            </>
          );
          return (
            <li key={p.id} className={current ? 'q-step-current' : done ? 'q-step-done' : undefined}>
              {!current && i <= reachable ? (
                <Link to={`?${PAGE_PARAM}=${encodeURIComponent(p.id)}`}>{content}</Link>
              ) : (
                <span className="q-step-item" aria-current={current ? 'step' : undefined}>
                  {content}
                </span>
              )}
            </li>
          );
        })}
        <li className={view.kind === 'check' ? 'q-step-current' : undefined}>
          <span className="q-step-item" aria-current={view.kind === 'check' ? 'step' : undefined}>
            <span className="q-step-number" aria-hidden="true">
              {pages.length + 1}
            </span>
            <span className="q-step-title">{t('q.check.title')}</span>
          </span>
        </li>
      </ol>
    </nav>
  );

  if (view.kind === 'check') {
    return (
      <article className="questionnaire">
        <PageTitle title={documentTitle} />
        <BackLink />
        <h1>{title}</h1>
        {meta}
        <div className="q-layout">
          {steps}
          <div className="q-main">
            <p className="notice notice-ok" role="status">
              {saved ? t('q.saved') : ''}
            </p>
            <h2 ref={headingRef} tabIndex={-1} className="q-page-title focus-target">
              {t('q.check.title')}
            </h2>
            <p>{t('q.check.intro')}</p>
            <AnswersView assignment={assignment} editHref={(pageId) => `?${PAGE_PARAM}=${encodeURIComponent(pageId)}&${RETURN_PARAM}=${CHECK}`} />
            {failureAlert}
            <div className="form-actions q-actions no-print">
              <button type="button" className="button button-secondary" onClick={onPrevious}>
                <span aria-hidden="true">←</span> {t('q.previous')}
              </button>
              <button type="button" className="button button-primary" aria-disabled={busy ? true : undefined} onClick={onComplete}>
                {t('q.complete')}
              </button>
            </div>
            <p className="visually-hidden" role="status">
              {busy === 'completing' ? t('q.completing') : ''}
            </p>
            <p className="q-stop no-print">
              <Link to="/acties">{t('q.stop')}</Link>
            </p>
          </div>
        </div>
      </article>
    );
  }

  // view.kind === 'page'
  const errorTexts = new Map<string, string>();
  const summary: SummaryItem[] = [];
  for (const error of pageErrors) {
    const question = questionAt(page!.questions, error.field);
    const text = errorText(error, question, lang);
    if (question && evaluation!.visible.has(error.field)) {
      if (!errorTexts.has(error.field)) errorTexts.set(error.field, text);
      summary.push({ field: error.field, label: fieldLabel(page!.questions, error.field, lang), text });
    } else {
      summary.push({ label: question ? question.label : '', text });
    }
  }

  return (
    <article className="questionnaire">
      <PageTitle title={documentTitle} />
      <BackLink />
      <h1>{title}</h1>
      {meta}
      {view.index === 0 && assignment.intro && <p className="q-intro">{assignment.intro}</p>}
      <div className="q-layout">
        {steps}
        <div className="q-main">
          <p className="notice notice-ok" role="status">
            {saved ? t('q.saved') : ''}
          </p>
          {summary.length > 0 && <ErrorSummary ref={summaryRef} items={summary} />}
          <h2 ref={headingRef} tabIndex={-1} className="q-page-title focus-target">
            <span className="q-step">{t('q.step', { step: view.index + 1, steps: pages.length })}</span> {page!.title}
          </h2>
          {page!.intro && <p className="q-intro">{page!.intro}</p>}
          <p className="hint">{t('q.requiredNote')}</p>
          <form noValidate onSubmit={onNext} className="q-form">
            <QuestionList
              questions={page!.questions}
              values={drafts[page!.id] ?? {}}
              onChange={onChange}
              onEdited={onEdited}
              visible={evaluation!.visible}
              errors={errorTexts}
            />
            {failureAlert}
            <div className="form-actions q-actions">
              {view.index > 0 && (
                <button type="button" className="button button-secondary" onClick={onPrevious}>
                  <span aria-hidden="true">←</span> {t('q.previous')}
                </button>
              )}
              <button type="submit" className="button button-primary" aria-disabled={busy ? true : undefined}>
                {t('q.next')} <span aria-hidden="true">→</span>
              </button>
            </div>
            <p className="visually-hidden" role="status">
              {busy === 'saving' ? t('q.saving') : ''}
            </p>
          </form>
          <p className="hint q-save-note">{t('q.saveNote')}</p>
          <p className="q-stop">
            <Link to="/acties">{t('q.stop')}</Link>
          </p>
        </div>
      </div>
    </article>
  );
}

/** The friendly text of a failure (inside the alert that says what did not happen). */
function ErrorText({ error }: { error: unknown }) {
  const { t } = useI18n();
  return <p>{t(errorMessageKey(error))}</p>;
}
