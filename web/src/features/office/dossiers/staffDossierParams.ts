import { DOSSIER_STATUSES, type StaffDossierQuery, type StaffDossierSort } from '../../../lib/api/types';

const SORTS: readonly StaffDossierSort[] = ['lastActivity', 'number'];

/** The office's dossier list from the URL of /kantoor/dossiers (1-based page there, 0-based in the API). */
export function parseStaffDossierQuery(search: URLSearchParams): StaffDossierQuery {
  const rawPage = Number.parseInt(search.get('page') ?? '', 10);
  const wanted = new Set(search.getAll('status'));
  const sort = search.get('sort');
  return {
    query: (search.get('query') ?? '').trim(),
    statuses: DOSSIER_STATUSES.filter((s) => wanted.has(s)),
    sort: SORTS.includes(sort as StaffDossierSort) ? (sort as StaffDossierSort) : 'lastActivity',
    page: Number.isFinite(rawPage) && rawPage > 1 ? rawPage - 1 : 0,
  };
}

/** URL search params for the list; defaults are left out. */
export function toStaffDossierSearch(q: StaffDossierQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (q.query.trim()) out.set('query', q.query.trim());
  for (const status of q.statuses) out.append('status', status);
  if (q.sort !== 'lastActivity') out.set('sort', q.sort);
  if (q.page > 0) out.set('page', String(q.page + 1));
  return out;
}
