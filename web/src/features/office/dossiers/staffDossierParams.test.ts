import { describe, expect, it } from 'vitest';
import { staffDossierQuery } from '../../../lib/api/portalApi';
import { parseStaffDossierQuery, toStaffDossierSearch } from './staffDossierParams';

describe('the office dossier list in the URL', () => {
  it('reads query, statuses, sort and the 1-based page, ignoring what it does not know', () => {
    const q = parseStaffDossierQuery(new URLSearchParams('query=%20jansen%20&status=ON_HOLD&status=BOGUS&sort=number&page=3'));
    expect(q).toEqual({ query: 'jansen', statuses: ['ON_HOLD'], sort: 'number', page: 2 });
    expect(parseStaffDossierQuery(new URLSearchParams('sort=size&page=-4'))).toEqual({ query: '', statuses: [], sort: 'lastActivity', page: 0 });
  });

  it('leaves the defaults out of the URL and asks the API for every parameter', () => {
    expect(toStaffDossierSearch({ query: '', statuses: [], sort: 'lastActivity', page: 0 }).toString()).toBe('');
    const q = { query: 'K-12', statuses: ['IN_PROGRESS', 'COMPLETED'] as const, sort: 'number' as const, page: 1 };
    expect(toStaffDossierSearch({ ...q, statuses: [...q.statuses] }).toString()).toBe('query=K-12&status=IN_PROGRESS&status=COMPLETED&sort=number&page=2');
    expect(staffDossierQuery({ ...q, statuses: [...q.statuses] }, 20)).toBe('query=K-12&status=IN_PROGRESS&status=COMPLETED&sort=number&page=1&size=20');
  });
});
