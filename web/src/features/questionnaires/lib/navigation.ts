// Which view of a questionnaire is shown: it is in the URL (`?pagina={pageId}` or `?pagina=controleren`), so the
// browser's back button goes back a page too; without it the questionnaire opens where the client stopped (the server's
// currentPageId), never beyond the first page not saved yet.
import type { Assignment } from '../../../lib/api/types';

/** `?pagina=controleren`: the check page. */
export const CHECK = 'controleren';
export const PAGE_PARAM = 'pagina';
/** `&terug=controleren`: opened with "Wijzigen" from the check page; "Volgende" returns there. */
export const RETURN_PARAM = 'terug';

export type View = { kind: 'page'; index: number } | { kind: 'check' } | { kind: 'result' };

/**
 * The number of steps: every page and the check page ("Controleer uw antwoorden"), as the step list shows them, so
 * "Stap 1 van 5" stands beside five steps.
 */
export function stepCount(assignment: Pick<Assignment, 'pages'>): number {
  return assignment.pages.length + 1;
}

/** Whether the server holds answers for the page (it was saved with "Volgende"). */
export function isSaved(answers: Assignment['answers'], pageId: string): boolean {
  return Object.prototype.hasOwnProperty.call(answers, pageId);
}

/**
 * The view to show: the result once completed; else the page asked for in the URL (not beyond the first page never
 * saved), else where the client stopped. `reachable` is the index of the last page that may be opened.
 */
export function viewOf(assignment: Assignment, requested: string | null): { view: View; reachable: number } {
  const pages = assignment.pages;
  const firstUnsaved = pages.findIndex((p) => !isSaved(assignment.answers, p.id));
  const allSaved = firstUnsaved < 0;
  const reachable = allSaved ? pages.length - 1 : firstUnsaved;
  const pageIndex = (id: string | null) => pages.findIndex((p) => p.id === id);
  let view: View;
  if (assignment.status === 'COMPLETED') view = { kind: 'result' };
  else if (pages.length === 0 || (requested === CHECK && allSaved)) view = { kind: 'check' };
  else if (requested !== null && pageIndex(requested) >= 0) view = { kind: 'page', index: Math.min(pageIndex(requested), reachable) };
  else if (requested === CHECK) view = { kind: 'page', index: reachable };
  else if (pageIndex(assignment.currentPageId) >= 0) view = { kind: 'page', index: pageIndex(assignment.currentPageId) };
  else view = allSaved ? { kind: 'check' } : { kind: 'page', index: reachable };
  return { view, reachable };
}

/** A step's link. */
export const pageHref = (pageId: string) => `?${PAGE_PARAM}=${encodeURIComponent(pageId)}`;

/** "Wijzigen" on the check page: the page, and "Volgende" comes back. */
export const editHref = (pageId: string) => `?${PAGE_PARAM}=${encodeURIComponent(pageId)}&${RETURN_PARAM}=${CHECK}`;
