import { useCallback, useEffect, useState } from 'react';
import { useApi, type Loader } from '../../lib/hooks';
import * as portalApi from '../../lib/api/portalApi';
import type { Grant } from '../../lib/api/types';

/**
 * A list of grants as loaded, kept up to date with what the page itself changes: a new grant comes first (the list is
 * newest first), a shortened or revoked one replaces its old self. `key` as useApi's.
 */
export function useGrants(load: Loader<Grant[]>, key: string) {
  const loaded = useApi(load, key);
  const [items, setItems] = useState<Grant[] | undefined>(undefined);

  useEffect(() => {
    if (loaded.data) setItems(loaded.data);
  }, [loaded.data]);

  const add = useCallback((grant: Grant) => setItems((current) => [grant, ...(current ?? []).filter((g) => g.id !== grant.id)]), []);
  const replace = useCallback((grant: Grant) => setItems((current) => current?.map((g) => (g.id === grant.id ? grant : g))), []);

  return { items, error: loaded.error, reload: loaded.reload, add, replace };
}

/** "Inkorten" and "Intrekken" of the client who granted (Mijn gegevens and the dossier page alike). */
export const clientGrantActions = {
  revoke: (grant: Grant) => portalApi.revokeGrant(grant.dossierId, grant.id),
  shorten: (grant: Grant, until: string) => portalApi.shortenGrant(grant.dossierId, grant.id, until),
};
