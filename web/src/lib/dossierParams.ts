import { DOSSIER_STATUSES, type DossierSort, type DossierStatus } from './api/types';

export const PAGE_SIZE = 10;

/** State of the dossier list, kept in the URL (DOS-1, DOS-2). */
export interface ListParams {
  query: string;
  /** Extra statuses ticked in the filter; IN_PROGRESS is always shown and never listed here. */
  statuses: DossierStatus[];
  /** Zero-based, as in the API. */
  page: number;
  /** 'lastActivity' when the client asked for it; absent: by number, the default. */
  sort?: DossierSort;
}

function extraStatuses(values: Iterable<string>): DossierStatus[] {
  const wanted = new Set(values);
  return DOSSIER_STATUSES.filter((s) => s !== 'IN_PROGRESS' && wanted.has(s));
}

export function parseListParams(search: URLSearchParams): ListParams {
  const rawPage = Number.parseInt(search.get('page') ?? '', 10);
  // The URL shows 1-based pages for people; the API uses 0-based ones.
  const page = Number.isFinite(rawPage) && rawPage > 1 ? rawPage - 1 : 0;
  return {
    query: (search.get('query') ?? '').trim(),
    statuses: extraStatuses(search.getAll('status')),
    page,
    ...(search.get('sort') === 'lastActivity' ? { sort: 'lastActivity' as const } : {}),
  };
}

/** URL search params for the list page; defaults are left out so the plain URL stays /dossiers. */
export function toSearchParams(params: ListParams): URLSearchParams {
  const out = new URLSearchParams();
  const query = params.query.trim();
  if (query) out.set('query', query);
  for (const status of extraStatuses(params.statuses)) out.append('status', status);
  if (params.sort === 'lastActivity') out.set('sort', 'lastActivity');
  if (params.page > 0) out.set('page', String(params.page + 1));
  return out;
}

/** Query string for GET /api/dossiers: IN_PROGRESS always, plus the ticked statuses. */
export function toApiQuery(params: ListParams, size: number = PAGE_SIZE): string {
  const out = new URLSearchParams();
  const query = params.query.trim();
  if (query) out.set('query', query);
  out.append('status', 'IN_PROGRESS');
  for (const status of extraStatuses(params.statuses)) out.append('status', status);
  if (params.sort === 'lastActivity') out.set('sort', 'lastActivity');
  out.set('page', String(Math.max(0, params.page)));
  out.set('size', String(size));
  return out.toString();
}

/** Statuses offered in the filter: those the client has, other than IN_PROGRESS (DOS-1). */
export function filterOptions(summaryStatuses: readonly string[] | null | undefined): DossierStatus[] {
  return extraStatuses(summaryStatuses ?? []);
}

export function toggleStatus(params: ListParams, status: DossierStatus, checked: boolean): ListParams {
  const set = new Set(params.statuses);
  if (checked) set.add(status);
  else set.delete(status);
  return { ...params, statuses: extraStatuses(set), page: 0 };
}

/** The statuses shown now: IN_PROGRESS always, plus the ticked ones. */
export function shownStatuses(params: ListParams): DossierStatus[] {
  return ['IN_PROGRESS', ...extraStatuses(params.statuses)];
}

/** "Toon ook Afgerond": the list with these statuses ticked as well, from the first page. */
export function showAlso(params: ListParams, statuses: readonly DossierStatus[]): ListParams {
  return { ...params, statuses: extraStatuses([...params.statuses, ...statuses]), page: 0 };
}

export interface Paging {
  /** 1-based for display. */
  current: number;
  pages: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

export function paging(page: number, totalPages: number): Paging {
  const pages = Math.max(1, totalPages || 0);
  const current = Math.min(Math.max(0, page), pages - 1) + 1;
  return { current, pages, hasPrevious: current > 1, hasNext: current < pages };
}
