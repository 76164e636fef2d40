import { ACCOUNT_STATES, ACCOUNT_TYPES, type StaffAccountQuery } from '../../../lib/api/types';

/** The office's account list from the URL of /kantoor/clienten (1-based page there, 0-based in the API). */
export function parseStaffAccountQuery(search: URLSearchParams): StaffAccountQuery {
  const rawPage = Number.parseInt(search.get('page') ?? '', 10);
  const states = new Set(search.getAll('state'));
  const types = new Set(search.getAll('type'));
  return {
    query: (search.get('query') ?? '').trim(),
    states: ACCOUNT_STATES.filter((s) => states.has(s)),
    types: ACCOUNT_TYPES.filter((t) => types.has(t)),
    companyId: (search.get('companyId') ?? '').trim(),
    page: Number.isFinite(rawPage) && rawPage > 1 ? rawPage - 1 : 0,
  };
}

/** URL search params for the list; defaults are left out. */
export function toStaffAccountSearch(q: StaffAccountQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (q.query.trim()) out.set('query', q.query.trim());
  for (const state of q.states) out.append('state', state);
  for (const type of q.types) out.append('type', type);
  if (q.companyId.trim()) out.set('companyId', q.companyId.trim());
  if (q.page > 0) out.set('page', String(q.page + 1));
  return out;
}

/** The list's starting point: everything, first page. */
export const ALL_ACCOUNTS: StaffAccountQuery = { query: '', states: [], types: [], companyId: '', page: 0 };
