// The state of a questionnaire being filled in: which view the URL asks for, what the client typed (drafts, in memory
// per page until "Volgende" sends it, so going back and forth loses nothing), the errors per page, and the actions:
// "Volgende" (check in the browser, show the next page, save this one in the background: lib/pageSaves), "Vorige" and
// "Voltooien". Also moves the focus: to the new view's heading, and to the error summary after a failed "Volgende" or
// "Voltooien".
import { startTransition, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/I18nContext';
import type { AnswerError, Assignment, PageAnswers } from '../../lib/api/types';
import { answerErrorsOf } from './lib/answerErrors';
import { draftsFromAnswers, evaluatePage, relocaliseDrafts, type DraftValue, type Drafts } from './lib/answers';
import { CHECK, isSaved, PAGE_PARAM, RETURN_PARAM, viewOf, type View } from './lib/navigation';
import { PageSaveQueue } from './lib/pageSaves';
import { AnswerValidator } from './lib/validation';
import { CLIENT_MODE, type QuestionnaireMode } from './mode';

export type Busy = 'saving' | 'completing' | null;
export type Failure = { error: unknown; kind: 'save' | 'complete' } | null;

/** `mode`: where answers are saved (the portal's API for the client; the office's preview keeps them in the browser). */
export function useQuestionnaire(initial: Assignment, mode: QuestionnaireMode = CLIENT_MODE) {
  const { lang } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const [assignment, setAssignment] = useState(initial);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsFromAnswers(initial.pages, initial.answers, lang));
  const [errorsByPage, setErrorsByPage] = useState<Record<string, AnswerError[]>>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<Failure>(null);
  const [saved, setSaved] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const validator = useMemo(() => new AnswerValidator(), []);
  const [saves] = useState(() => new PageSaveQueue());
  // The questionnaire as the server last answered it; `assignment` adds the pages still being saved.
  const server = useRef(initial);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
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

  const { view, reachable } = viewOf(assignment, searchParams.get(PAGE_PARAM));
  const pageIndex = (id: string | null) => pages.findIndex((p) => p.id === id);

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
  const pageErrors = page ? (errorsByPage[page.id] ?? []) : [];

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

  /** The server's questionnaire with the answers of the pages still being saved, as if they were saved already. */
  const withPendingSaves = (latest: Assignment): Assignment => ({ ...latest, answers: { ...latest.answers, ...saves.pendingAnswers() } });

  /** Saves a page in the background; a failure takes the client back to that page, with the reason. */
  const saveInBackground = (pageId: string, answers: PageAnswers, back: { index: number; returnToCheck: boolean }) => {
    setBusy('saving');
    saves.enqueue(pageId, answers, () => mode.savePage(assignment.id, pageId, answers), {
      saved: (updated) => {
        server.current = isSaved(updated.answers, pageId) ? updated : { ...updated, answers: { ...updated.answers, [pageId]: answers } };
        setAssignment(withPendingSaves(server.current));
        if (!saves.busy) {
          setBusy((current) => (current === 'saving' ? null : current));
          setSaved(true);
        }
      },
      failed: (error) => {
        setAssignment(server.current);
        setBusy(null);
        if (!mounted.current) return;
        // In the same render as the way back, so that the page's error summary is there to take the focus.
        startTransition(() => {
          const fieldErrors = answerErrorsOf(error);
          if (fieldErrors) showErrors(pageId, fieldErrors.filter((f) => !f.page || f.page === pageId));
          else setFailure({ error, kind: 'save' });
        });
        go({ kind: 'page', index: back.index }, { returnToCheck: back.returnToCheck });
      },
    });
  };

  const onNext = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy === 'completing' || view.kind !== 'page' || !page || !evaluation) return;
    setFailure(null);
    let schemas = assignment.schemas;
    if (saves.busy) {
      // This page's schema can depend on the answers of an earlier page whose save is still on its way (a page answered
      // faster than the server answers): only then does "Volgende" wait, for the schema that comes with that answer.
      if (!(await saves.settled())) return;
      schemas = server.current.schemas;
    }
    const errors = validator.validatePage(page.questions, schemas?.[page.id], evaluation);
    if (errors.length > 0) {
      showErrors(page.id, errors);
      return;
    }
    const answers = { ...server.current.answers, ...saves.pendingAnswers(), [page.id]: evaluation.answers };
    saveInBackground(page.id, evaluation.answers, { index: view.index, returnToCheck });
    setAssignment((current) => ({ ...current, answers }));
    setErrorsByPage((current) => ({ ...current, [page.id]: [] }));
    setSaved(false);
    const everythingSaved = pages.every((p) => isSaved(answers, p.id));
    if (view.index + 1 >= pages.length || (returnToCheck && everythingSaved)) go({ kind: 'check' });
    else go({ kind: 'page', index: view.index + 1 }, { returnToCheck });
  };

  const onPrevious = () => {
    setSaved(false);
    setFailure(null);
    if (view.kind === 'page' && view.index > 0) go({ kind: 'page', index: view.index - 1 }, { returnToCheck });
    else if (view.kind === 'check') go({ kind: 'page', index: pages.length - 1 });
  };

  // ---- check page

  const onComplete = async () => {
    if (busy === 'completing') return;
    setFailure(null);
    setBusy('completing');
    // The last page's save may still be on its way; a failed one has taken the client back to that page.
    if (!(await saves.settled())) return;
    try {
      const done = await mode.complete(assignment.id);
      server.current = done;
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

  return {
    assignment,
    view,
    reachable,
    /** The page shown (view.kind === 'page'), what was typed on it and its evaluation (visible questions, answers). */
    page,
    drafts,
    evaluation,
    pageErrors,
    busy,
    failure,
    saved,
    headingRef,
    summaryRef,
    onChange,
    onEdited,
    onNext,
    onPrevious,
    onComplete,
  };
}
